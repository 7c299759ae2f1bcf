package org.grassroots.assessment.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.StoredRecords;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's two offline steps, measured apart: reading and validating a bundle, and evaluating
 * a period of it (the previous period evaluated on the fly for movement, then the district phase)
 * over one compiled rule set with 1 or 2 threads. One invocation is one whole step over a whole
 * bundle (single-shot): these are seconds-long batch operations, not microbenchmarks. The bundles
 * come from the fixtures' seeded generator ({@link BenchmarkMain} writes them first), named
 * {@code b<size>.json} in the folder given by {@code -Dbench.bundles}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmarks {

    static final Period PERIOD = Period.parse("2026");
    static final LocalDate AS_OF = LocalDate.parse("2026-12-31");
    /** "Today" for validation: the generator dates visits up to the end of its last year. */
    static final Clock TODAY = Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final int BATCH_SIZE = 32;

    static Path bundle(int size) {
        return Path.of(System.getProperty("bench.bundles", "benchmarks/target/bundles"), "b" + size + ".json");
    }

    static Bundle read(Path file) throws IOException, BundleValidationException {
        return new BundleReader(TODAY, StoredRecords.NONE).read(file);
    }

    private static RuleSet rules;

    /** The shipped rule set, compiled once per JVM (several benchmarks may share a JVM in smoke runs). */
    static synchronized RuleSet rules() throws RuleSetCompilationException {
        if (rules == null) {
            rules = RuleSetLoader.defaultRuleSet();
        }
        return rules;
    }

    @State(Scope.Benchmark)
    public static class BundleFile {
        @Param("1000")
        public int size;

        Path file;

        @Setup(Level.Trial)
        public void locate() {
            file = bundle(size);
        }
    }

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param("1000")
        public int size;

        @Param({"1", "2"})
        public int threads;

        Bundle bundle;
        Evaluator evaluator;

        @Setup(Level.Trial)
        public void load() throws Exception {
            bundle = read(bundle(size));
            evaluator = new Evaluator(rules(), threads, BATCH_SIZE);
        }
    }

    /** Streaming parse and full validation of the bundle file into records. */
    @Benchmark
    public Bundle parseAndValidate(BundleFile state) throws Exception {
        return read(state.file);
    }

    /** Indexing the records, then the period 2026 with 2025 on the fly, ranked (what the CLI does after reading). */
    @Benchmark
    public EvaluationResult evaluate(Loaded state) {
        return state.evaluator.evaluate(new BundleData(state.bundle), PERIOD, AS_OF);
    }
}
