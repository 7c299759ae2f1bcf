package org.grassroots.assessment.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Visit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads and validates fixture bundles (docs/formats.md section 1) and single visits.
 *
 * <p>A bundle is streamed: one record at a time is held as a small tree, checked and converted,
 * so memory grows with the converted records and compact key indexes, not with the document.
 * Every problem is collected, each with a JSON Pointer; a result is returned only when there are
 * none (all or nothing). Malformed JSON is reported as one problem with its line and column.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class BundleReader {

    /**
     * No field of the format is longer than 2000 characters; a longer string only costs memory
     * (the parser's default allows 100 million).
     */
    private static final int MAX_STRING_LENGTH = 1_000_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            // The caller owns a stream it hands in.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
            .build();

    private final Clock clock;
    private final StoredRecords stored;

    /** For offline use: today by the system clock, nothing stored. */
    public BundleReader() {
        this(Clock.systemDefaultZone(), StoredRecords.NONE);
    }

    /**
     * @param clock  gives "today", after which no visit may be dated (in the clock's zone)
     * @param stored what the server holds already, for references from the bundle
     */
    public BundleReader(Clock clock, StoredRecords stored) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /** Reads a bundle file. */
    public Bundle read(Path file) throws IOException, BundleValidationException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads a bundle from a stream, which is left open.
     *
     * @throws UncheckedIOException when reading the stream fails
     */
    public Bundle read(InputStream in) throws BundleValidationException {
        return parse(in, new BundlePass<>(today(), new CachingStoredRecords(stored), RecordSink.inMemory()));
    }

    /**
     * Reads and checks a bundle file exactly as {@link #read(Path)} does (the same problems, all at
     * once), but keeps no record in memory: each record that passed its checks is written to a
     * temporary file of its organization's part, in a new directory under {@code tempDirectory}.
     * What is kept meanwhile is the compact key index of the cross-record checks. On any failure
     * the files are deleted before this returns; on success the caller closes the result.
     */
    public SpilledBundle spill(Path file, Path tempDirectory) throws IOException, BundleValidationException {
        return spill(file, tempDirectory, SpilledBundle.partsFor(Files.size(file)));
    }

    /** {@link #spill(Path, Path)} into {@code parts} parts. */
    public SpilledBundle spill(Path file, Path tempDirectory, int parts) throws IOException, BundleValidationException {
        try (SpilledBundle.Writer writer = new SpilledBundle.Writer(tempDirectory, parts);
             InputStream in = Files.newInputStream(file)) {
            return parse(in, new BundlePass<>(today(), new CachingStoredRecords(stored), writer));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads one visit (the shape of a bundle's visits[] element); problem paths are relative to the
     * visit, e.g. {@code /findings/0/item}. Its orgCode must be a stored organization.
     *
     * @throws UncheckedIOException when reading the stream fails
     */
    public Visit readVisit(InputStream in) throws BundleValidationException {
        return parse(in, new VisitPass(today(), stored));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static <T> T parse(InputStream in, DocumentPass<T> pass) throws BundleValidationException {
        try (JsonParser parser = JSON.createParser(in)) {
            try {
                if (parser.nextToken() == null) {
                    throw new BundleValidationException(List.of(new Problem("", "is empty: expected a JSON object")));
                }
                pass.read(parser);
                if (parser.nextToken() != null) {
                    throw new BundleValidationException(List.of(MalformedJson.problem("",
                            parser.currentTokenLocation(), "unexpected content after the end of the document")));
                }
            } catch (JacksonIOException e) {
                throw new UncheckedIOException(e.getMessage(), e.getCause());
            } catch (JacksonException e) {
                throw new BundleValidationException(List.of(MalformedJson.problem(e, parser)));
            }
        }
        return pass.finish();
    }
}
