package org.grassroots.assessment.bundle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.grassroots.assessment.concurrent.Futures;

/**
 * Runs the checking and converting of records on one worker thread, in document order, while the
 * reading thread goes on tokenizing: the two halves of a bundle read take about the same time, so
 * two cores read a large bundle almost twice as fast. Records go over in chunks and at most a few
 * chunks wait, so memory stays bounded. With one processor everything runs inline.
 */
final class RecordWorker implements AutoCloseable {

    private static final int CHUNK = 256;
    private static final int MAX_WAITING_CHUNKS = 4;

    private final ExecutorService worker;
    private final ArrayDeque<Future<?>> waiting = new ArrayDeque<>();
    private List<Runnable> chunk = new ArrayList<>(CHUNK);

    RecordWorker(boolean parallel) {
        this.worker = parallel ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bundle-records");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    static RecordWorker forThisMachine() {
        return new RecordWorker(Runtime.getRuntime().availableProcessors() > 1);
    }

    /** Runs {@code task} after every task submitted before it. */
    void submit(Runnable task) {
        if (worker == null) {
            task.run();
            return;
        }
        chunk.add(task);
        if (chunk.size() == CHUNK) {
            flush();
        }
    }

    /** Returns once every submitted task has run; rethrows what a task threw. */
    void drain() {
        flush();
        while (!waiting.isEmpty()) {
            await(waiting.poll());
        }
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        List<Runnable> tasks = chunk;
        chunk = new ArrayList<>(CHUNK);
        waiting.add(worker.submit(() -> tasks.forEach(Runnable::run)));
        while (waiting.size() > MAX_WAITING_CHUNKS) {
            await(waiting.poll());
        }
    }

    private static void await(Future<?> done) {
        Futures.get(done, "interrupted while reading a bundle");
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdownNow();
            try {
                // a task still running may write to files the caller deletes next
                worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
