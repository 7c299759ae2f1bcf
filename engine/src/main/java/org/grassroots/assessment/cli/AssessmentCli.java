package org.grassroots.assessment.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.bundle.SpilledBundle;
import org.grassroots.assessment.concurrent.Futures;
import org.grassroots.assessment.evaluation.AssessmentWindow;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleMessage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/**
 * The offline command line (docs/formats.md section 4):
 * {@code evaluate --bundle FILE --period P [--as-of DATE] [--rules DIR] [--previous-tiers FILE] [--out FILE]
 * [--threads N] [--time-limit S]},
 * and for rule maintainers {@code rules validate [DIR]} and {@code rules test [DIR]} ({@link RulesCommand}).
 * A handful of options does not justify a parsing library; this class parses them itself.
 */
public final class AssessmentCli {

    static final int OK = 0;
    static final int INVALID_INPUT = 1;
    static final int USAGE = 2;
    static final int BAD_RULES = 3;
    static final int SCENARIOS_FAILED = 4;
    static final int STOPPED = 5;

    private static final String USAGE_TEXT = """
            usage: java -jar assessment-cli.jar evaluate --bundle FILE --period P [--as-of YYYY-MM-DD]
                                                [--rules DIR] [--previous-tiers FILE] [--out FILE]
                                                [--threads N] [--time-limit S]
                   java -jar assessment-cli.jar rules validate [DIR]
                   java -jar assessment-cli.jar rules test [DIR]
              --bundle   fixture bundle (JSON, docs/formats.md section 1). One larger than a fifth
                         of the heap is streamed: checked in one pass that writes its records per
                         organization to temporary files (java.io.tmpdir, removed afterwards), then
                         evaluated in parts; same result, little heap (100,000 organizations in -Xmx1g)
              --period   2026 or 2026-Q3
              --as-of    default: the period end, or today if earlier
              --rules    a directory of .drl files (default: the rule set shipped inside)
              --previous-tiers  the previous period's tiers that movement compares with,
                         {"period": "2025", "tiers": {"CODE": "GOOD", ...}} (what the server's
                         GET /api/evaluations/{id}/previous-tiers answers); default: the previous
                         period evaluated from the bundle's facts with the same rules
              --out      write the result JSON here (default: standard output)
              --threads  evaluate with N threads (default: the number of processors)
              --time-limit  stop the evaluation after S seconds (default: no limit); exit 5. The
                         rules are also stopped, exit 5, when they fire more than
                         %d times per organization (a loop)
              rules validate  compile a rule directory (default: the shipped set): every error as
                              file:line:column: message, and warnings (no policy id, an id used in
                              two files, rules that fire in none of DIR/scenarios); exit 3 on errors
              rules test      run the scenarios in DIR/scenarios/*.scenario: pass/fail, the failed
                              expectations, and which rules fired; exit 4 when any fails,
                              exit 5 when the rules were stopped by the firing limit
            """.formatted(Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION);

    static String usage() {
        return USAGE_TEXT;
    }

    private final PrintStream out;
    private final PrintStream err;

    /**
     * Bundles larger than this many bytes are streamed. A bundle read whole takes about five times
     * its size in heap while evaluated (10,000 organizations, 198 MB: about 1 GB), so a fifth of the
     * heap; the streaming read costs more CPU for the spill files, and needs little heap at any size.
     */
    private final long streamAbove;
    /** Where the temporary files of a streamed bundle go (each run makes and removes its own directories). */
    private final Path temp;

    AssessmentCli(PrintStream out, PrintStream err) {
        this(out, err, Runtime.getRuntime().maxMemory() / 5, Path.of(System.getProperty("java.io.tmpdir")));
    }

    AssessmentCli(PrintStream out, PrintStream err, long streamAbove, Path temp) {
        this.out = out;
        this.err = err;
        this.streamAbove = streamAbove;
        this.temp = temp;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new AssessmentCli(out, err).run(args);
        out.flush();
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length > 0 && args[0].equals("rules")) {
            return new RulesCommand(out, err).run(args);
        }
        if (args.length == 0 || !args[0].equals("evaluate")) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            return evaluate(options);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        } catch (ExecutionStoppedException e) {
            err.println("error: " + e.getMessage());
            return STOPPED;
        }
    }

    private int evaluate(Map<String, String> options) throws IOException {
        Path bundleFile = Path.of(required(options, "--bundle"));
        Period period = Period.parse(required(options, "--period"));
        LocalDate asOf = options.containsKey("--as-of")
                ? date(options.get("--as-of"))
                : AssessmentWindow.defaultAsOf(period, LocalDate.now());
        AssessmentWindow.of(period, asOf); // an as-of date before the period start is an error
        int threads = options.containsKey("--threads")
                ? positive(options.get("--threads"), "--threads")
                : Runtime.getRuntime().availableProcessors();

        // compiling the rules (seconds, one core) and reading the bundle (one core) do not depend on
        // each other: do both at once; report as before, the rules' errors first
        Path rulesDir = options.containsKey("--rules") ? Path.of(options.get("--rules")) : null;
        PreviousGrades previous = options.containsKey("--previous-tiers")
                ? PreviousTiersFile.read(Path.of(options.get("--previous-tiers")), period) : null;
        PhaseTimer timer = new PhaseTimer(System.getProperty("assessment.timings") != null ? err : null);
        CompletableFuture<RuleSet> compiling = compileInBackground(rulesDir, timer);
        ReadBundle bundle = null;
        BundleValidationException invalid = null;
        IOException unreadable = null;
        try {
            bundle = read(bundleFile, timer);
            timer.done("parse + validate");
        } catch (BundleValidationException e) {
            invalid = e;
        } catch (IOException e) {
            unreadable = e;
        }
        try (ReadBundle records = bundle) {
            RuleSet rules;
            try {
                rules = join(compiling);
            } catch (RuleSetCompilationException e) {
                err.println("the rule set does not compile:");
                for (RuleMessage m : e.messages()) {
                    err.println("  " + m);
                }
                return BAD_RULES;
            }
            if (unreadable != null) {
                throw unreadable;
            }
            if (invalid != null) {
                err.println("the bundle " + bundleFile + " has " + invalid.problems().size() + " problem(s):");
                for (Problem p : invalid.problems()) {
                    err.println("  " + (p.path().isEmpty() ? "/" : p.path()) + ": " + p.message());
                }
                return INVALID_INPUT;
            }

            timer.done("waited for the rules");
            Deadline deadline = options.containsKey("--time-limit")
                    ? Deadline.after(Duration.ofSeconds(positive(options.get("--time-limit"), "--time-limit")), "评价 (evaluation)")
                    : Deadline.NONE;
            Evaluator evaluator = new Evaluator(rules, threads, 32)
                    .limitedBy(Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, deadline);
            write(o -> records.evaluate(evaluator, period, asOf, previous, o), options.get("--out"));
            timer.done("write");
            return OK;
        }
    }

    /** A bundle read and checked: held in memory, or spilled to temporary files that closing deletes. */
    private interface ReadBundle extends AutoCloseable {
        /**
         * Evaluates the period and writes the result JSON; movement compares with the given previous
         * tiers, or (null) with the previous period evaluated from the bundle's facts.
         */
        void evaluate(Evaluator evaluator, Period period, LocalDate asOf, PreviousGrades previous, OutputStream out)
                throws IOException;

        @Override
        void close();
    }

    /**
     * Reads a bundle that fits the heap whole (the quickest way); a larger one is streamed: checked in
     * one pass that spills its records per organization part to temporary files, then evaluated part
     * by part ({@link StreamedEvaluation}). Both give the same bytes.
     */
    private ReadBundle read(Path bundleFile, PhaseTimer timer) throws IOException, BundleValidationException {
        if (Files.size(bundleFile) > streamAbove) {
            SpilledBundle spilled = new BundleReader().spill(bundleFile, temp);
            return new ReadBundle() {
                @Override
                public void evaluate(Evaluator evaluator, Period period, LocalDate asOf, PreviousGrades previous,
                        OutputStream out) throws IOException {
                    new StreamedEvaluation(evaluator, temp, timer).evaluate(spilled, period, asOf, previous, out);
                }

                @Override
                public void close() {
                    spilled.close();
                }
            };
        }
        Bundle whole = new BundleReader().read(bundleFile);
        return new ReadBundle() {
            @Override
            public void evaluate(Evaluator evaluator, Period period, LocalDate asOf, PreviousGrades previous,
                    OutputStream out) {
                EvaluationResult result = previous == null ? evaluator.evaluate(new BundleData(whole), period, asOf)
                        : evaluator.evaluate(new BundleData(whole), period, asOf, previous);
                timer.done("evaluate");
                ResultJson.write(result, out);
            }

            @Override
            public void close() {
                // nothing on disk
            }
        };
    }

    /** The shipped rule set (from its executable model when it matches), or the directory's compiled, on a thread of its own. */
    private static CompletableFuture<RuleSet> compileInBackground(Path rulesDir, PhaseTimer timer) {
        return Futures.onDaemonThread("rule-compiler", () -> {
            RuleSet rules = rulesDir != null ? RuleSetLoader.fromDirectory(rulesDir) : RuleSetLoader.defaultRuleSet();
            timer.done(rules.prebuilt() ? "rules loaded from the executable model (own thread)" : "rule compile (own thread)");
            return rules;
        });
    }

    private static RuleSet join(CompletableFuture<RuleSet> compiling) throws RuleSetCompilationException, IOException {
        return Futures.get(compiling, RuleSetCompilationException.class, IOException.class,
                "interrupted while compiling the rules");
    }

    /** Writes the result JSON to an output stream. */
    @FunctionalInterface
    private interface ResultWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(ResultWriter result, String outFile) throws IOException {
        if (outFile == null) {
            result.writeTo(out);
            out.println();
            return;
        }
        // write next to the target and move, so a failed run never leaves half a file behind
        Path target = Path.of(outFile).toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".evaluate-", ".json");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            result.writeTo(o);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final Set<String> OPTIONS = Set.of("--bundle", "--period", "--as-of", "--rules", "--previous-tiers", "--out", "--threads",
            "--time-limit");

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = List.of(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i += 2) {
            String name = rest.get(i);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (options.put(name, rest.get(i + 1)) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be a date YYYY-MM-DD: " + text);
        }
        if (!Period.inRange(date)) {
            throw new IllegalArgumentException("--as-of must lie in the years " + Period.MIN_YEAR + "–"
                    + Period.MAX_YEAR + ": " + text);
        }
        return date;
    }

    private static int positive(String text, String name) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number: " + text);
    }
}
