package org.grassroots.assessment.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads rule files from a directory or from the classpath and compiles them into a {@link RuleSet}. */
public final class RuleSetLoader {

    /** Where the default rule set lives on the classpath (the rules module's resources). */
    public static final String DEFAULT_RESOURCE_DIR = "assessment-rules";

    private RuleSetLoader() {
    }

    /** The rule set shipped with the application. */
    public static RuleSet defaultRuleSet() throws RuleSetCompilationException {
        return RuleSet.compile(readClasspath(DEFAULT_RESOURCE_DIR));
    }

    /** Compiles the {@code .drl} files (and {@code ruleset.properties}) directly in a directory. */
    public static RuleSet fromDirectory(Path dir) throws RuleSetCompilationException, IOException {
        return RuleSet.compile(readDirectory(dir));
    }

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

    /** Reads the rule files of a classpath folder, whether it is a directory or inside a jar. */
    public static Map<String, String> readClasspath(String folder) {
        URL marker = RuleSetLoader.class.getClassLoader().getResource(folder + "/" + RuleSet.PROPERTIES);
        if (marker == null) {
            throw new IllegalStateException("no rule set on the classpath at " + folder + "/" + RuleSet.PROPERTIES);
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = newJarFileSystem(uri)) {
                    return readDirectory(jar.getPath(folder));
                }
            }
            return readDirectory(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem newJarFileSystem(URI uri) throws IOException {
        String jar = uri.toString();
        URI root = URI.create(jar.substring(0, jar.indexOf("!/")));
        return FileSystems.newFileSystem(root, Map.of());
    }
}
