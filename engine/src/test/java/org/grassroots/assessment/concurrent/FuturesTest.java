package org.grassroots.assessment.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FuturesTest {

    private static final String INTERRUPTED = "interrupted while waiting for the test's task";

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** A task that has run {@code work} on the calling thread. */
    private static <T> Future<T> ran(java.util.concurrent.Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        task.run();
        return task;
    }

    private static <T> Future<T> failedWith(Exception thrown) {
        return ran(() -> {
            throw thrown;
        });
    }

    private static Future<String> failedWithError(Error thrown) {
        return ran(() -> {
            throw thrown;
        });
    }

    @Test
    void get_returns_the_value() {
        assertThat(Futures.get(ran(() -> "done"), INTERRUPTED)).isEqualTo("done");
    }

    @Test
    void get_rethrows_a_runtime_exception_as_it_was_thrown() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad record");
        assertThat(catchThrowable(() -> Futures.get(failedWith(thrown), INTERRUPTED))).isSameAs(thrown);
    }

    @Test
    void get_rethrows_an_error_as_it_was_thrown() {
        StackOverflowError thrown = new StackOverflowError("deep");
        assertThat(catchThrowable(() -> Futures.get(failedWithError(thrown), INTERRUPTED))).isSameAs(thrown);
    }

    @Test
    void get_wraps_a_checked_cause_in_an_illegal_state_exception() {
        IOException thrown = new IOException("disk");
        assertThatThrownBy(() -> Futures.get(failedWith(thrown), INTERRUPTED))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasCause(thrown)
                .hasMessage(thrown.toString());
    }

    @Test
    void get_rethrows_the_checked_causes_named_and_wraps_the_others() {
        IOException io = new IOException("disk");
        TimeoutException timeout = new TimeoutException("late");
        InterruptedException other = new InterruptedException("not named");
        assertThat(catchThrowable(() -> Futures.get(failedWith(io), TimeoutException.class, IOException.class,
                INTERRUPTED))).isSameAs(io);
        assertThat(catchThrowable(() -> Futures.get(failedWith(timeout), TimeoutException.class, IOException.class,
                INTERRUPTED))).isSameAs(timeout);
        assertThatThrownBy(() -> Futures.get(failedWith(other), TimeoutException.class, IOException.class,
                INTERRUPTED)).isExactlyInstanceOf(IllegalStateException.class).hasCause(other);
        IllegalArgumentException unchecked = new IllegalArgumentException("bad");
        assertThat(catchThrowable(() -> Futures.get(failedWith(unchecked), TimeoutException.class, IOException.class,
                INTERRUPTED))).isSameAs(unchecked);
        assertThat(catchThrowable(() -> Futures.get(ran(() -> "done"), TimeoutException.class, IOException.class,
                INTERRUPTED))).isNull();
    }

    @Test
    void get_when_interrupted_sets_the_flag_again_and_throws_with_the_message() {
        Future<String> never = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        Throwable thrown = catchThrowable(() -> Futures.get(never, INTERRUPTED));
        assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class).hasMessage(INTERRUPTED)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void get_of_a_cancelled_task_throws_the_cancellation() {
        FutureTask<String> task = new FutureTask<>(() -> "never run");
        task.cancel(false);
        assertThatThrownBy(() -> Futures.get(task, INTERRUPTED)).isInstanceOf(CancellationException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void rethrow_cause_throws_the_unchecked_and_returns_the_checked_wrapped() {
        IllegalArgumentException unchecked = new IllegalArgumentException("bad");
        OutOfMemoryError error = new OutOfMemoryError("heap");
        IOException checked = new IOException("disk");
        assertThat(catchThrowable(() -> Futures.rethrowCause(new ExecutionException(unchecked)))).isSameAs(unchecked);
        assertThat(catchThrowable(() -> Futures.rethrowCause(new ExecutionException(error)))).isSameAs(error);
        RuntimeException returned = Futures.rethrowCause(new ExecutionException(checked));
        assertThat(returned).isExactlyInstanceOf(IllegalStateException.class).hasCause(checked);
    }

    @Test
    void join_returns_the_value() {
        assertThat(Futures.join(CompletableFuture.completedFuture(7))).isEqualTo(7);
    }

    @Test
    void join_rethrows_a_runtime_exception_and_an_error_as_they_were_thrown() {
        IllegalArgumentException unchecked = new IllegalArgumentException("bad");
        StackOverflowError error = new StackOverflowError("deep");
        assertThat(catchThrowable(() -> Futures.join(CompletableFuture.failedFuture(unchecked)))).isSameAs(unchecked);
        assertThat(catchThrowable(() -> Futures.join(CompletableFuture.failedFuture(error)))).isSameAs(error);
        // as supplyAsync reports it: wrapped in a CompletionException
        CompletableFuture<String> async = CompletableFuture.supplyAsync(() -> {
            throw unchecked;
        });
        assertThat(catchThrowable(() -> Futures.join(async))).isSameAs(unchecked);
    }

    @Test
    void join_leaves_a_checked_cause_in_its_completion_exception() {
        IOException checked = new IOException("disk");
        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(checked)))
                .isExactlyInstanceOf(CompletionException.class).hasCause(checked);
    }

    @Test
    void join_rethrows_the_checked_cause_named() throws Exception {
        IOException checked = new IOException("disk");
        TimeoutException other = new TimeoutException("late");
        IllegalArgumentException unchecked = new IllegalArgumentException("bad");
        assertThat(catchThrowable(() -> Futures.join(CompletableFuture.failedFuture(checked), IOException.class)))
                .isSameAs(checked);
        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(other), IOException.class))
                .isExactlyInstanceOf(CompletionException.class).hasCause(other);
        assertThat(catchThrowable(() -> Futures.join(CompletableFuture.failedFuture(unchecked), IOException.class)))
                .isSameAs(unchecked);
        assertThat(Futures.join(CompletableFuture.completedFuture("done"), IOException.class)).isEqualTo("done");
    }

    @Test
    void join_of_a_cancelled_future_throws_the_cancellation() {
        CompletableFuture<String> future = new CompletableFuture<>();
        future.cancel(true);
        assertThatThrownBy(() -> Futures.join(future)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> Futures.join(future, IOException.class)).isInstanceOf(CancellationException.class);
    }

    @Test
    void on_daemon_thread_runs_the_work_on_a_named_daemon_thread_with_the_caller_s_class_loader() {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) { };
        Thread caller = Thread.currentThread();
        ClassLoader before = caller.getContextClassLoader();
        caller.setContextClassLoader(loader);
        CompletableFuture<Thread> ran;
        try {
            ran = Futures.onDaemonThread("futures-test", Thread::currentThread);
        } finally {
            caller.setContextClassLoader(before);
        }
        Thread thread = Futures.join(ran);
        assertThat(thread).isNotSameAs(caller);
        assertThat(thread.getName()).isEqualTo("futures-test");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getContextClassLoader()).isSameAs(loader);
    }

    @Test
    void on_daemon_thread_completes_with_what_the_work_threw() {
        IOException checked = new IOException("disk");
        AssertionError error = new AssertionError("broken");
        assertThat(catchThrowable(() -> Futures.join(Futures.onDaemonThread("futures-test", () -> {
            throw checked;
        }), IOException.class))).isSameAs(checked);
        assertThat(catchThrowable(() -> Futures.join(Futures.onDaemonThread("futures-test", () -> {
            throw error;
        })))).isSameAs(error);
    }
}
