package org.grassroots.assessment.server.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.organization.OrganizationRepository;
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

    private static final int KEPT_COUNTS = 512;

    private final JdbcClient jdbc;
    private final EvaluationRepository evaluations;
    private final OrganizationRepository organizations;
    /** Counts without a search text, by filter: a stored evaluation's results never change. */
    private final Map<String, Long> counted = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > KEPT_COUNTS;
                }
            });

    public RankingRepository(JdbcClient jdbc, EvaluationRepository evaluations, OrganizationRepository organizations) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.organizations = organizations;
    }

    /** {@code group}: the type (scope TYPE) or parent code (scope PARENT) to keep, or null for every group. */
    public RankingPage page(long evaluationId, RankingScope scope, String group, boolean reverse, int page, int size) {
        EvaluationSummary s = evaluations.summary(evaluationId);
        StringBuilder where = new StringBuilder(" where evaluation_id = ?");
        List<Object> args = new ArrayList<>(List.of(evaluationId));
        // led by the evaluation (one value here), so that the database reads the rows in an index's order
        String order = "evaluation_id, list_order";
        if (scope == RankingScope.TYPE) {
            order = "evaluation_id, type, list_order";
            if (group != null) {
                where.append(" and type = ?");
                args.add(group);
            }
        } else if (scope == RankingScope.PARENT) {
            order = "evaluation_id, parent_code, list_order";
            if (group != null) {
                where.append(" and parent_code = ?");
                args.add(group);
            }
        }
        if (reverse && (scope == RankingScope.ALL || group != null)) {
            order = descending(order); // every leading column is one value
        } else if (reverse) {
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
     * ignored, wildcards taken literally), ordered, {@code search.size()} rows at a time. The page's
     * keys are picked first from an index in the order asked for (the organization table joined only
     * for a name search or the name order), then only those rows' results are read; the counts
     * without a search text are counted once per evaluation (its results never change), those of a
     * search text once per evaluation and state of the organizations' names.
     */
    public RankingPage search(long evaluationId, RankingSearch search) {
        EvaluationSummary s = evaluations.summary(evaluationId);
        StringBuilder where = new StringBuilder(" where r.evaluation_id = ?");
        List<Object> args = new ArrayList<>(List.of(evaluationId));
        // the leading columns of the index the rows are read from in order (equal within the page's rows)
        String leading = "r.evaluation_id";
        if (search.type() != null) {
            where.append(" and r.type = ?");
            args.add(search.type().name());
            leading = "r.evaluation_id, r.type";
        }
        if (search.parent() != null) {
            where.append(" and r.parent_code = ?");
            args.add(search.parent());
            leading = search.type() != null ? leading : "r.evaluation_id, r.parent_code";
        }
        if (search.tier() != null) {
            where.append(" and r.tier = ?");
            args.add(search.tier().name());
        }
        if (search.movement() != null) {
            where.append(" and r.movement = ?");
            args.add(search.movement().name());
            leading = search.type() != null || search.parent() != null ? leading : "r.evaluation_id, r.movement";
        }
        String filtered = where.toString();
        List<Object> filterArgs = List.copyOf(args);
        long total;
        if (search.text() != null) {
            String pattern = "%" + search.text().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            where.append(" and (lower(o.name) like ? escape '!' or lower(r.org_code) like ? escape '!')");
            args.add(pattern);
            args.add(pattern);
            // counted as the organizations' names stand (kept until any organization is added or
            // changed): the names matched once, then the rows' codes looked up among them, rather
            // than each row joined to its organization (the same rows: a row without an organization
            // matches by its code only)
            String matched = filtered + " and (r.org_code in (select o.code from organization o"
                    + " where lower(o.name) like ? escape '!') or lower(r.org_code) like ? escape '!')";
            total = counted.computeIfAbsent(matched + "|" + args + "|" + organizations.namesStamp(),
                    k -> count(" from evaluation_result r" + matched, args));
        } else {
            total = counted.computeIfAbsent(filtered + "|" + filterArgs,
                    k -> count(" from evaluation_result r" + filtered, filterArgs));
        }
        boolean named = search.text() != null || search.sort() == RankingSort.NAME;
        String from = named ? " from evaluation_result r left join organization o on o.code = r.org_code"
                : " from evaluation_result r";
        String order = switch (search.sort()) {
            case RANK -> leading + ", r.list_order";
            case RANK_DESC -> descending(leading + ", r.list_order");
            case CODE -> leading.equals("r.evaluation_id") ? "r.evaluation_id, r.org_code" : search.sort().orderBy();
            default -> search.sort().orderBy();
        };
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) search.page() * search.size());
        pageArgs.add(search.size());
        // the page's organizations, then their rows by the primary key
        List<String> codes = jdbc.sql("select r.org_code" + from + where
                        + " order by " + order + " offset ? rows fetch next ? rows only")
                .params(pageArgs).query(String.class).list();
        RankingScope scope = search.scope();
        List<RankingEntry> entries = new ArrayList<>();
        if (!codes.isEmpty()) {
            Map<String, RankingEntry> byCode = new HashMap<>();
            List<Object> rowArgs = new ArrayList<>();
            codes.forEach(code -> rowArgs.addAll(List.of(code, evaluationId)));
            jdbc.sql(rowsOfOrganizations(codes.size()))
                    .params(rowArgs)
                    .query(rs -> {
                        byCode.put(rs.getString(5), entry(JSON.readValue(rs.getString(4), OrganizationResult.class),
                                scope == RankingScope.ALL ? rs.getInt(1)
                                        : scope == RankingScope.TYPE ? rs.getInt(2) : rs.getInt(3), rs.getInt(1)));
                    });
            codes.forEach(code -> entries.add(byCode.get(code)));
        }
        return new RankingPage(s.id(), s.period(), s.asOf(), s.published(), scope,
                scope == RankingScope.TYPE ? search.type().name() : search.parent(),
                search.sort() == RankingSort.RANK_DESC, search.page(), search.size(), total, entries);
    }

    /**
     * The statement that reads the rows of a page's organizations (for each its code, then the
     * evaluation's id): one lookup per organization by the primary key (evaluation_id, org_code), which
     * a database's planner takes whatever it makes of the table's size and statistics. Not
     * {@code evaluation_id = ? and org_code in (…)}: H2 takes an IN list as an index condition only on an
     * index's first column, so that form read every result of the evaluation and tested it against the
     * list (a province's 100,000 rows for each page of 50); nor lookups by the place in the rank order,
     * for which H2 chose the index of evaluation_id alone on a small evaluation.
     */
    static String rowsOfOrganizations(int organizations) {
        String one = "select r.rank, r.rank_in_type, r.rank_in_parent, r.result_json, r.org_code"
                + " from evaluation_result r where r.org_code = ? and r.evaluation_id = ?";
        return String.join(" union all ", Collections.nCopies(organizations, one));
    }

    /** The order by columns read backwards: every column descending. */
    private static String descending(String columns) {
        return columns.replace(",", " desc,") + " desc";
    }

    private long count(String sql, List<Object> args) {
        Long n = jdbc.sql("select count(*)" + sql).params(args).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private static RankingEntry entry(OrganizationResult o, int rank, int overall) {
        return new RankingEntry(rank, overall, o.code(), o.name(), o.type(), o.parentCode(), o.composite(),
                o.cohesion(), o.charisma(), o.combat(), o.inspectionScore(), o.tier(), o.weakTriggers(), o.titles(),
                o.flags(), o.movement());
    }
}
