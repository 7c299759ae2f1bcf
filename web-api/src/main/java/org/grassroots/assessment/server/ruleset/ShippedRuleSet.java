package org.grassroots.assessment.server.ruleset;

import java.io.InputStream;
import java.time.LocalDate;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set shipped with the application, compiled once per JVM on a thread of its own. The
 * server's {@code main} starts it before Spring does, so the DRL compilation (seconds, cold) runs
 * beside the application context's start instead of inside it; {@link ActiveRuleSet} waits for it
 * only when it is created. A compiled set is immutable, so sharing it is safe.
 *
 * <p>Once the application is ready, and unless an evaluation already ran, the demo district is
 * evaluated once in the background with the compiled set, results thrown away: the first user's
 * evaluation otherwise pays seconds of class loading and JIT compilation in the rule engine and the
 * bundle reader.
 */
public final class ShippedRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ShippedRuleSet.class);

    private static BackgroundWork<RuleSet, RuleSetCompilationException> compiling;

    private ShippedRuleSet() {
    }

    /** Starts compiling the shipped set, once, on a thread of its own. */
    public static synchronized void startCompiling() {
        if (compiling == null) {
            compiling = BackgroundWork.start("shipped-rules-compiler", RuleSetCompilationException.class,
                    () -> CachedClassLookups.compile(RuleSetLoader::defaultRuleSet));
        }
    }

    private static volatile boolean warm;

    /** Records that an evaluation has run in this process: the engine's code is loaded and compiled. */
    public static void markWarm() {
        warm = true;
    }

    /**
     * Once the application is ready, evaluates the demo district once in the background unless an
     * evaluation already ran (the demo district's first start does two): done during the start it
     * took CPU from the start itself on a 2-core machine.
     */
    static void warmUpUnlessWarm() {
        if (warm) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                warmUp(get());
            } catch (RuleSetCompilationException | RuntimeException e) {
                log.debug("rule engine warm-up skipped", e);
            }
        }, "rule-engine-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(RuleSet rules) {
        long started = System.nanoTime();
        try (InputStream in = Fixtures.demoDistrict()) {
            Bundle bundle = new BundleReader().read(in);
            new Evaluator(rules, 2, 16).evaluate(new BundleData(bundle), Period.parse("2025"), LocalDate.of(2025, 12, 31));
            markWarm();
            log.debug("rule engine warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | LinkageError e) {
            // only a warm-up: the real evaluations report their own problems
            log.debug("rule engine warm-up skipped", e);
        }
    }

    /** The compiled shipped set (compiled now when nothing started it). */
    static RuleSet get() throws RuleSetCompilationException {
        startCompiling();
        BackgroundWork<RuleSet, RuleSetCompilationException> started;
        synchronized (ShippedRuleSet.class) {
            started = compiling;
        }
        return started.join();
    }
}
