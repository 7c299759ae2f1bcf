package org.grassroots.assessment.server.ranking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.server.export.TierCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A stored evaluation's counts for the dashboard, counted by the database from the result rows'
 * indexed columns (never by reading the results): tiers per type and per parent, and movement.
 * Each is counted once per evaluation and kept (a few recent evaluations): a stored evaluation's
 * results are written in one transaction and never change.
 */
@Service
public class TierCountRepository {

    /** How many evaluations' counts are kept (a stored evaluation's results never change). */
    private static final int KEPT = 16;

    private final JdbcClient jdbc;
    private final Map<String, Object> kept = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > KEPT * 3;
                }
            });

    TierCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A count of a stored evaluation, counted once: its results are written once and never change. */
    @SuppressWarnings("unchecked")
    private <T> T once(String what, long evaluationId, java.util.function.Supplier<T> count) {
        String key = what + ":" + evaluationId;
        Object value = kept.get(key);
        if (value == null) {
            value = count.get();
            kept.put(key, value);
        }
        return (T) value;
    }

    /** One row for every organization type, in the policy's order, zeros included. */
    public List<TierCount> byType(long evaluationId) {
        return once("type", evaluationId, () -> countByType(evaluationId));
    }

    private List<TierCount> countByType(long evaluationId) {
        Map<OrgType, Map<Tier, Integer>> counts = new EnumMap<>(OrgType.class);
        for (OrgType type : OrgType.values()) {
            counts.put(type, new EnumMap<>(Tier.class));
        }
        jdbc.sql("select type, tier, count(*) from evaluation_result where evaluation_id = ? group by type, tier")
                .param(evaluationId)
                .query(rs -> {
                    counts.get(OrgType.valueOf(rs.getString(1))).put(Tier.valueOf(rs.getString(2)), rs.getInt(3));
                });
        List<TierCount> rows = new ArrayList<>();
        counts.forEach((type, tiers) -> rows.add(new TierCount(type.name(), type.label(), tiers)));
        return List.copyOf(rows);
    }

    /** One row per parent code in ascending order, named by the parent; those without a parent last. */
    public List<TierCount> byParent(long evaluationId) {
        return once("parent", evaluationId, () -> countByParent(evaluationId));
    }

    private List<TierCount> countByParent(long evaluationId) {
        Map<String, String> names = new LinkedHashMap<>();
        // code point order, as everywhere else (a database's collation may order differently)
        Map<String, Map<Tier, Integer>> counts = new java.util.TreeMap<>();
        List<Map<Tier, Integer>> orphans = new ArrayList<>();
        jdbc.sql("select r.parent_code, p.name, r.tier, count(*) from evaluation_result r"
                        + " left join organization p on p.code = r.parent_code where r.evaluation_id = ?"
                        + " group by r.parent_code, p.name, r.tier")
                .param(evaluationId)
                .query(rs -> {
                    String code = rs.getString(1);
                    Map<Tier, Integer> tiers;
                    if (code == null) {
                        if (orphans.isEmpty()) {
                            orphans.add(new EnumMap<>(Tier.class));
                        }
                        tiers = orphans.get(0);
                    } else {
                        names.put(code, Objects.requireNonNullElse(rs.getString(2), code));
                        tiers = counts.computeIfAbsent(code, k -> new EnumMap<>(Tier.class));
                    }
                    tiers.merge(Tier.valueOf(rs.getString(3)), rs.getInt(4), Integer::sum);
                });
        List<TierCount> rows = new ArrayList<>();
        counts.forEach((code, tiers) -> rows.add(new TierCount(code, names.get(code), tiers)));
        orphans.forEach(tiers -> rows.add(new TierCount(null, TierCount.NO_PARENT, tiers)));
        return List.copyOf(rows);
    }

    /** How many organizations moved each way against the previous period, every kind listed. */
    public Map<Movement, Integer> movement(long evaluationId) {
        return once("movement", evaluationId, () -> countMovement(evaluationId));
    }

    private Map<Movement, Integer> countMovement(long evaluationId) {
        Map<Movement, Integer> counts = new EnumMap<>(Movement.class);
        for (Movement m : Movement.values()) {
            counts.put(m, 0);
        }
        jdbc.sql("select movement, count(*) from evaluation_result where evaluation_id = ? and movement is not null"
                        + " group by movement")
                .param(evaluationId)
                .query(rs -> {
                    counts.put(Movement.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return java.util.Collections.unmodifiableMap(counts);
    }
}
