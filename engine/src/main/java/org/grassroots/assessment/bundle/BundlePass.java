package org.grassroots.assessment.bundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * One streaming read of a bundle: walks the top-level object and each array, turning one record at
 * a time into a small tree that is checked, converted and dropped; keys go to a {@link BundleIndex}
 * for the cross-record checks at the end.
 */
final class BundlePass<T> implements DocumentPass<T> {

    private final LocalDate today;
    private final BundleIndex index;
    private final ProblemLog log = new ProblemLog();
    private final Map<Section, Integer> sectionRanks = new EnumMap<>(Section.class);
    private final Map<String, String> sharedStrings = new HashMap<>();
    private final RecordSink<T> sink;
    /** Nothing is returned once a problem showed, so from then on no converted record is kept. */
    private boolean collecting = true;

    BundlePass(LocalDate today, StoredRecords stored, RecordSink<T> sink) {
        this.today = today;
        this.index = new BundleIndex(stored);
        this.sink = sink;
    }

    @Override
    public void read(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            log.add(0, -1, new Problem("", "must be a JSON object, got " + describeCurrent(parser)));
            parser.skipChildren();
            return;
        }
        try (RecordWorker worker = RecordWorker.forThisMachine()) {
            readSections(parser, worker);
        }
    }

    private void readSections(JsonParser parser, RecordWorker worker) {
        JsonTreeReader trees = new JsonTreeReader(parser);
        Set<String> keys = new HashSet<>();
        int rank = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            String path = ObjectFields.pointer("", key);
            parser.nextToken();
            Section section = Section.byKey(key);
            if (!keys.add(key)) {
                topLevelProblem(rank, path, "duplicate key " + ValueText.quote(key), parser);
            } else if (section == null) {
                topLevelProblem(rank, path, Section.KEYS.unknownFieldMessage(key), parser);
            } else if (parser.currentToken() != JsonToken.START_ARRAY) {
                sectionRanks.put(section, rank);
                topLevelProblem(rank, path, "must be an array, got " + describeCurrent(parser), parser);
            } else {
                sectionRanks.put(section, rank);
                readRecords(parser, trees, worker, section, rank);
            }
            rank++;
        }
    }

    @Override
    public T finish() throws BundleValidationException {
        index.check((section, record, problem) -> log.add(sectionRanks.get(section), record, problem));
        if (!log.isEmpty()) {
            stopCollecting();
            throw new BundleValidationException(log.inDocumentOrder());
        }
        return sink.result();
    }

    /**
     * This thread reads each record's tree; the worker checks and converts it (everything that
     * touches the pass's state runs there, in document order) and is drained before the next section.
     */
    private void readRecords(JsonParser parser, JsonTreeReader trees, RecordWorker worker, Section section, int rank) {
        int record = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int index = record;
            String path = section.path(index);
            List<Problem> problems = new ArrayList<>(0);
            JsonNode value = trees.read(problems);
            worker.submit(() -> check(section, rank, index, path, value, problems));
            record++;
        }
        worker.drain();
    }

    private void check(Section section, int rank, int record, String path, JsonNode value, List<Problem> problems) {
        ObjectFields fields = ObjectFields.of(value, path, problems, section.fields());
        if (fields != null) {
            accept(section, record, fields, problems);
        }
        if (!problems.isEmpty()) {
            DocumentOrder.sort(problems, value, path);
            log.addAll(rank, record, problems);
            stopCollecting();
        }
    }

    private void accept(Section section, int record, ObjectFields fields, List<Problem> problems) {
        switch (section) {
            case ORGANIZATIONS -> {
                Organization organization = OrganizationFormat.read(fields);
                index.addOrganization(record, organization.code(), organization.parentCode())
                        .ifPresent(problems::add);
                if (organization.code() == null) {
                    index.addBrokenOrganizationCode(fields.rawString("code"));
                }
                if (keep(problems)) {
                    sink.organization(organization);
                }
            }
            case PERIOD_FACTS -> {
                PeriodFacts facts = PeriodFactsFormat.read(fields);
                int memberCount = fields.valid("members") ? facts.members() : -1;
                index.addFacts(record, shared(facts.orgCode()), facts.period(), memberCount).ifPresent(problems::add);
                if (facts.orgCode() == null || facts.period() == null) {
                    boolean orgCodeBroken = facts.orgCode() == null;
                    index.addBrokenFactsKey(orgCodeBroken ? fields.rawString("orgCode") : facts.orgCode(),
                            orgCodeBroken, facts.period());
                }
                if (keep(problems)) {
                    sink.periodFacts(facts);
                }
            }
            case MEMBERS -> {
                MemberRecord member = MemberFormat.read(fields, this::shared);
                index.addMember(record, member.memberId(), member.orgCode(), member.period())
                        .ifPresent(problems::add);
                if (keep(problems)) {
                    sink.member(member);
                }
            }
            case VISITS -> {
                Visit visit = VisitFormat.read(fields, today);
                index.addVisit(record, visit.visitId(), shared(visit.orgCode())).ifPresent(problems::add);
                if (keep(problems)) {
                    sink.visit(visit);
                }
            }
        }
    }

    private boolean keep(List<Problem> problems) {
        return collecting && problems.isEmpty();
    }

    private void stopCollecting() {
        if (collecting) {
            collecting = false;
            sink.discard();
        }
    }

    private String shared(String text) {
        return text == null ? null : sharedStrings.computeIfAbsent(text, t -> t);
    }

    private void topLevelProblem(int rank, String path, String message, JsonParser parser) {
        log.add(rank, -1, new Problem(path, message));
        parser.skipChildren();
    }

    /** Describes the value at the current token without reading a large one. */
    private static String describeCurrent(JsonParser parser) {
        return switch (parser.currentToken()) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> ValueText.of(new JsonTreeReader(parser).read(new ArrayList<>()));
        };
    }
}
