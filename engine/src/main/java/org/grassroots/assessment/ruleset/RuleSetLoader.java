package org.grassroots.assessment.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads rule files from a directory or from the classpath and compiles them into a {@link RuleSet}. */
public final class RuleSetLoader {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLoader.class);

    /** Where the default rule set lives on the classpath (the rules module's resources). */
    public static final String DEFAULT_RESOURCE_DIR = "assessment-rules";

    private RuleSetLoader() {
    }

    /**
     * The rule set shipped with the application: loaded from its executable model, generated and
     * fenced at build time, when that was made from exactly the rule files on the classpath;
     * compiled from the DRL otherwise (a development tree without the build's step, or files
     * that changed after it: a warning says so).
     */
    public static RuleSet defaultRuleSet() throws RuleSetCompilationException {
        return shipped(readClasspath(DEFAULT_RESOURCE_DIR), ExecutableModel.onClasspath());
    }

    static RuleSet shipped(Map<String, String> files, Optional<ExecutableModel> model) throws RuleSetCompilationException {
        if (model.isPresent()) {
            String checksum = RuleSet.checksum(new TreeMap<>(files));
            if (model.get().madeFrom(checksum)) {
                return RuleSet.fromExecutableModel(files, model.get());
            }
            log.warn("the shipped rules' executable model was made from other files ({}) than those on the classpath ({});"
                    + " compiling the DRL instead", model.get().checksum(), checksum);
        }
        return RuleSet.compile(files);
    }

    /** Compiles the {@code .drl} files (and {@code ruleset.properties}) directly in a directory. */
    public static RuleSet fromDirectory(Path dir) throws RuleSetCompilationException, IOException {
        return RuleSet.compile(readDirectory(dir));
    }

    /** The rule files directly in a directory; its {@code scenarios/} folder is not read (see {@link #readScenarios}). */
    public static Map<String, String> readDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (RuleSet.isRuleFile(name) || name.equals(RuleSet.PROPERTIES))) {
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    /**
     * Reads the rule files of a classpath folder, whether it is a directory, inside a jar, or inside
     * a jar nested in an executable Spring Boot jar (the jar connection handles all of those).
     */
    public static Map<String, String> readClasspath(String folder) {
        URL marker = RuleSetLoader.class.getClassLoader().getResource(folder + "/" + RuleSet.PROPERTIES);
        if (marker == null) {
            throw new IllegalStateException("no rule set on the classpath at " + folder + "/" + RuleSet.PROPERTIES);
        }
        try {
            if ("jar".equals(marker.getProtocol())) {
                return readJarFolder(marker, folder);
            }
            return readDirectory(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder, inside a rule directory, that holds its test scenarios and their bundles. */
    public static final String SCENARIOS = "scenarios";

    /**
     * The scenario files of a rule directory: every file under {@code DIR/scenarios/} (name relative
     * to that folder, with {@code /} between folders → content); empty when there is none. Scenarios
     * are not rules: they are never part of the rule set or its checksum.
     */
    public static Map<String, String> readScenarios(Path ruleDir) throws IOException {
        Path folder = ruleDir.resolve(SCENARIOS);
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = folder.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    /** The scenario files of a classpath rule folder (see {@link #readScenarios(Path)}). */
    public static Map<String, String> readClasspathScenarios(String folder) {
        URL marker = RuleSetLoader.class.getClassLoader().getResource(folder + "/" + RuleSet.PROPERTIES);
        if (marker == null) {
            throw new IllegalStateException("no rule set on the classpath at " + folder + "/" + RuleSet.PROPERTIES);
        }
        try {
            if ("jar".equals(marker.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) marker.openConnection();
                connection.setUseCaches(false);
                Map<String, String> files = new TreeMap<>();
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = folder + "/" + SCENARIOS + "/";
                    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName().substring(prefix.length()),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
                return files;
            }
            return readScenarios(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readJarFolder(URL marker, String folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        Map<String, String> files = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            String prefix = folder + "/";
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || name.indexOf('/', prefix.length()) >= 0) {
                    continue;
                }
                String file = name.substring(prefix.length());
                if (RuleSet.isRuleFile(file) || file.equals(RuleSet.PROPERTIES)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return files;
    }
}
