package org.grassroots.assessment.server.importing.xlsx;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads a workbook on one thread and converts its rows on another: the XML parsing (two thirds of
 * the work, measured) and the conversion into the bundle's JSON overlap. Rows travel in batches
 * through a small bounded queue, in order; the reader asks the conversion only which sheets it
 * wants ({@link WorkbookConversion#wants}), everything else the conversion does on its own thread.
 * A failure of the conversion (the row limit reached) stops the reader at its next row.
 */
final class RowPipe implements StreamingWorkbookReader.Listener {

    private static final int BATCH = 256;
    private static final List<Event> DONE = List.of();

    private interface Event {
    }

    private record Start(String name) implements Event {
    }

    private record Row(int row, boolean hidden, List<RawCell> cells) implements Event {
    }

    private record End(String name, List<CellRangeAddress> merged) implements Event {
    }

    private final WorkbookConversion conversion;
    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(16);
    private List<Event> batch = new ArrayList<>(BATCH);
    private volatile RuntimeException failure;

    private RowPipe(WorkbookConversion conversion) {
        this.conversion = conversion;
    }

    /** {@link StreamingWorkbookReader#read}, with the conversion on a second thread; returns once both are done. */
    static void read(File workbook, WorkbookConversion conversion) throws StreamingWorkbookReader.UnreadableWorkbookException {
        RowPipe pipe = new RowPipe(conversion);
        Thread converter = new Thread(pipe::convert, "workbook-rows");
        converter.setDaemon(true);
        converter.start();
        try {
            StreamingWorkbookReader.read(workbook, pipe);
            pipe.flush();
        } finally {
            pipe.put(DONE);
            join(converter);
        }
        if (pipe.failure != null) {
            throw pipe.failure;
        }
    }

    @Override
    public boolean startSheet(String name) {
        add(new Start(name));
        return conversion.wants(name);
    }

    @Override
    public void row(int row, boolean hidden, List<RawCell> cells) {
        add(new Row(row, hidden, cells));
    }

    @Override
    public void endSheet(String name, List<CellRangeAddress> merged) {
        add(new End(name, merged));
        flush();
    }

    private void add(Event event) {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
        batch.add(event);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<Event> events) {
        try {
            queue.put(events);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the workbook", e);
        }
    }

    /** The conversion's thread: every event in order until the reader is done; after a failure, the rest is dropped. */
    private void convert() {
        try {
            for (List<Event> events = queue.take(); events != DONE; events = queue.take()) {
                if (failure != null) {
                    continue;
                }
                try {
                    for (Event event : events) {
                        if (event instanceof Row r) {
                            conversion.row(r.row(), r.hidden(), r.cells());
                        } else if (event instanceof Start s) {
                            conversion.startSheet(s.name());
                        } else if (event instanceof End e) {
                            conversion.endSheet(e.name(), e.merged());
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
