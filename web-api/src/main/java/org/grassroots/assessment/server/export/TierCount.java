package org.grassroots.assessment.server.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;

/**
 * How many organizations of a group got each tier (分类统计).
 *
 * @param code   the group's code: the type's name, the parent's code, null for the total and for
 *               organizations without a parent
 * @param name   what users read: the type's label, the parent's name, "合计"
 */
public record TierCount(String code, String name, Map<Tier, Integer> counts) {

    public static final String TOTAL = "合计";
    public static final String NO_PARENT = "（无上级组织）";

    public TierCount {
        EnumMap<Tier, Integer> copy = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            copy.put(tier, counts.getOrDefault(tier, 0));
        }
        counts = Collections.unmodifiableMap(copy);
    }

    public int count(Tier tier) {
        return counts.get(tier);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One row for every organization type, in the policy's order, zeros included. */
    public static List<TierCount> byType(List<OrganizationResult> orgs) {
        List<TierCount> rows = new ArrayList<>();
        for (OrgType type : OrgType.values()) {
            rows.add(new TierCount(type.name(), type.label(),
                    count(orgs.stream().filter(o -> o.type() == type).toList())));
        }
        return rows;
    }

    /** One row per parent code in ascending order; organizations without a parent come last. */
    public static List<TierCount> byParent(List<OrganizationResult> orgs, Function<String, String> names) {
        Map<String, List<OrganizationResult>> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (OrganizationResult org : orgs) {
            groups.computeIfAbsent(org.parentCode(), k -> new ArrayList<>()).add(org);
        }
        List<TierCount> rows = new ArrayList<>(groups.size());
        groups.forEach((code, members) -> {
            String name = code == null ? NO_PARENT : Objects.requireNonNullElse(names.apply(code), code);
            rows.add(new TierCount(code, name, count(members)));
        });
        return rows;
    }

    public static TierCount total(List<OrganizationResult> orgs) {
        return new TierCount(null, TOTAL, count(orgs));
    }

    private static Map<Tier, Integer> count(List<OrganizationResult> orgs) {
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        for (OrganizationResult org : orgs) {
            if (org.tier() != null) {
                counts.merge(org.tier(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
