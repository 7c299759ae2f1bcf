package org.grassroots.assessment.server.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full results of a district evaluated in batches, kept in a temporary file until the district
 * is ranked: each organization's unranked result, its members' JSON and its INSPECTION items as
 * listed, read back by code when the rows are written in rank order. What stays in the heap is a slim copy of each result for the
 * district phase ({@link #slim}) and where each record lies. The file is deleted on {@link #close}.
 *
 * <p>Results are written and read by Jackson's data binding; doubles read back to the very same
 * value (Jackson writes the shortest text that does), so the stored JSON is unchanged.
 */
final class SpilledResults implements AutoCloseable {

    // rankInType and rankInParent are left out when 0 (unranked): read them back as 0
    private static final JsonMapper SPILL = EvaluationJson.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final int WRITE_BUFFER = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER);
    private static final TypeReference<List<ItemSnapshot>> ITEMS = new TypeReference<>() { };

    private final Map<String, long[]> where = new HashMap<>();
    private final Map<String, List<long[]>> whereItems = new HashMap<>();
    /** Bytes added, those still in the buffer included. */
    private long written;
    /** Bytes in the file. */
    private long onDisk;

    SpilledResults() {
        try {
            this.file = Files.createTempFile("assessment-evaluation-", ".results");
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps an organization's unranked result and its members' JSON. */
    void add(OrganizationResult unranked, String membersJson) {
        byte[] result = SPILL.writeValueAsBytes(unranked);
        byte[] members = membersJson.getBytes(StandardCharsets.UTF_8);
        where.put(unranked.code(), new long[] {written, result.length, members.length});
        write(result);
        write(members);
    }

    /**
     * Keeps items of an organization as listed as of the as-of date: its INSPECTION items once its
     * batch was brought in line, its GRADING and STANDARD ones once the period's were synced.
     */
    void addItems(String code, List<ItemSnapshot> items) {
        byte[] json = SPILL.writeValueAsBytes(items);
        whereItems.computeIfAbsent(code, k -> new ArrayList<>(1)).add(new long[] {written, json.length});
        write(json);
    }

    /** The items kept of an organization, in the order kept, or none. */
    List<ItemSnapshot> items(String code) {
        List<long[]> at = whereItems.get(code);
        if (at == null) {
            return List.of();
        }
        List<ItemSnapshot> items = new ArrayList<>();
        for (long[] segment : at) {
            items.addAll(SPILL.readValue(bytes(segment[0], (int) segment[1]), ITEMS));
        }
        return items;
    }

    /** What was kept of an organization: its unranked result and its members' JSON. */
    record Kept(OrganizationResult result, String membersJson) {
    }

    Kept read(String code) {
        long[] at = where.get(code);
        if (at == null) {
            throw new IllegalStateException("no result kept for organization " + code);
        }
        byte[] all = bytes(at[0], (int) (at[1] + at[2]));
        OrganizationResult result = SPILL.readValue(all, 0, (int) at[1], OrganizationResult.class);
        String members = new String(all, (int) at[1], (int) at[2], StandardCharsets.UTF_8);
        return new Kept(result, members);
    }

    private byte[] bytes(long from, int length) {
        try {
            flush();
            ByteBuffer bytes = ByteBuffer.allocate(length);
            long position = from;
            while (bytes.hasRemaining()) {
                int n = channel.read(bytes, position);
                if (n < 0) {
                    throw new IOException("the results file ends early");
                }
                position += n;
            }
            return bytes.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(byte[] bytes) {
        try {
            int off = 0;
            while (off < bytes.length) {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                int n = Math.min(buffer.remaining(), bytes.length - off);
                buffer.put(bytes, off, n);
                off += n;
            }
            written += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            onDisk += channel.write(buffer, onDisk);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a temporary file: nothing to keep
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the temporary directory is the system's
        }
    }

    /** What the district phase reads of an organization's result; the rest stays in the file. */
    static OrganizationResult slim(OrganizationResult r) {
        return new OrganizationResult(r.code(), "", r.type(), r.parentCode(), 0, r.cohesion(), r.charisma(),
                r.combat(), r.composite(), r.inspectionScore(), r.tier(), List.of(), List.of(), r.flags(),
                r.movement(), List.of(), 0, 0, r.reasons(), List.of());
    }

    /** The full result given its rank, ranking flags and reasons from the ranked slim copy. */
    static OrganizationResult ranked(OrganizationResult r, OrganizationResult rank) {
        return new OrganizationResult(r.code(), r.name(), r.type(), r.parentCode(), rank.rank(), r.cohesion(),
                r.charisma(), r.combat(), r.composite(), r.inspectionScore(), r.tier(), r.weakTriggers(),
                r.titles(), rank.flags(), r.movement(), r.explanation(), rank.rankInType(), rank.rankInParent(),
                rank.reasons(), r.visits());
    }
}
