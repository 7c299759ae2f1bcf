package org.grassroots.assessment.server.ruleset;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set shipped with the application, compiled once per JVM on a thread of its own. The
 * server's {@code main} starts it before Spring does, so the DRL compilation (seconds, cold) runs
 * beside the application context's start instead of inside it; {@link ActiveRuleSet} waits for it
 * only when it is created. A compiled set is immutable, so sharing it is safe.
 *
 * <p>Started from {@code main}, the same thread then reads the demo district and evaluates it once
 * with the compiled set, results thrown away: the first real evaluation (the demo district's on a
 * first start, or a user's) otherwise pays seconds of class loading and JIT compilation in the
 * rule engine and the bundle reader.
 */
public final class ShippedRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ShippedRuleSet.class);

    private static CompletableFuture<RuleSet> compiling;

    private ShippedRuleSet() {
    }

    /** Starts compiling the shipped set, once; with {@code warmUp}, then evaluates the demo district once. */
    public static synchronized void startCompiling(boolean warmUp) {
        if (compiling != null) {
            return;
        }
        CompletableFuture<RuleSet> future = new CompletableFuture<>();
        Thread compiler = new Thread(() -> {
            RuleSet rules;
            try {
                rules = CachedClassLookups.compile(RuleSetLoader::defaultRuleSet);
            } catch (RuleSetCompilationException | RuntimeException | Error e) {
                future.completeExceptionally(e);
                return;
            }
            future.complete(rules);
            if (warmUp) {
                warmUp(rules);
            }
        }, "shipped-rules-compiler");
        compiler.setDaemon(true);
        compiler.start();
        compiling = future;
    }

    private static void warmUp(RuleSet rules) {
        long started = System.nanoTime();
        try (InputStream in = Fixtures.demoDistrict()) {
            Bundle bundle = new BundleReader().read(in);
            new Evaluator(rules, 2, 16).evaluate(new BundleData(bundle), Period.parse("2025"), LocalDate.of(2025, 12, 31));
            log.debug("rule engine warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | LinkageError e) {
            // only a warm-up: the real evaluations report their own problems
            log.debug("rule engine warm-up skipped", e);
        }
    }

    /** The compiled shipped set (compiled now, without a warm-up, when nothing started it). */
    static RuleSet get() throws RuleSetCompilationException {
        startCompiling(false);
        CompletableFuture<RuleSet> future;
        synchronized (ShippedRuleSet.class) {
            future = compiling;
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuleSetCompilationException c) {
                throw c;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
