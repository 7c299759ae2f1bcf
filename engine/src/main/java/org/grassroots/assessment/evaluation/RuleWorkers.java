package org.grassroots.assessment.evaluation;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.grassroots.assessment.concurrent.Futures;

/**
 * Runs rule work that has a deadline on a worker thread while the caller waits no longer than the
 * deadline allows. The evaluator stops the work itself at its next check (every batch, every rule
 * firing); but Drools evaluates a rule's joins before the rule's first firing and checks nothing
 * while it does, so a join over very many facts cannot be stopped from outside. The caller then
 * returns at the deadline all the same, the deadline is cancelled and the worker interrupted; the
 * worker ends at its next check (or when the join ends) and its thread returns to the pool. The
 * pool makes a new thread whenever none is free, so such a worker never blocks later work.
 */
final class RuleWorkers {

    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rule-work-" + NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private RuleWorkers() {
    }

    /** The work's result, or its exception; an {@link ExecutionStoppedException} once the deadline passes. */
    static <T> T within(Deadline deadline, Supplier<T> work) {
        if (!deadline.isLimited()) {
            return work.get();
        }
        deadline.check();
        // Drools finds its services through the context class loader: give the worker the caller's
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FutureTask<T> task = new FutureTask<>(() -> {
            Thread thread = Thread.currentThread();
            thread.setContextClassLoader(loader);
            try {
                return work.get();
            } finally {
                thread.setContextClassLoader(null);
            }
        });
        POOL.execute(task);
        try {
            return task.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            abandon(deadline, task);
            throw deadline.exceeded(null);
        } catch (InterruptedException e) {
            abandon(deadline, task);
            Thread.currentThread().interrupt();
            throw deadline.exceeded(null);
        } catch (ExecutionException e) {
            throw Futures.rethrowCause(e);
        }
    }

    private static void abandon(Deadline deadline, FutureTask<?> task) {
        deadline.cancel();
        task.cancel(true);
    }
}
