package org.grassroots.assessment.bundle;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * A validated bundle kept in temporary files instead of the heap, in parts: each part holds every
 * record (all periods) of the organizations whose code falls into it, so a district larger than
 * the heap can be evaluated part by part. Made by {@link BundleReader#spill}; {@link #close}
 * deletes the files.
 *
 * <p>The records are written by Jackson's data binding in Smile, its binary form of JSON: the same
 * properties and values as JSON text, but doubles as their 64 bits (read back exactly, with no
 * formatting or parsing of digits) and repeated property names as back-references.
 */
public final class SpilledBundle implements AutoCloseable {

    private static final SmileMapper SPILL = SmileMapper.builder()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            // records follow each other in one file
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String ORGANIZATION = "o";
    private static final String FACTS = "f";
    private static final String MEMBER = "m";
    private static final String VISIT = "v";
    private static final ObjectWriter ORGANIZATION_WRITER = SPILL.writerFor(Organization.class);
    private static final ObjectWriter FACTS_WRITER = SPILL.writerFor(PeriodFacts.class);
    private static final ObjectWriter MEMBER_WRITER = SPILL.writerFor(MemberRecord.class);
    private static final ObjectWriter VISIT_WRITER = SPILL.writerFor(Visit.class);
    private static final ObjectReader ORGANIZATION_READER = SPILL.readerFor(Organization.class);
    private static final ObjectReader FACTS_READER = SPILL.readerFor(PeriodFacts.class);
    private static final ObjectReader MEMBER_READER = SPILL.readerFor(MemberRecord.class);
    private static final ObjectReader VISIT_READER = SPILL.readerFor(Visit.class);

    private final Path directory;
    private final List<Path> files;

    private SpilledBundle(Path directory, List<Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /** How many parts there are; some may be empty. */
    public int parts() {
        return files.size();
    }

    /**
     * The records of part {@code part}, each section in bundle order.
     *
     * @throws UncheckedIOException when the temporary file cannot be read
     */
    public Bundle part(int part) {
        List<Organization> organizations = new ArrayList<>();
        List<PeriodFacts> facts = new ArrayList<>();
        List<MemberRecord> members = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(files.get(part)), 1 << 16);
             JsonParser parser = SPILL.createParser(in)) {
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                String tag = parser.getString();
                parser.nextToken();
                switch (tag) {
                    case ORGANIZATION -> organizations.add(ORGANIZATION_READER.readValue(parser));
                    case FACTS -> facts.add(FACTS_READER.readValue(parser));
                    case MEMBER -> members.add(MEMBER_READER.readValue(parser));
                    case VISIT -> visits.add(VISIT_READER.readValue(parser));
                    default -> throw new IllegalStateException("unknown record tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bundle(organizations, facts, members, visits);
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        deleteAll(directory, files);
    }

    private static void deleteAll(Path directory, List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort: the next file and the directory are still tried
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // not empty (something else wrote there) or already gone: leave it
        }
    }

    /** How many parts a bundle file of this size is cut into: parts of about 16 MB of JSON. */
    static int partsFor(long bundleBytes) {
        return (int) Math.max(1, Math.min(1024, bundleBytes / (16L << 20)));
    }

    /** Writes the records into the part files as the pass accepts them. */
    static final class Writer implements RecordSink<SpilledBundle>, AutoCloseable {

        private final Path directory;
        private final List<Path> files = new ArrayList<>();
        private final OutputStream[] streams;
        private final JsonGenerator[] generators;
        private boolean discarded;
        private boolean handedOver;

        Writer(Path parent, int parts) throws IOException {
            this.directory = Files.createTempDirectory(parent, "assessment-bundle-");
            this.streams = new OutputStream[parts];
            this.generators = new JsonGenerator[parts];
            try {
                for (int i = 0; i < parts; i++) {
                    Path file = directory.resolve("part-" + i + ".smile");
                    files.add(file);
                    streams[i] = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    generators[i] = SPILL.createGenerator(streams[i]);
                }
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
        }

        @Override
        public void organization(Organization organization) {
            write(organization.code(), ORGANIZATION, ORGANIZATION_WRITER, organization);
        }

        @Override
        public void periodFacts(PeriodFacts facts) {
            write(facts.orgCode(), FACTS, FACTS_WRITER, facts);
        }

        @Override
        public void member(MemberRecord member) {
            write(member.orgCode(), MEMBER, MEMBER_WRITER, member);
        }

        @Override
        public void visit(Visit visit) {
            write(visit.orgCode(), VISIT, VISIT_WRITER, visit);
        }

        private void write(String orgCode, String tag, ObjectWriter writer, Object record) {
            if (discarded) {
                return;
            }
            JsonGenerator generator = generators[partOf(orgCode, generators.length)];
            generator.writeString(tag);
            writer.writeValue(generator, record);
        }

        /** The part of an organization: its code's hash, spread (codes differ mostly at the end). */
        static int partOf(String orgCode, int parts) {
            int h = orgCode.hashCode();
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            return Math.floorMod(h, parts);
        }

        /** Closes the part files (nothing more comes) and hands them over. */
        @Override
        public SpilledBundle result() {
            closeStreams();
            handedOver = true;
            return new SpilledBundle(directory, files);
        }

        /** Stops writing and deletes what was written. */
        @Override
        public void discard() {
            if (!discarded && !handedOver) {
                discarded = true;
                closeStreams();
                deleteAll(directory, files);
            }
        }

        @Override
        public void close() {
            discard();
        }

        private void closeStreams() {
            UncheckedIOException failed = null;
            for (int i = 0; i < streams.length; i++) {
                try {
                    if (generators[i] != null) {
                        generators[i].close();
                        generators[i] = null;
                    }
                    if (streams[i] != null) {
                        streams[i].close();
                        streams[i] = null;
                    }
                } catch (IOException e) {
                    failed = new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    if (failed == null && !discarded) {
                        throw e;
                    }
                }
            }
            if (failed != null && !discarded) {
                throw failed;
            }
        }
    }
}
