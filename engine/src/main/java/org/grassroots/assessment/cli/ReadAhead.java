package org.grassroots.assessment.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * Iterates a source on another thread, ahead of the caller: the source's values (here: results read
 * back from a spill file and decoded) come over in batches through a bounded queue, so reading and
 * decoding run while the caller writes what it already has. At most {@code BATCH * (WAITING + 2)}
 * values are held. What the source throws is thrown by {@link #hasNext} or {@link #next}, as it was.
 *
 * <p>The source is used only by that thread. A caller that stops early must stop the executor
 * ({@code shutdownNow}): the thread ends when interrupted.
 */
final class ReadAhead<T> implements Iterator<T> {

    private static final int BATCH = 256;
    private static final int WAITING = 4;

    /** What the reading thread hands over: values, the end, or what the source threw. */
    private record Batch(List<Object> values, Throwable failure, boolean last) {
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(WAITING);
    private List<Object> current = List.of();
    private int position;
    private boolean last;

    ReadAhead(Iterator<? extends T> source, ExecutorService executor) {
        executor.execute(() -> fill(source));
    }

    private void fill(Iterator<? extends T> source) {
        try {
            List<Object> values = new ArrayList<>(BATCH);
            while (source.hasNext()) {
                values.add(source.next());
                if (values.size() == BATCH) {
                    queue.put(new Batch(values, null, false));
                    values = new ArrayList<>(BATCH);
                }
            }
            queue.put(new Batch(values, null, true));
        } catch (InterruptedException e) {
            // the caller stopped: nobody reads what would follow
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(new Batch(List.of(), e, true));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (position == current.size()) {
            if (last) {
                return false;
            }
            Batch batch = take();
            if (batch.failure() instanceof RuntimeException r) {
                throw r;
            } else if (batch.failure() instanceof Error error) {
                throw error;
            }
            current = batch.values();
            position = 0;
            last = batch.last();
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object value = current.get(position);
        current.set(position, null); // written: no longer held
        position++;
        return (T) value;
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading spilled results", e);
        }
    }
}
