package org.grassroots.assessment.server.evaluation;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.grassroots.assessment.concurrent.Futures;
import org.grassroots.assessment.evaluation.PhotoTaken;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.server.organization.MemberRoll;
import org.grassroots.assessment.server.rectification.LedgerItem;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what an evaluation of a period needs, in a handful of bulk queries whatever the number of
 * organizations: the organizations with facts for the period, their facts for it and the previous
 * period, their member records, their visits of any period up to the as-of date with the standing
 * (not withdrawn) findings, and the steps of those findings' ledger items.
 *
 * <p>For the whole district ({@link OrgScope#all()}) the queries have no organization condition
 * (single-table scans are much faster than joins or IN lists in H2) and the data keeps only what
 * belongs to the organizations with facts; for one organization every query is restricted to it.
 * The engine reads neither a visit's inspectors nor a finding's evidence, so they stay in the
 * database (the visit's stored content digest covers them).
 */
@Component
class AssessmentDataRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final LedgerRepository ledger;

    AssessmentDataRepository(JdbcClient jdbc, LedgerRepository ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /**
     * The organizations a period's evaluation reads, in the database's order of codes (so that each
     * run of them is an {@link OrgScope#range}): those with facts for the period and those with
     * facts standing instead; and, in code order, the organizations above them without facts.
     */
    record District(List<Organization> evaluated, List<Organization> ancestors) {
    }

    District district(Period period, java.util.Set<String> instead) {
        java.util.Set<String> withFacts = new java.util.HashSet<>(instead);
        jdbc.sql("select f.org_code from period_facts f where f.period = ?").param(period.toString())
                .query(rs -> {
                    withFacts.add(rs.getString(1));
                });
        Map<String, Organization> all = new HashMap<>();
        List<Organization> evaluated = new ArrayList<>();
        jdbc.sql("select o.code, o.name, o.type, o.level, o.parent_code, o.enterprise_category, o.has_party_groups"
                        + " from organization o order by o.code")
                .query(rs -> {
                    Organization o = FactRows.organization(rs);
                    all.put(o.code(), o);
                    if (withFacts.contains(o.code())) {
                        evaluated.add(o);
                    }
                });
        java.util.Set<String> codes = new java.util.HashSet<>();
        evaluated.forEach(o -> codes.add(o.code()));
        Map<String, Organization> above = new java.util.TreeMap<>();
        for (Organization o : evaluated) {
            String parent = o.parentCode();
            while (parent != null && !codes.contains(parent) && !above.containsKey(parent) && all.containsKey(parent)) {
                Organization p = all.get(parent);
                above.put(parent, p);
                parent = p.parentCode();
            }
        }
        return new District(evaluated, new ArrayList<>(above.values()));
    }

    /** Whether an organization with the code is stored, facts or not. */
    boolean organizationExists(String code) {
        return jdbc.sql("select code from organization where code = ?").param(code).query(String.class).optional().isPresent();
    }

    /** Everything but the previous period's member records (see {@link #addMembers}). */
    DatabaseAssessmentData load(Period period, LocalDate asOf, OrgScope scope) {
        return load(period, asOf, scope, new Laps());
    }

    DatabaseAssessmentData load(Period period, LocalDate asOf, OrgScope scope, Laps laps) {
        return load(period, asOf, scope, laps, List.of());
    }

    /**
     * @param latest facts of the period that stand instead of the stored ones (an evaluation on the
     *               latest self-reported facts), also for organizations with none stored
     */
    DatabaseAssessmentData load(Period period, LocalDate asOf, OrgScope scope, Laps laps, List<PeriodFacts> latest) {
        DatabaseAssessmentData data = new DatabaseAssessmentData();
        String p = period.toString();
        Map<String, PeriodFacts> instead = new HashMap<>();
        latest.stream().filter(f -> f.period().equals(p)).forEach(f -> instead.put(f.orgCode(), f));
        jdbc.sql("select o.code, o.name, o.type, o.level, o.parent_code, o.enterprise_category, o.has_party_groups"
                        + " from organization o join period_facts x on x.org_code = o.code and x.period = ?"
                        + " where " + scope.condition("x.org_code")).params(args(List.of(p), scope))
                .query(rs -> {
                    data.add(FactRows.organization(rs));
                });
        for (String code : instead.keySet()) {
            if (!data.covers(code)) {
                jdbc.sql("select o.code, o.name, o.type, o.level, o.parent_code, o.enterprise_category, o.has_party_groups"
                                + " from organization o where o.code = ? and " + scope.condition("o.code"))
                        .params(args(List.of(code), scope)).query(rs -> {
                            data.add(FactRows.organization(rs));
                        });
            }
        }
        laps.lap("organizations");
        if (data.organizations().isEmpty()) {
            return data;
        }
        // one period at a time: "period = ?" and a range of codes is one range of the (period, org_code)
        // index, where "period in (?, ?)" made H2 scan both periods whole for every batch
        for (String factsPeriod : List.of(p, period.previous().toString())) {
            jdbc.sql("select * from period_facts f where f.period = ? and " + scope.condition("f.org_code"))
                    .params(args(List.of(factsPeriod), scope))
                    .query(rs -> {
                        PeriodFacts f = FactRows.facts(rs);
                        if (!(f.period().equals(p) && instead.containsKey(f.orgCode()))) {
                            data.add(f);
                        }
                    });
        }
        instead.values().forEach(data::add);
        laps.lap("facts");
        CompletableFuture<List<MemberRecord>> members = readMembersBeside(period, scope);
        loadVisits(data, asOf, scope);
        laps.lap("visits");
        for (LedgerItem item : ledger.inspectionItems(scope)) {
            data.addIfStanding(item);
        }
        laps.lap("inspection items");
        try {
            members.join().forEach(data::add);
        } catch (CompletionException e) {
            // not Futures.join: an Error stays in its CompletionException here, so that the
            // evaluation's handlers of a RuntimeException still run
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        data.seal();
        laps.lap("members");
        return data;
    }

    /**
     * What planning visits reads (the PL rules): every organization in scope, facts or not, with its
     * visits up to the day, their standing findings and the steps of those findings' items.
     */
    DatabaseAssessmentData loadForPlanning(LocalDate asOf, OrgScope scope) {
        DatabaseAssessmentData data = new DatabaseAssessmentData();
        jdbc.sql("select o.code, o.name, o.type, o.level, o.parent_code, o.enterprise_category, o.has_party_groups,"
                        + " o.latitude, o.longitude from organization o where " + scope.condition("o.code")
                        + " order by o.code")
                .params(scope.args().toArray()).query(rs -> {
                    data.add(FactRows.locatedOrganization(rs));
                });
        loadVisits(data, asOf, scope);
        for (LedgerItem item : ledger.inspectionItems(scope)) {
            data.addIfStanding(item);
        }
        jdbc.sql("select p.visit_id, v.org_code, p.name, p.taken_at from visit_photo p join visit v on v.visit_id = p.visit_id"
                        + " where p.taken_at is not null and v.visit_date <= ? and " + scope.condition("v.org_code"))
                .params(args(List.of(Date.valueOf(asOf)), scope)).query(rs -> {
                    data.add(new PhotoTaken(rs.getString("org_code"), rs.getString("visit_id"), rs.getString("name"),
                            rs.getObject("taken_at", LocalDateTime.class).toLocalDate()));
                });
        data.seal();
        return data;
    }

    /** The findings withdrawn so far, by visit, of the visits dated in the range (督查校准). */
    Map<String, Integer> withdrawnFindings(LocalDate from, LocalDate to) {
        Map<String, Integer> withdrawn = new HashMap<>();
        jdbc.sql("select f.visit_id, count(*) as n from finding f join visit v on v.visit_id = f.visit_id"
                        + " where f.withdrawn_at is not null and v.visit_date >= ? and v.visit_date <= ? group by f.visit_id")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    withdrawn.put(rs.getString("visit_id"), rs.getInt("n"));
                });
        return withdrawn;
    }

    /** The inspectors of each visit dated in the range, as recorded (督查校准). */
    Map<String, List<String>> inspectors(LocalDate from, LocalDate to) {
        return inspectors(from, to, OrgScope.all());
    }

    /** The inspectors of each visit dated in the range of the organizations in scope, as recorded. */
    Map<String, List<String>> inspectors(LocalDate from, LocalDate to, OrgScope scope) {
        Map<String, List<String>> inspectors = new HashMap<>();
        jdbc.sql("select visit_id, inspectors from visit where visit_date >= ? and visit_date <= ? and "
                        + scope.condition("org_code"))
                .params(args(List.of(Date.valueOf(from), Date.valueOf(to)), scope))
                .query(rs -> {
                    String json = rs.getString("inspectors");
                    inspectors.put(rs.getString("visit_id"), json == null ? List.of() : JSON.readValue(json, STRINGS));
                });
        return inspectors;
    }

    /**
     * The member records of a period of the organizations the data holds, grouped by organization:
     * for what the evaluation keeps when it did not read them itself (previous tiers from a stored evaluation).
     */
    Map<String, List<MemberRecord>> membersOf(DatabaseAssessmentData data, Period period, OrgScope scope) {
        Map<String, List<MemberRecord>> members = new HashMap<>();
        for (MemberRecord m : readMembers(period, scope)) {
            if (data.covers(m.orgCode())) {
                members.computeIfAbsent(m.orgCode(), c -> new ArrayList<>()).add(m);
            }
        }
        return members;
    }

    /** Adds the member records of the organizations in scope for a period. */
    void addMembers(DatabaseAssessmentData data, Period period, OrgScope scope) {
        readMembers(period, scope).forEach(data::add);
        data.seal();
    }

    /**
     * For the district, the largest read goes on beside the others, on a connection of its own
     * (the evaluation has written nothing yet, so it sees the same); for one organization it is small.
     */
    private CompletableFuture<List<MemberRecord>> readMembersBeside(Period period, OrgScope scope) {
        if (!scope.isAll()) {
            return CompletableFuture.completedFuture(readMembers(period, scope));
        }
        return Futures.onDaemonThread("evaluation-members", () -> readMembers(period, scope));
    }

    private List<MemberRecord> readMembers(Period period, OrgScope scope) {
        List<MemberRecord> members = new ArrayList<>();
        jdbc.sql("select m.org_code, m.members from member_roll m where m.period = ? and " + scope.condition("m.org_code"))
                .params(args(List.of(period.toString()), scope)).query(rs -> {
                    members.addAll(MemberRoll.read(rs.getString("members"), rs.getString("org_code"), period.toString()));
                });
        return members;
    }

    private void loadVisits(DatabaseAssessmentData data, LocalDate asOf, OrgScope scope) {
        Date upTo = Date.valueOf(asOf);
        Map<String, List<StoredFinding>> findings = new HashMap<>();
        String findingSql = scope.isAll()
                ? "select f.visit_id, f.position, f.item, f.severity, f.deduction, f.note from finding f"
                        + " where f.withdrawn_at is null"
                : "select f.visit_id, f.position, f.item, f.severity, f.deduction, f.note from finding f"
                        + " join visit v on v.visit_id = f.visit_id where f.withdrawn_at is null and v.visit_date <= ?"
                        + " and " + scope.condition("v.org_code");
        jdbc.sql(findingSql).params(scope.isAll() ? new Object[0] : args(List.of(upTo), scope)).query(rs -> {
            String severity = rs.getString("severity");
            Finding f = new Finding(rs.getString("item"), severity == null ? null : Severity.valueOf(severity),
                    rs.getObject("deduction", Integer.class), rs.getString("note"), List.of(), null);
            findings.computeIfAbsent(rs.getString("visit_id"), k -> new ArrayList<>())
                    .add(new StoredFinding(rs.getInt("position"), f));
        });
        jdbc.sql("select v.visit_id, v.org_code, v.visit_date, v.mode, v.team, v.lat, v.lon, v.content_digest"
                        + " from visit v where v.visit_date <= ? and " + scope.condition("v.org_code"))
                .params(args(List.of(upTo), scope))
                .query(rs -> {
                    String id = rs.getString("visit_id");
                    List<StoredFinding> standing = findings.getOrDefault(id, new ArrayList<>());
                    standing.sort((a, b) -> Integer.compare(a.position(), b.position()));
                    Double lat = rs.getObject("lat", Double.class);
                    Double lon = rs.getObject("lon", Double.class);
                    Visit visit = new Visit(id, rs.getString("org_code"), rs.getObject("visit_date", LocalDate.class),
                            VisitMode.valueOf(rs.getString("mode")), rs.getString("team"), List.of(),
                            lat == null || lon == null ? null : new GeoLocation(lat, lon),
                            standing.stream().map(StoredFinding::finding).toList());
                    data.add(visit, standing.stream().mapToInt(StoredFinding::position).toArray(),
                            rs.getString("content_digest"));
                });
    }

    private record StoredFinding(int position, Finding finding) {
    }

    private static Object[] args(List<Object> first, OrgScope scope) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(scope.args());
        return all.toArray();
    }
}
