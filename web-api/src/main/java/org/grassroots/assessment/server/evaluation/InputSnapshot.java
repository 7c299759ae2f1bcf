package org.grassroots.assessment.server.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.grassroots.assessment.evaluation.IndexedAssessmentData;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.fixtures.json.BundleJsonWriter;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.grassroots.assessment.rectification.RectificationStep;
import org.grassroots.assessment.rectification.StepKind;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The inputs an evaluation read, kept with it so that it can be evaluated again under another rule
 * version (issue 18, history restated). JSON streamed gzip-compressed in parts of at most 1 MB,
 * written batch by batch ({@link Stream}) and read back as one document: the sections of a bundle (docs/formats.md section 1) with each record as its engine type
 * exactly as the evaluation read it (every organization read and, without facts, those above them;
 * the period's and the previous period's facts and members; every visit with its inspectors and its
 * standing findings),
 * then each finding's rectification steps as the ledger held them and the previous tiers movement
 * compared with. Beside it the {@link Extras}: the period, as-of date, fact basis and where the
 * previous tiers came from. What it holds is what {@link InputDigest} digests. The records are
 * not checked again on reading: they passed the bundle checks on their way into the database.
 */
final class InputSnapshot {

    /**
     * The format of what is stored: 2, the organizations and then one object per batch read; 1 (read
     * too), one object. A reader refuses another.
     */
    static final int FORMAT = 2;
    static final int PART_BYTES = 1 << 20;

    private InputSnapshot() {
    }

    /** A lifecycle step of a finding's item, as stored. */
    record Step(String kind, LocalDate date) {
    }

    /** What the snapshot's record says beside its compressed document. */
    record Extras(int format, String period, LocalDate asOf, String factBasis, String previousGrades) {
    }

    /**
     * The compressed document: the bundle's sections, then {@code findings} (per visit id, per
     * finding in the engine's numbering, standing findings only, its steps; visits without a step
     * left out) and {@code previousTiers} (by organization code).
     */
    record Document(List<Organization> organizations, List<PeriodFacts> periodFacts, List<MemberRecord> members,
            List<Visit> visits, Map<String, List<List<Step>>> findings, Map<String, Tier> previousTiers) {
    }

    /** Receives the compressed bundle part by part. */
    @FunctionalInterface
    interface PartSink {
        void part(int index, byte[] data);
    }

    /**
     * The document written batch by batch: {@link #organizations} first (the organizations evaluated
     * and, without facts, those above them), then one {@link #batch} per batch of organizations
     * read, each a JSON object of its own (the sections but {@code organizations}) after the previous
     * one in the same compressed stream; {@link #finish} ends it. The readers merge the objects into
     * one {@link Document}. Calls follow each other (one thread at a time); the parts cut so far are
     * taken with {@link #takeParts}, from any thread.
     */
    static final class Stream {
        private final List<byte[]> ready = new ArrayList<>();
        private final Parts parts;
        private final Counting counting;
        private final GZIPOutputStream gzip;
        private final JsonGenerator g;

        Stream() {
            this.parts = new Parts((index, bytes) -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("the evaluation's inputs were abandoned");
                }
                synchronized (ready) {
                    ready.add(bytes);
                }
            });
            this.counting = new Counting(parts);
            try {
                this.gzip = fastest(counting.wrapBelow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.g = EvaluationJson.MAPPER.createGenerator(counting.above(gzip));
        }

        /** The organizations, in code order: the first object of the document. */
        void organizations(List<Organization> all) {
            g.writeStartObject();
            g.writeName("organizations");
            g.writeStartArray();
            for (Organization o : all) {
                g.writePOJO(o);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        /**
         * One batch's records: of each organization the data holds (in code order) its facts and
         * members of the period and the previous one, its visits with their inspectors, its findings'
         * steps and its previous tier.
         */
        void batch(DatabaseAssessmentData data, Period period, PreviousGrades previous, Map<String, List<String>> inspectors,
                Map<String, List<MemberRecord>> previousMembers) {
            List<Organization> orgs = new ArrayList<>(data.organizations().values());
            orgs.sort(Comparator.comparing(Organization::code));
            List<Period> periods = List.of(period, period.previous());
            Map<String, Tier> tiers = new TreeMap<>();
            Map<String, List<List<Step>>> findings = new TreeMap<>();
            for (Organization o : orgs) {
                previous.tierOf(o.code()).ifPresent(t -> tiers.put(o.code(), t));
            }
            g.writeStartObject();
            g.writeName("periodFacts");
            g.writeStartArray();
            for (Organization o : orgs) {
                for (Period p : periods) {
                    PeriodFacts f = data.facts(o.code(), p);
                    if (f != null) {
                        g.writePOJO(f);
                    }
                }
            }
            g.writeEndArray();
            g.writeName("members");
            g.writeStartArray();
            for (Organization o : orgs) {
                for (Period p : periods) {
                    List<MemberRecord> members = data.members(o.code(), p);
                    if (members.isEmpty() && !p.equals(period)) {
                        members = previousMembers.getOrDefault(o.code(), List.of());
                    }
                    for (MemberRecord m : members) {
                        g.writePOJO(m);
                    }
                }
            }
            g.writeEndArray();
            g.writeName("visits");
            g.writeStartArray();
            for (Organization o : orgs) {
                for (Visit v : data.visitsUpTo(o.code(), LocalDate.MAX)) {
                    // the engine does not read the inspectors, the data leaves them out: kept so that
                    // the inputs are a bundle the offline CLI accepts (1-20 inspectors per visit)
                    g.writePOJO(new Visit(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(),
                            inspectors.getOrDefault(v.visitId(), v.inspectors()), v.location(), v.findings()));
                    List<List<Step>> steps = new ArrayList<>();
                    boolean any = false;
                    for (int i = 0; i < v.findings().size(); i++) {
                        List<Step> s = data.findingHistory(v.visitId(), i).steps().stream()
                                .map(x -> new Step(x.kind().name(), x.date())).toList();
                        any |= !s.isEmpty();
                        steps.add(s);
                    }
                    if (any) {
                        findings.put(v.visitId(), steps);
                    }
                }
            }
            g.writeEndArray();
            g.writePOJOProperty("findings", findings);
            g.writePOJOProperty("previousTiers", tiers);
            g.writeEndObject();
        }

        /** The compressed parts cut since the last call, in order. */
        List<byte[]> takeParts() {
            synchronized (ready) {
                List<byte[]> taken = List.copyOf(ready);
                ready.clear();
                return taken;
            }
        }

        /** Ends the document; the last parts are then taken with {@link #takeParts}. */
        Written finish(Period period, LocalDate asOf, FactBasis basis, String previousGrades) {
            try {
                g.close();
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parts.flush();
            Extras extras = new Extras(FORMAT, period.toString(), asOf, basis.name(), previousGrades);
            return new Written(extras, parts.count, counting.bytes);
        }

        /** Gives up the document (the evaluation failed): frees the compressor. */
        void abandon() {
            try {
                gzip.close();
            } catch (IOException | RuntimeException e) {
                // nothing is kept: what was cut is dropped
            }
        }
    }

    /**
     * Gzip at its fastest level: the inputs are written in every evaluation (at 10,000 organizations
     * about 200 MB of JSON), read back only when restated or downloaded.
     */
    private static GZIPOutputStream fastest(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** What {@link #write} stored: the extras, how many parts and the bundle's size before compression. */
    record Written(Extras extras, int parts, long bundleBytes) {
    }

    /**
     * Only the previous tiers of the compressed document (organization code to tier): the records
     * before them are skipped token by token, never built, so that answering the tiers of a large
     * district costs a pass over the compressed bytes and no heap.
     */
    static Map<String, Tier> readPreviousTiers(InputStream compressed) {
        try (InputStream in = new GZIPInputStream(compressed, 1 << 16);
                JsonParser p = EvaluationJson.MAPPER.createParser(in)) {
            Map<String, Tier> tiers = new TreeMap<>();
            JsonToken root = p.nextToken();
            if (root != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the kept inputs are not a JSON object");
            }
            // one object per batch (format 2) or a single one (format 1): every object's tiers
            while (root == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("previousTiers") && p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String code = p.currentName();
                            p.nextToken();
                            tiers.put(code, Tier.valueOf(p.getString()));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                root = p.nextToken();
            }
            return tiers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inputs read back: the bundle's records with the findings' steps, ready for the evaluator. */
    static Data read(InputStream compressed) {
        return new Data(document(compressed));
    }

    /** The document's objects merged into one (a format 1 document is a single object). */
    private static Document document(InputStream compressed) {
        List<Organization> organizations = new ArrayList<>();
        List<PeriodFacts> facts = new ArrayList<>();
        List<MemberRecord> members = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        Map<String, List<List<Step>>> findings = new TreeMap<>();
        Map<String, Tier> tiers = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(compressed, 1 << 16);
                JsonParser p = EvaluationJson.MAPPER.createParser(in);
                tools.jackson.databind.MappingIterator<Document> docs = EvaluationJson.MAPPER.readValues(p, Document.class)) {
            while (docs.hasNext()) {
                Document d = docs.next();
                addAll(organizations, d.organizations());
                addAll(facts, d.periodFacts());
                addAll(members, d.members());
                addAll(visits, d.visits());
                if (d.findings() != null) {
                    findings.putAll(d.findings());
                }
                if (d.previousTiers() != null) {
                    tiers.putAll(d.previousTiers());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Document(organizations, facts, members, visits, findings, tiers);
    }

    private static <T> void addAll(List<T> to, List<T> from) {
        if (from != null) {
            to.addAll(from);
        }
    }


    /**
     * The kept inputs as a bundle (docs/formats.md section 1) that the offline CLI reads: the same
     * records, each standing finding's ledger steps carried as the bundle carries a ledger's state
     * (status, {@code submittedOn}, {@code verifiedOn}). A bundle states at most one submission and
     * one verification: an item whose ledger went through a rejection, a withdrawal or a reopening
     * is carried by its last submission and verification, which the engine reads the same way only
     * when the later steps do not fall before the as-of date; the format cannot say more. Previous
     * tiers are not part of a bundle: the CLI evaluates the previous period from its facts.
     */
    static void writeBundle(InputStream compressed, OutputStream out) {
        Document d = document(compressed);
        Map<String, List<List<Step>>> findings = d.findings() == null ? Map.of() : d.findings();
        List<Visit> visits = new ArrayList<>(d.visits().size());
        for (Visit v : d.visits()) {
            List<List<Step>> steps = findings.get(v.visitId());
            if (steps == null) {
                visits.add(v);
                continue;
            }
            List<Finding> carried = new ArrayList<>(v.findings().size());
            for (int i = 0; i < v.findings().size(); i++) {
                Finding f = v.findings().get(i);
                ImportedRectification state = i < steps.size() ? ledgerState(steps.get(i)) : f.rectification();
                carried.add(new Finding(f.item(), f.severity(), f.deduction(), f.note(), f.evidence(), state));
            }
            visits.add(new Visit(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(), v.inspectors(), v.location(),
                    carried));
        }
        BundleJsonWriter.writeBundle(new Bundle(d.organizations(), d.periodFacts(), d.members(), visits), out);
    }

    /** A ledger item's steps as a bundle's rectification state; null (no state) without steps. */
    private static ImportedRectification ledgerState(List<Step> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        RectificationHistory history = new RectificationHistory(steps.stream()
                .map(s -> new RectificationStep(StepKind.valueOf(s.kind()), s.date())).toList());
        LocalDate submitted = history.lastSubmitAsOf(LocalDate.MAX);
        LocalDate verified = history.lastVerifyAsOf(LocalDate.MAX);
        if (verified != null && submitted != null) {
            return new ImportedRectification(RectificationStatus.VERIFIED, submitted, verified);
        }
        if (submitted != null) {
            return new ImportedRectification(RectificationStatus.SUBMITTED, submitted, null);
        }
        return new ImportedRectification(RectificationStatus.OPEN, null, null);
    }


    /** A snapshot's records indexed for evaluation, findings answered from the stored steps. */
    static final class Data extends IndexedAssessmentData {

        private final Bundle bundle;
        private final Map<String, List<List<Step>>> findings;
        private final PreviousGrades previous;

        Data(Document d) {
            this.bundle = new Bundle(d.organizations(), d.periodFacts(), d.members(), d.visits());
            this.findings = d.findings() == null ? Map.of() : d.findings();
            this.previous = PreviousGrades.of(d.previousTiers() == null ? Map.of() : d.previousTiers());
            bundle.organizations().forEach(index::add);
            bundle.periodFacts().forEach(index::add);
            bundle.members().forEach(index::add);
            bundle.visits().forEach(index::add);
            index.seal();
        }

        Bundle bundle() {
            return bundle;
        }

        /** The previous tiers movement compared with. */
        PreviousGrades previousGrades() {
            return previous;
        }


        @Override
        public RectificationHistory findingHistory(String visitId, int position) {
            List<List<Step>> visit = findings.get(visitId);
            if (visit == null || position < 0 || position >= visit.size()) {
                return RectificationHistory.NONE;
            }
            return new RectificationHistory(visit.get(position).stream()
                    .map(s -> new RectificationStep(org.grassroots.assessment.rectification.StepKind.valueOf(s.kind()), s.date()))
                    .toList());
        }
    }

    /** Cuts what is written into parts of {@link #PART_BYTES} and hands each to the sink. */
    private static final class Parts extends OutputStream {
        private final PartSink sink;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(PART_BYTES);
        private int count;

        Parts(PartSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
            if (buffer.size() >= PART_BYTES) {
                flush();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, PART_BYTES - buffer.size());
                buffer.write(b, off, n);
                off += n;
                len -= n;
                if (buffer.size() >= PART_BYTES) {
                    flush();
                }
            }
        }

        @Override
        public void flush() {
            if (buffer.size() > 0) {
                sink.part(count++, buffer.toByteArray());
                buffer.reset();
            }
        }

        @Override
        public void close() {
            // the parts are flushed by the writer once the gzip stream is finished
        }
    }

    /** Counts the uncompressed bytes written above the compression. */
    private static final class Counting {
        private final Parts parts;
        private long bytes;

        Counting(Parts parts) {
            this.parts = parts;
        }

        OutputStream wrapBelow() {
            return parts;
        }

        OutputStream above(OutputStream gzip) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    bytes++;
                    gzip.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    bytes += len;
                    gzip.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    gzip.flush();
                }
            };
        }
    }
}
