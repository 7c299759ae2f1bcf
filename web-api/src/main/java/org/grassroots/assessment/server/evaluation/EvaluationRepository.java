package org.grassroots.assessment.server.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * Reads stored evaluations exactly as they were issued: the results, members and rectification
 * items stored with each, whatever has changed in the rules or facts since.
 */
@Service
public class EvaluationRepository {

    static final TypeReference<List<MemberResult>> MEMBERS = new TypeReference<>() {
    };
    static final TypeReference<List<ItemSnapshot>> ITEMS = new TypeReference<>() {
    };
    private static final String SUMMARY = "select id, period, as_of, rule_set_version, rule_set_checksum, inputs_digest,"
            + " organizations, created_at, created_by, published_at, published_by, previous_grades, fact_basis from evaluation";

    private final JdbcClient jdbc;

    public EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every evaluation, optionally of one period, most recently run first. */
    public List<EvaluationSummary> list(String period) {
        return period == null || period.isBlank()
                ? jdbc.sql(SUMMARY + " order by created_at desc, id desc").query((rs, n) -> summary(rs)).list()
                : jdbc.sql(SUMMARY + " where period = ? order by created_at desc, id desc").param(period)
                        .query((rs, n) -> summary(rs)).list();
    }

    /** The evaluation's record; 404 when there is none. */
    public EvaluationSummary summary(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("评估不存在：" + id));
    }

    public Optional<EvaluationSummary> find(long id) {
        return jdbc.sql(SUMMARY + " where id = ?").param(id).query((rs, n) -> summary(rs)).optional();
    }

    /** The evaluation's stored rule coverage JSON; empty when it was stored before coverage was recorded. */
    public Optional<String> coverageJson(long id) {
        return jdbc.sql("select coverage_json from evaluation where id = ?").param(id).query((rs, n) -> rs.getString(1))
                .stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The published evaluation of the period, if any. */
    public Optional<Long> publishedOf(String period) {
        return jdbc.sql("select id from evaluation where published_period = ?").param(period).query(Long.class)
                .optional();
    }

    /** The most recently run evaluation of the period, if any. */
    public Optional<Long> latestOf(String period) {
        return jdbc.sql("select id from evaluation where period = ? order by created_at desc, id desc"
                + " fetch first 1 rows only").param(period).query(Long.class).optional();
    }

    /** The period's official evaluation: the published one, else the most recently run. */
    public Optional<Long> officialOf(String period) {
        return publishedOf(period).or(() -> latestOf(period));
    }

    /**
     * A stored evaluation as the engine's result, exactly as issued (docs/formats.md section 2):
     * organizations in rank order, members by memberId, rectification items in ledger order as of
     * its as-of date. 404 when there is none.
     */
    public EvaluationResult load(long id) {
        EvaluationSummary s = summary(id);
        List<OrganizationResult> orgs = new ArrayList<>(s.organizations());
        List<MemberResult> members = new ArrayList<>();
        List<RectificationItem> items = new ArrayList<>();
        forEachResult(id, stored -> {
            orgs.add(EvaluationJson.MAPPER.readValue(stored.resultJson(), OrganizationResult.class));
            members.addAll(EvaluationJson.MAPPER.readValue(stored.membersJson(), MEMBERS));
            EvaluationJson.MAPPER.readValue(stored.itemsJson(), ITEMS).forEach(i -> items.add(i.toEngine()));
        });
        members.sort(Comparator.comparing(MemberResult::memberId));
        items.sort(RectificationItem.LEDGER_ORDER);
        return new EvaluationResult(s.period(), s.asOf(), s.ruleSet(), orgs, members, items);
    }

    /** One organization's stored rows as JSON text; 404 when the evaluation or its result is unknown. */
    public StoredOrganization organization(long id, String code) {
        summary(id);
        return jdbc.sql("select result_json, members_json, items_json from evaluation_result"
                        + " where evaluation_id = ? and org_code = ?").params(id, code)
                .query((rs, n) -> new StoredOrganization(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new NotFoundException("评估 " + id + " 中没有组织 " + code + " 的结果"));
    }

    /** Each organization's stored rows of the evaluation, in rank order, streamed one by one. */
    public void forEachResult(long id, Consumer<StoredOrganization> each) {
        jdbc.sql("select result_json, members_json, items_json from evaluation_result where evaluation_id = ?"
                + " order by list_order").param(id).query(rs -> {
                    each.accept(new StoredOrganization(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
    }

    /** Each organization code of the scope with its tier in the evaluation. */
    void forEachTier(long id, OrgScope scope, BiConsumer<String, String> each) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        args.addAll(scope.args());
        jdbc.sql("select r.org_code, r.tier from evaluation_result r where r.evaluation_id = ? and "
                + scope.condition("r.org_code")).params(args).query(rs -> {
                    each.accept(rs.getString(1), rs.getString(2));
                });
    }

    /**
     * Marks the evaluation published for its period unless it already is; returns the rows changed
     * (0 or 1). A second published evaluation of the period breaks the unique key on published_period.
     */
    int markPublished(long id, OffsetDateTime at, String by, String period) {
        return jdbc.sql("update evaluation set published_at = ?, published_by = ?, published_period = ?"
                + " where id = ? and published_at is null").params(at, by, period, id).update();
    }

    /**
     * Deletes an unpublished evaluation with its results; returns the evaluations deleted (0 when it is
     * published by now, or gone). The ledger is not touched: its items follow each period's runs.
     */
    int deleteUnpublished(long id) {
        jdbc.sql("delete from evaluation_result where evaluation_id = ? and exists (select 1 from evaluation e"
                + " where e.id = ? and e.published_at is null)").params(id, id).update();
        return jdbc.sql("delete from evaluation where id = ? and published_at is null").param(id).update();
    }

    /** The stored JSON of one organization's result, its members' titles and its rectification items. */
    public record StoredOrganization(String resultJson, String membersJson, String itemsJson) {
    }

    private static EvaluationSummary summary(ResultSet rs) throws SQLException {
        return new EvaluationSummary(rs.getLong("id"), rs.getString("period"), rs.getObject("as_of", LocalDate.class),
                new RuleSetRef(rs.getString("rule_set_version"), rs.getString("rule_set_checksum")),
                rs.getString("inputs_digest"), rs.getInt("organizations"), instant(rs, "created_at"),
                rs.getString("created_by"), rs.getObject("published_at") != null, instant(rs, "published_at"),
                rs.getString("published_by"), rs.getString("previous_grades"), FactBasis.valueOf(rs.getString("fact_basis")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
