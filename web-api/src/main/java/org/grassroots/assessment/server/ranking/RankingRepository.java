package org.grassroots.assessment.server.ranking;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rankings of a stored evaluation, all together, per type or per parent organization, a page at a
 * time. Every scope lists in the evaluation's rank order (ties by code), which within a group is
 * the group's own rank order; only the page's results are read.
 */
@Service
public class RankingRepository {

    private static final JsonMapper JSON = ResultJson.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;
    private final EvaluationRepository evaluations;

    public RankingRepository(JdbcClient jdbc, EvaluationRepository evaluations) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
    }

    /** {@code group}: the type (scope TYPE) or parent code (scope PARENT) to keep, or null for every group. */
    public RankingPage page(long evaluationId, RankingScope scope, String group, boolean reverse, int page, int size) {
        EvaluationSummary s = evaluations.summary(evaluationId);
        StringBuilder where = new StringBuilder(" where evaluation_id = ?");
        List<Object> args = new ArrayList<>(List.of(evaluationId));
        String order = "list_order";
        if (scope == RankingScope.TYPE) {
            order = "type, list_order";
            if (group != null) {
                where.append(" and type = ?");
                args.add(group);
            }
        } else if (scope == RankingScope.PARENT) {
            order = "parent_code, list_order";
            if (group != null) {
                where.append(" and parent_code = ?");
                args.add(group);
            }
        }
        if (reverse) {
            order = order.replace("list_order", "list_order desc");
        }
        Long total = jdbc.sql("select count(*) from evaluation_result" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) page * size);
        pageArgs.add(size);
        List<RankingEntry> entries = jdbc.sql("select rank, rank_in_type, rank_in_parent, result_json"
                + " from evaluation_result" + where + " order by " + order + " offset ? rows fetch next ? rows only")
                .params(pageArgs)
                .query((rs, n) -> entry(JSON.readValue(rs.getString(4), OrganizationResult.class),
                        scope == RankingScope.ALL ? rs.getInt(1)
                                : scope == RankingScope.TYPE ? rs.getInt(2) : rs.getInt(3), rs.getInt(1)))
                .list();
        return new RankingPage(s.id(), s.period(), s.asOf(), s.published(), scope, group, reverse, page, size,
                total == null ? 0 : total, entries);
    }

    /**
     * A page of the ranking table the office reads: filtered, searched by name or code (case
     * ignored, wildcards taken literally), ordered, {@code search.size()} rows at a time. Reads only
     * the page's results; the counts come from indexes.
     */
    public RankingPage search(long evaluationId, RankingSearch search) {
        EvaluationSummary s = evaluations.summary(evaluationId);
        StringBuilder where = new StringBuilder(" where r.evaluation_id = ?");
        List<Object> args = new ArrayList<>(List.of(evaluationId));
        if (search.type() != null) {
            where.append(" and r.type = ?");
            args.add(search.type().name());
        }
        if (search.parent() != null) {
            where.append(" and r.parent_code = ?");
            args.add(search.parent());
        }
        if (search.tier() != null) {
            where.append(" and r.tier = ?");
            args.add(search.tier().name());
        }
        if (search.movement() != null) {
            where.append(" and r.movement = ?");
            args.add(search.movement().name());
        }
        if (search.text() != null) {
            String pattern = "%" + search.text().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            where.append(" and (lower(o.name) like ? escape '!' or lower(r.org_code) like ? escape '!')");
            args.add(pattern);
            args.add(pattern);
        }
        String from = " from evaluation_result r left join organization o on o.code = r.org_code";
        Long total = jdbc.sql("select count(*)" + from + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) search.page() * search.size());
        pageArgs.add(search.size());
        RankingScope scope = search.scope();
        List<RankingEntry> entries = jdbc.sql("select r.rank, r.rank_in_type, r.rank_in_parent, r.result_json" + from
                        + where + " order by " + search.sort().orderBy() + " offset ? rows fetch next ? rows only")
                .params(pageArgs)
                .query((rs, n) -> entry(JSON.readValue(rs.getString(4), OrganizationResult.class),
                        scope == RankingScope.ALL ? rs.getInt(1)
                                : scope == RankingScope.TYPE ? rs.getInt(2) : rs.getInt(3), rs.getInt(1)))
                .list();
        return new RankingPage(s.id(), s.period(), s.asOf(), s.published(), scope,
                scope == RankingScope.TYPE ? search.type().name() : search.parent(),
                search.sort() == RankingSort.RANK_DESC, search.page(), search.size(), total == null ? 0 : total,
                entries);
    }

    private static RankingEntry entry(OrganizationResult o, int rank, int overall) {
        return new RankingEntry(rank, overall, o.code(), o.name(), o.type(), o.parentCode(), o.composite(),
                o.cohesion(), o.charisma(), o.combat(), o.inspectionScore(), o.tier(), o.weakTriggers(), o.titles(),
                o.flags(), o.movement());
    }
}
