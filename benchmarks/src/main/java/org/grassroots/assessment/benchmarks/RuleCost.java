package org.grassroots.assessment.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/**
 * What a rule (or a rule set) costs the warm evaluation: the shipped rules and variants of them
 * (the shipped set without some rules, or the rule files of a directory) evaluate one bundle in
 * turn, round after round, in one JVM, so that whatever else the machine runs falls on each of
 * them alike; the second half of the rounds is measured. Per variant: the process's CPU seconds
 * per evaluation (JIT and GC included) and the wall time, medians, against the shipped set, and a
 * digest of the results without the rule set's version (equal digests: the same results). Every
 * variant is compiled from its DRL the classic way, the shipped set too, so that they compare (the
 * shipped set's executable model evaluates at about the same speed: BENCHMARKS.md).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.grassroots.assessment.benchmarks.RuleCost \
 *     --bundle B.json --period 2026 --as-of 2026-12-31 [--rounds 14] [--threads 2] \
 *     [--without "C-ITEM"] [--without "V-0[0-5]"] [--rules DIR]
 * </pre>
 *
 * {@code --without} takes a regular expression matched against the start of rule names: every
 * rule it matches is left out of that variant (a rule whose facts others read takes them along:
 * the figure is an upper bound of what merging or rewriting it can save).
 */
public final class RuleCost {

    static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar org.grassroots.assessment.benchmarks.RuleCost
                       --bundle B.json --period 2026 --as-of 2026-12-31 [--rounds 14] [--threads 2]
                       [--without REGEX]... [--rules DIR]...
              --without  the shipped rules less those whose name starts with a match of REGEX
              --rules    the rule files of a directory (as --rules of the CLI)
            """;

    private static final Set<String> OPTIONS = Set.of("bundle", "period", "as-of", "rounds", "threads",
            "without", "rules");

    /** One way of evaluating: a name and its rules. */
    record Variant(String name, RuleSet rules) {
    }

    /** A variant's measured evaluations. */
    record Measured(String name, List<Double> cpuSeconds, List<Double> wallSeconds, String digest, int rules) {

        double cpuMedian() {
            return BenchmarkMain.median(cpuSeconds);
        }

        double wallMedian() {
            return BenchmarkMain.median(wallSeconds);
        }
    }

    private RuleCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(args);
        if (!options.containsKey("bundle") || !options.containsKey("period") || !options.containsKey("as-of")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", List.of("14")).get(0));
        int threads = Integer.parseInt(options.getOrDefault("threads", List.of("2")).get(0));
        if (rounds < 2 || threads < 1) {
            throw new IllegalArgumentException("--rounds must be at least 2 (half are measured), --threads at least 1");
        }
        List<Variant> variants = variants(options.getOrDefault("without", List.of()), options.getOrDefault("rules", List.of()));
        BundleData data;
        try (InputStream in = Files.newInputStream(Path.of(one(options, "bundle")))) {
            data = new BundleData(new BundleReader().read(in));
        }
        List<Measured> measured = measure(variants, data, Period.parse(one(options, "period")),
                LocalDate.parse(one(options, "as-of")), rounds, threads);
        System.out.print(report(measured, rounds, threads));
    }

    /** The shipped set first, then one variant per {@code --without} and per {@code --rules}. */
    static List<Variant> variants(List<String> without, List<String> dirs) throws Exception {
        Map<String, String> shipped = RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("shipped", RuleSet.compile(shipped)));
        for (String regex : without) {
            variants.add(new Variant("without " + regex, RuleSet.compile(without(shipped, Pattern.compile(regex)))));
        }
        for (String dir : dirs) {
            variants.add(new Variant(dir, RuleSetLoader.fromDirectory(Path.of(dir))));
        }
        return variants;
    }

    /** The rule files less every rule whose name starts with a match of the pattern; at least one must match. */
    static Map<String, String> without(Map<String, String> files, Pattern names) {
        Pattern rule = Pattern.compile("(?ms)^rule \"([^\"]*)\".*?^end[ \\t]*\\R?");
        Map<String, String> left = new TreeMap<>();
        int dropped = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            Matcher m = rule.matcher(file.getValue());
            StringBuilder kept = new StringBuilder();
            while (m.find()) {
                boolean drop = names.matcher(m.group(1)).lookingAt();
                dropped += drop ? 1 : 0;
                m.appendReplacement(kept, drop ? "" : Matcher.quoteReplacement(m.group()));
            }
            m.appendTail(kept);
            left.put(file.getKey(), kept.toString());
        }
        if (dropped == 0) {
            throw new IllegalArgumentException("no rule name starts with a match of " + names.pattern());
        }
        return left;
    }

    static List<Measured> measure(List<Variant> variants, BundleData data, Period period, LocalDate asOf, int rounds,
            int threads) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<List<Double>> cpu = new ArrayList<>();
        List<List<Double>> wall = new ArrayList<>();
        String[] digests = new String[variants.size()];
        variants.forEach(v -> {
            cpu.add(new ArrayList<>());
            wall.add(new ArrayList<>());
        });
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                long cpuBefore = os.getProcessCpuTime();
                long before = System.nanoTime();
                EvaluationResult result = new Evaluator(variants.get(i).rules(), threads, EngineBenchmarks.BATCH_SIZE)
                        .evaluate(data, period, asOf);
                double seconds = (System.nanoTime() - before) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
                if (round >= rounds / 2) {
                    cpu.get(i).add(cpuSeconds);
                    wall.get(i).add(seconds);
                }
                if (round == 0) {
                    // once, in a round not measured: writing 10k results as JSON makes garbage of its own
                    digests[i] = digest(result);
                }
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            measured.add(new Measured(variants.get(i).name(), cpu.get(i), wall.get(i), digests[i],
                    variants.get(i).rules().ruleNames().size()));
        }
        return measured;
    }

    static String report(List<Measured> measured, int rounds, int threads) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d rounds, %d threads, the last %d measured; CPU: the whole process's, per evaluation%n",
                rounds, threads, rounds - rounds / 2));
        out.append("| rules | rules in the set | CPU s (median) | against shipped | wall s (median) | results |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        double shipped = measured.get(0).cpuMedian();
        for (Measured m : measured) {
            out.append(String.format("| %s | %d | %.2f | %+.0f %% | %.2f | %s |%n", m.name(), m.rules(), m.cpuMedian(),
                    100 * (m.cpuMedian() / shipped - 1), m.wallMedian(),
                    m.digest().equals(measured.get(0).digest()) ? "same as shipped" : "differ (" + m.digest() + ")"));
        }
        return out.toString();
    }

    /** SHA-256 (first 8 bytes) of the results as published, the rule set's version and checksum left out. */
    static String digest(EvaluationResult r) {
        EvaluationResult unversioned = new EvaluationResult(r.period(), r.asOf(), null, r.organizations(), r.members(),
                r.rectifications());
        try {
            byte[] json = ResultJson.toJson(unversioned).getBytes(StandardCharsets.UTF_8);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option at " + args[i] + "\n" + USAGE);
            }
            String name = args[i].substring(2);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[i + 1]);
        }
        if (args.length % 2 == 1) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value\n" + USAGE);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name) {
        return options.get(name).get(0);
    }
}
