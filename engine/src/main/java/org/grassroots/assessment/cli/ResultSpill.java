package org.grassroots.assessment.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * The temporary files of a streamed evaluation: the organization results (read back by code), and
 * the members and rectification items as sorted runs, one per part, merged when read. All in one
 * new directory, deleted on {@link #close} whatever happened.
 *
 * <p>Records are written and read by Jackson's data binding in Smile, its binary form of JSON:
 * doubles are kept as their 64 bits, so they read back to the very same value and the final JSON is
 * unchanged. Every record read alone and every run starts a Smile document of its own (its header
 * and its table of shared property names), so that each can be read from where it starts.
 */
final class ResultSpill implements AutoCloseable {

    private static final SmileMapper SPILL = SmileMapper.builder()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            // a run's generator is closed at the run's end, the file stays open for the next
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // records follow each other in one file
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // rankInType and rankInParent are left out when 0 (NON_DEFAULT): read them back as 0
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final int READ_BUFFER = 1 << 14;

    private final Path directory;
    final Records organizations;
    final Runs members;
    final Runs rectifications;

    ResultSpill(Path parent) throws IOException {
        this.directory = Files.createTempDirectory(parent, "assessment-results-");
        Records o = null;
        Runs m = null;
        Runs r = null;
        try {
            o = new Records(directory.resolve("organizations.smile"));
            m = new Runs(directory.resolve("members.smile"));
            r = new Runs(directory.resolve("rectifications.smile"));
        } catch (IOException | RuntimeException e) {
            closeAll(o, m, r);
            deleteDirectory();
            throw e;
        }
        this.organizations = o;
        this.members = m;
        this.rectifications = r;
    }

    /** Flushes what was written, so that it can be read. */
    void finishWriting() throws IOException {
        organizations.flush();
        members.flush();
        rectifications.flush();
    }

    @Override
    public void close() {
        closeAll(organizations, members, rectifications);
        deleteDirectory();
    }

    private static void closeAll(SpillFile... files) {
        for (SpillFile file : files) {
            if (file != null) {
                file.closeQuietly();
            }
        }
    }

    private void deleteDirectory() {
        try (var entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // best effort: the temporary directory is the system's
        }
    }

    /** A file written in order and then read at positions. */
    private static class SpillFile {
        final FileChannel channel;
        final CountingOutputStream counted;
        final OutputStream out;

        SpillFile(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            this.counted = new CountingOutputStream(java.nio.channels.Channels.newOutputStream(channel));
            this.out = new BufferedOutputStream(counted, 1 << 16);
        }

        /** Bytes written so far (what is still buffered included). */
        long position() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return counted.count;
        }

        void flush() throws IOException {
            out.flush();
        }

        InputStream segment(long start, long end) {
            return new BufferedInputStream(new SegmentInputStream(channel, start, end), READ_BUFFER);
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a file about to be deleted
            }
        }
    }

    /** Records written one after the other and read back by key. */
    static final class Records extends SpillFile {
        private final Map<String, Integer> numbers = new HashMap<>();
        private long[] starts = new long[1024];
        private int count;

        Records(Path file) throws IOException {
            super(file);
        }

        void add(String key, Object value) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            byte[] bytes = SPILL.writeValueAsBytes(value);
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            numbers.put(key, count);
            count++;
            starts[count] = starts[count - 1] + bytes.length;
        }

        <T> T read(String key, Class<T> type) {
            Integer number = numbers.get(key);
            if (number == null) {
                throw new IllegalStateException("no spilled record " + key);
            }
            try (InputStream in = segment(starts[number], starts[number + 1])) {
                return SPILL.readerFor(type).readValue(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sorted runs written one after the other, read back as one merged sequence. */
    static final class Runs extends SpillFile {
        private final List<long[]> runs = new ArrayList<>();

        Runs(Path file) throws IOException {
            super(file);
        }

        /** Adds a run: {@code values} must be in the order they are merged by. */
        void addRun(List<?> values) {
            if (values.isEmpty()) {
                return;
            }
            long start = position();
            try (JsonGenerator generator = SPILL.createGenerator(out)) {
                for (Object value : values) {
                    SPILL.writeValue(generator, value);
                }
            }
            runs.add(new long[] {start, position()});
        }

        /**
         * All runs merged by {@code order}; equal values come run by run (a stable merge). Each run
         * is read a buffer at a time.
         */
        <T> Iterator<T> merged(Class<T> type, Comparator<? super T> order) {
            List<MappingIterator<T>> cursors = new ArrayList<>(runs.size());
            for (long[] run : runs) {
                cursors.add(SPILL.readerFor(type).readValues(segment(run[0], run[1])));
            }
            return new Merge<>(cursors, order);
        }
    }

    /** A k-way merge of sorted iterators; ties are taken from the earlier iterator first. */
    private static final class Merge<T> implements Iterator<T> {
        private record Head<T>(T value, int source) {
        }

        private final List<MappingIterator<T>> sources;
        private final PriorityQueue<Head<T>> heads;

        Merge(List<MappingIterator<T>> sources, Comparator<? super T> order) {
            this.sources = sources;
            Comparator<Head<T>> byValue = (a, b) -> order.compare(a.value(), b.value());
            this.heads = new PriorityQueue<>(Math.max(1, sources.size()),
                    byValue.thenComparingInt(Head::source));
            for (int i = 0; i < sources.size(); i++) {
                advance(i);
            }
        }

        private void advance(int source) {
            MappingIterator<T> iterator = sources.get(source);
            if (iterator.hasNextValue()) {
                heads.add(new Head<>(iterator.nextValue(), source));
            } else {
                iterator.close();
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public T next() {
            Head<T> head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.source());
            return head.value();
        }
    }

    /** Counts the bytes that reach the file. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Reads {@code [start, end)} of a file by position, so that many readers share one channel.
     * The JDK has no such stream ({@code Channels.newInputStream} moves the channel's one position).
     */
    private static final class SegmentInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        SegmentInputStream(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(len, end - position);
            int read = channel.read(ByteBuffer.wrap(b, off, wanted), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }
}
