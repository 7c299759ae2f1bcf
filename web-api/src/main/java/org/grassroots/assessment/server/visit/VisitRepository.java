package org.grassroots.assessment.server.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.server.storage.BatchInsertRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored visits and findings (tables {@code visit}, {@code finding}); visits are only ever added. */
@Repository
public class VisitRepository {

    private static final int IN_LIST = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String VISIT_COLUMNS =
            "visit_id, org_code, visit_date, mode, team, inspectors, lat, lon, content_digest, recorded_at, recorded_by";
    private static final String FINDING_COLUMNS =
            "visit_id, position, item, severity, deduction, note, evidence, withdrawn_at, withdrawn_by, withdrawn_reason";

    private static final BatchInsertRepository VISITS = new BatchInsertRepository("visit", List.of(VISIT_COLUMNS.split(", ")));
    private static final BatchInsertRepository FINDINGS = new BatchInsertRepository("finding",
            List.of("visit_id", "position", "item", "severity", "deduction", "note", "evidence"));

    private final JdbcClient jdbc;
    // JdbcClient has no batch API: the bulk writes stay JDBC batches on JdbcTemplate
    private final JdbcTemplate batch;

    VisitRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The content digests of those of the visits that are stored. */
    public Map<String, String> digests(Collection<String> visitIds) {
        Map<String, String> digests = new HashMap<>();
        List<String> ids = List.copyOf(visitIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            jdbc.sql("select visit_id, content_digest from visit where visit_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .query(rs -> {
                        digests.put(rs.getString("visit_id"), rs.getString("content_digest"));
                    });
        }
        return digests;
    }

    /** Adds visits that are not stored yet, with their findings. */
    public void insert(List<Visit> visits, Map<String, String> digests, String actor, OffsetDateTime now) {
        VISITS.insert(batch, visits, v -> new Object[] {v.visitId(), v.orgCode(), v.date(), v.mode().name(), v.team(),
            JSON.writeValueAsString(v.inspectors()), v.location() == null ? null : v.location().lat(),
            v.location() == null ? null : v.location().lon(), digests.get(v.visitId()), now, actor});
        List<StoredFinding> findings = new ArrayList<>();
        for (Visit v : visits) {
            for (int i = 0; i < v.findings().size(); i++) {
                findings.add(new StoredFinding(v.visitId(), i, v.findings().get(i), null));
            }
        }
        FINDINGS.insert(batch, findings, s -> {
            Finding f = s.finding();
            return new Object[] {s.visitId(), s.position(), f.item(), f.severity() == null ? null : f.severity().name(),
                f.deduction(), f.note(), f.evidence().isEmpty() ? null : JSON.writeValueAsString(f.evidence())};
        });
    }

    public Optional<StoredVisit> find(String visitId) {
        Optional<StoredVisit> header = jdbc.sql("select " + VISIT_COLUMNS + " from visit where visit_id = ?")
                .param(visitId).query(VisitRepository::visitRow).optional();
        return header.map(h -> withFindings(h, findings(visitId)));
    }

    /**
     * Visits by date (newest first), then visitId, with their findings.
     *
     * @param orgCode an organization, or null for all
     * @param from    the earliest date, or null
     * @param to      the latest date, or null
     */
    public List<StoredVisit> list(String orgCode, LocalDate from, LocalDate to, int limit) {
        return list(orgCode, null, from, to, limit);
    }

    /**
     * Visits by date (newest first), then visitId, with their findings; {@code inspector}, when given,
     * keeps the visits that name that inspector (exactly, as one of the visit's inspectors).
     */
    public List<StoredVisit> list(String orgCode, String inspector, LocalDate from, LocalDate to, int limit) {
        StringBuilder sql = new StringBuilder("select " + VISIT_COLUMNS + " from visit where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (inspector != null) {
            // inspectors is a JSON array of names: the name with its quotes matches one element exactly
            sql.append(" and inspectors like :inspector escape '!'");
            params.put("inspector", "%" + JSON.writeValueAsString(inspector).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        if (orgCode != null) {
            sql.append(" and org_code = :org");
            params.put("org", orgCode);
        }
        if (from != null) {
            sql.append(" and visit_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and visit_date <= :to");
            params.put("to", to);
        }
        sql.append(" order by visit_date desc, visit_id limit :limit");
        params.put("limit", limit);
        List<StoredVisit> headers = jdbc.sql(sql.toString()).params(params).query(VisitRepository::visitRow).list();
        Map<String, List<StoredFinding>> findings = new HashMap<>();
        List<String> ids = headers.stream().map(h -> h.visit().visitId()).toList();
        for (int start = 0; start < ids.size(); start += IN_LIST) {
            jdbc.sql("select " + FINDING_COLUMNS + " from finding where visit_id in (:ids) order by visit_id, position")
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + IN_LIST)))
                    .query(VisitRepository::findingRow).list()
                    .forEach(f -> findings.computeIfAbsent(f.visitId(), k -> new ArrayList<>()).add(f));
        }
        return headers.stream().map(h -> withFindings(h, findings.getOrDefault(h.visit().visitId(), List.of()))).toList();
    }

    public Optional<StoredFinding> finding(String visitId, int position) {
        return jdbc.sql("select " + FINDING_COLUMNS + " from finding where visit_id = ? and position = ?")
                .params(visitId, position).query(VisitRepository::findingRow).optional();
    }

    /** Marks a finding withdrawn unless it is already; returns whether it was marked now. */
    public boolean withdraw(String visitId, int position, Withdrawal withdrawal) {
        return jdbc.sql("update finding set withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?"
                        + " where visit_id = ? and position = ? and withdrawn_at is null")
                .params(withdrawal.at(), withdrawal.by(), withdrawal.reason(), visitId, position)
                .update() == 1;
    }

    private List<StoredFinding> findings(String visitId) {
        return jdbc.sql("select " + FINDING_COLUMNS + " from finding where visit_id = ? order by position")
                .param(visitId).query(VisitRepository::findingRow).list();
    }

    private static StoredVisit withFindings(StoredVisit header, List<StoredFinding> findings) {
        Visit v = header.visit();
        Visit visit = new Visit(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(), v.inspectors(), v.location(),
                findings.stream().map(StoredFinding::finding).toList());
        return new StoredVisit(visit, findings, header.contentDigest(), header.recordedAt(), header.recordedBy());
    }

    private static StoredVisit visitRow(ResultSet rs, int rowNum) throws SQLException {
        double lat = rs.getDouble("lat");
        GeoLocation location = rs.wasNull() ? null : new GeoLocation(lat, rs.getDouble("lon"));
        Visit visit = new Visit(rs.getString("visit_id"), rs.getString("org_code"),
                rs.getObject("visit_date", LocalDate.class), VisitMode.valueOf(rs.getString("mode")),
                rs.getString("team"), JSON.readValue(rs.getString("inspectors"), STRINGS), location, List.of());
        return new StoredVisit(visit, List.of(), rs.getString("content_digest"),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"));
    }

    private static StoredFinding findingRow(ResultSet rs, int rowNum) throws SQLException {
        String severity = rs.getString("severity");
        String evidence = rs.getString("evidence");
        Finding finding = new Finding(rs.getString("item"), severity == null ? null : Severity.valueOf(severity),
                rs.getObject("deduction", Integer.class), rs.getString("note"),
                evidence == null ? List.of() : JSON.readValue(evidence, STRINGS), null);
        OffsetDateTime withdrawnAt = rs.getObject("withdrawn_at", OffsetDateTime.class);
        Withdrawal withdrawal = withdrawnAt == null ? null
                : new Withdrawal(withdrawnAt, rs.getString("withdrawn_by"), rs.getString("withdrawn_reason"));
        return new StoredFinding(rs.getString("visit_id"), rs.getInt("position"), finding, withdrawal);
    }
}
