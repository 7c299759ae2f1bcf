package org.grassroots.assessment.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private final Class<E> checked;

    private BackgroundWork(Class<E> checked) {
        this.checked = checked;
    }

    public static <T, E extends Exception> BackgroundWork<T, E> start(String threadName, Class<E> checked,
            Work<T, E> work) {
        BackgroundWork<T, E> started = new BackgroundWork<>(checked);
        Thread thread = new Thread(() -> {
            try {
                started.outcome.complete(work.run());
            } catch (Throwable t) {
                started.outcome.completeExceptionally(t);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** Waits for the work; its exception is rethrown as it was thrown. */
    public T join() throws E {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (checked.isInstance(cause)) {
                throw checked.cast(cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
