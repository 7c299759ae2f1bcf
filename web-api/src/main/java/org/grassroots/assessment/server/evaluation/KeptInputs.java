package org.grassroots.assessment.server.evaluation;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.grassroots.assessment.concurrent.Futures;

/**
 * An evaluation's inputs written and compressed ({@link InputSnapshot.Stream}) batch by batch, each
 * batch on a thread of its own while the engine evaluates it; the compressed parts cut so far are
 * handed back on {@link #join} (the evaluation's transaction stores them), so that at most a batch's
 * parts are held in memory. The thread takes the caller's context class loader (a thread it creates
 * inherits it), so Jackson finds the records' classes inside the packaged server.
 */
final class KeptInputs {

    private final InputSnapshot.Stream stream = new InputSnapshot.Stream();
    private FutureTask<Void> running;
    private Thread thread;

    /** Writes the organizations (on the caller's thread). */
    void organizations(List<org.grassroots.assessment.model.Organization> all) {
        stream.organizations(all);
    }

    /** Starts writing a batch: {@code writer} writes it to the stream it is given. One batch at a time. */
    void startBatch(Consumer<InputSnapshot.Stream> writer) {
        if (running != null) {
            throw new IllegalStateException("the previous batch's inputs were not joined");
        }
        running = new FutureTask<>(() -> writer.accept(stream), null);
        thread = new Thread(running, "evaluation-inputs");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the batch being written; returns the parts cut so far. What the writer threw, thrown here. */
    List<byte[]> join() {
        FutureTask<Void> task = running;
        running = null;
        if (task != null) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                task.cancel(true);
                throw new IllegalStateException("interrupted while the evaluation's inputs were written", e);
            } catch (CancellationException e) {
                throw new IllegalStateException("the evaluation's inputs were abandoned", e);
            } catch (ExecutionException e) {
                throw Futures.rethrowCause(e);
            }
        }
        return stream.takeParts();
    }

    /** Ends the document, once the last batch was joined; its last parts are taken with {@link #join}. */
    InputSnapshot.Written finish(org.grassroots.assessment.model.Period period, java.time.LocalDate asOf, FactBasis basis,
            String previousGrades) {
        if (running != null) {
            throw new IllegalStateException("the last batch's inputs were not joined");
        }
        return stream.finish(period, asOf, basis, previousGrades);
    }

    /** The evaluation failed: the parts are not wanted (the thread stops at its next part). */
    void abandon() {
        FutureTask<Void> task = running;
        running = null;
        if (task != null) {
            task.cancel(true);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stream.abandon();
    }
}
