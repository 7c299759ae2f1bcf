package org.grassroots.assessment.server;

import java.util.concurrent.CompletableFuture;
import org.grassroots.assessment.concurrent.Futures;

/**
 * Work started on a daemon thread of its own during the start (rule compile, demo district load),
 * whose outcome is awaited later: {@link #join()} returns the value or rethrows what the work threw,
 * its one checked exception included, as if it had run on the joining thread.
 */
public final class BackgroundWork<T, E extends Exception> {

    /** The work: returns a value or throws {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final CompletableFuture<T> outcome;
    private final Class<E> checked;

    private BackgroundWork(CompletableFuture<T> outcome, Class<E> checked) {
        this.outcome = outcome;
        this.checked = checked;
    }

    public static <T, E extends Exception> BackgroundWork<T, E> start(String threadName, Class<E> checked,
            Work<T, E> work) {
        return new BackgroundWork<>(Futures.onDaemonThread(threadName, work::run), checked);
    }

    /** Waits for the work; its exception is rethrown as it was thrown. */
    public T join() throws E {
        return Futures.join(outcome, checked);
    }
}
