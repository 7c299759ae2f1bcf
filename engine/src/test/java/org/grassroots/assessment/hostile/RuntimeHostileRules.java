package org.grassroots.assessment.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/**
 * The run-time hostile corpus ({@code hostile-rules/runtime/*.drl}): each file one attempt to make
 * the rules run without end, added beside the shipped set, with what must happen written in it
 * ({@code // expect: stopped firing-limit} or {@code // expect: stopped time-limit}).
 */
public record RuntimeHostileRules(String file, String drl, ExecutionStoppedException.Reason expected,
        List<String> ruleNames) {

    private static final Pattern EXPECT = Pattern.compile("(?m)^// expect: stopped (firing-limit|time-limit)\\s*$");
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");
    private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();

    public static List<RuntimeHostileRules> all() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.toString().endsWith(".drl")).sorted().map(RuntimeHostileRules::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path folder() {
        try {
            return Path.of(RuntimeHostileRules.class.getResource("/hostile-rules/runtime").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeHostileRules read(Path file) {
        try {
            String drl = Files.readString(file);
            if (!drl.startsWith("// hostile: ")) {
                throw new IllegalStateException(file + " does not start with // hostile: <what it tries>");
            }
            Matcher m = EXPECT.matcher(drl);
            if (!m.find()) {
                throw new IllegalStateException(file + " has no // expect: stopped firing-limit|time-limit line");
            }
            ExecutionStoppedException.Reason reason = m.group(1).equals("firing-limit")
                    ? ExecutionStoppedException.Reason.FIRING_LIMIT : ExecutionStoppedException.Reason.TIME_LIMIT;
            Matcher r = RULE.matcher(drl);
            List<String> names = new java.util.ArrayList<>();
            while (r.find()) {
                names.add(r.group(1));
            }
            return new RuntimeHostileRules(file.getFileName().toString(), drl, reason, List.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped rule files with this file added as {@code 99-<file>}. */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>(RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR));
        files.put(fileName(), drl);
        return files;
    }

    public String fileName() {
        return "99-" + file;
    }

    /** The shipped set with this file, compiled once per JVM. */
    public RuleSet compiled() {
        return COMPILED.computeIfAbsent(file, f -> {
            try {
                return RuleSet.compile(files());
            } catch (Exception e) {
                throw new IllegalStateException(file + " does not compile beside the shipped set", e);
            }
        });
    }

    /**
     * The shipped scenarios of the worked example (file name → content): seven organizations, 55
     * member records, one batch. The slow join compares 55⁴ ≈ 9 million quadruples of them (seconds,
     * many times the tests' limit), and an abandoned run ends within seconds; the loops loop on any data.
     */
    public static Map<String, String> scenarios() {
        Map<String, String> files = new TreeMap<>(RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR));
        files.keySet().removeIf(name -> !name.startsWith("worked-example"));
        return files;
    }

    /** The bundle of {@link #scenarios()}. */
    public static String bundleJson() {
        return scenarios().get("worked-example.json");
    }

    public static Bundle bundle() {
        try {
            return new BundleReader().read(new ByteArrayInputStream(bundleJson().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
