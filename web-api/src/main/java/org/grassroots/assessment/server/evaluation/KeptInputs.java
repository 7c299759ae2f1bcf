package org.grassroots.assessment.server.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * An evaluation's inputs written and compressed ({@link InputSnapshot#write}) on a thread of its own
 * while the engine evaluates them, the compressed parts held in memory (about a tenth of the JSON)
 * until the evaluation's transaction stores them. The thread takes the caller's context class
 * loader (a thread it creates inherits it), so Jackson finds the records' classes inside the
 * packaged server.
 */
final class KeptInputs {

    /** What was written: the extras and counts, and the compressed parts in order. */
    record Done(InputSnapshot.Written written, List<byte[]> parts) {
    }

    private final FutureTask<Done> task;
    private final Thread thread;

    private KeptInputs(FutureTask<Done> task) {
        this.task = task;
        this.thread = new Thread(task, "evaluation-inputs");
        this.thread.setDaemon(true);
    }

    /** Starts writing: {@code writer} writes the inputs to the sink it is given and says what it wrote. */
    static KeptInputs start(Function<InputSnapshot.PartSink, InputSnapshot.Written> writer) {
        KeptInputs kept = new KeptInputs(new FutureTask<>(() -> {
            List<byte[]> parts = new ArrayList<>();
            InputSnapshot.Written written = writer.apply((index, bytes) -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the evaluation's inputs were abandoned");
                }
                if (index != parts.size()) {
                    throw new IllegalStateException("part " + index + " after " + parts.size() + " parts");
                }
                parts.add(bytes);
            });
            return new Done(written, List.copyOf(parts));
        }));
        kept.thread.start();
        return kept;
    }

    /** Waits for the parts; what the writer threw, thrown here. */
    Done join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while the evaluation's inputs were written", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("the evaluation's inputs were abandoned", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The evaluation failed: the parts are not wanted (the thread stops at its next part). */
    void abandon() {
        task.cancel(true);
    }
}
