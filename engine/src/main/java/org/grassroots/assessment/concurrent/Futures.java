package org.grassroots.assessment.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work that ran on another thread as if it had run on the waiting one: its value is
 * returned and what it threw is thrown again as it was, not wrapped.
 * <ul>
 * <li>{@link #get} waits on a {@link Future}: a cause that is a {@link RuntimeException} or an
 * {@link Error} (or one of the checked types named) is rethrown; any other cause is wrapped in an
 * {@link IllegalStateException}. When the waiting thread is interrupted its interrupt flag is set
 * again and an {@link IllegalStateException} with the given message is thrown. A cancelled task's
 * {@link CancellationException} reaches the caller as it is.</li>
 * <li>{@link #join} waits on a {@link CompletableFuture}: a cause that is a {@link RuntimeException}
 * or an {@link Error} (or the checked type named) is rethrown; any other cause stays in its
 * {@link CompletionException}, which is thrown. A {@link CancellationException} reaches the caller
 * as it is.</li>
 * <li>{@link #rethrowCause} serves the callers that wait themselves (a timed wait, their own
 * handling of an interrupt).</li>
 * <li>{@link #onDaemonThread} runs work on a new daemon thread of the given name.</li>
 * </ul>
 */
public final class Futures {

    private Futures() {
    }

    /**
     * Starts {@code work} on a new daemon thread named {@code name} (it inherits the caller's context
     * class loader); the future completes with the work's value or with whatever it threw.
     */
    public static <T> CompletableFuture<T> onDaemonThread(String name, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /**
     * The task's value. What it threw: a {@link RuntimeException} or an {@link Error} rethrown, any
     * other cause wrapped in an {@link IllegalStateException}.
     *
     * @param whenInterrupted the message of the {@link IllegalStateException} thrown when the waiting
     *            thread is interrupted (its interrupt flag is set again)
     * @throws CancellationException when the task was cancelled
     */
    public static <T> T get(Future<T> task, String whenInterrupted) {
        return get(task, RuntimeException.class, RuntimeException.class, whenInterrupted);
    }

    /**
     * As {@link #get(Future, String)}, and a cause that is an {@code A} or a {@code B} is rethrown as it
     * is (checked first, in that order).
     */
    public static <T, A extends Exception, B extends Exception> T get(Future<T> task, Class<A> checked,
            Class<B> otherChecked, String whenInterrupted) throws A, B {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(whenInterrupted, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (checked.isInstance(cause)) {
                throw checked.cast(cause);
            }
            if (otherChecked.isInstance(cause)) {
                throw otherChecked.cast(cause);
            }
            throw rethrowCause(e);
        }
    }

    /**
     * Throws the failed task's cause when it is a {@link RuntimeException} or an {@link Error};
     * otherwise returns it wrapped in an {@link IllegalStateException}, for the caller to throw:
     * {@code throw Futures.rethrowCause(e);}.
     */
    public static RuntimeException rethrowCause(ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /**
     * The future's value. What it threw: a {@link RuntimeException} or an {@link Error} rethrown, any
     * other cause left in the {@link CompletionException}, which is thrown.
     *
     * @throws CancellationException when the future was cancelled
     */
    public static <T> T join(CompletableFuture<T> future) {
        return join(future, RuntimeException.class);
    }

    /** As {@link #join(CompletableFuture)}, and a cause that is an {@code E} is rethrown as it is. */
    public static <T, E extends Exception> T join(CompletableFuture<T> future, Class<E> checked) throws E {
        try {
            return future.join();
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
