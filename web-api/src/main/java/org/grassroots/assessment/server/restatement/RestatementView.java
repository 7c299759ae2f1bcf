package org.grassroots.assessment.server.restatement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import tools.jackson.databind.JsonNode;

/**
 * A restatement side by side with the official evaluation: per organization (in the official rank
 * order) its tier, rank, composite, forces and movement under both, whether anything of its result
 * differs, which fields differ, and every explanation line under both.
 *
 * @param changed how many organizations' results differ (of those shown)
 */
public record RestatementView(long id, long evaluationId, String period, LocalDate asOf, RuleSetRef official,
        RuleSetRef restated, long ruleVersionId, OffsetDateTime createdAt, String createdBy, int organizations,
        int changed, Map<String, Map<String, Integer>> tierCounts, List<Row> rows) {

    /** The same view without who ran the restatement (for an organization's representative). */
    RestatementView withStaffHidden() {
        return new RestatementView(id, evaluationId, period, asOf, official, restated, ruleVersionId, createdAt, null,
                organizations, changed, tierCounts, rows);
    }

    /** One organization under both rule sets. */
    public record Row(String code, String name, Side official, Side restated, boolean changed,
            List<Difference> differences, List<Line> lines) {
    }

    /** The figures of one organization's result. */
    public record Side(Tier tier, int rank, double composite, double cohesion, double charisma, double combat,
            Double inspectionScore, Movement movement, List<String> weakTriggers) {

        static Side of(OrganizationResult o) {
            return o == null ? null : new Side(o.tier(), o.rank(), o.composite(), o.cohesion(), o.charisma(),
                    o.combat(), o.inspectionScore(), o.movement(), o.weakTriggers());
        }
    }

    /** A field of the result (as in docs/formats.md section 2) whose value differs. */
    public record Difference(String field, JsonNode official, JsonNode restated) {
    }

    /**
     * An explanation line under both (null where one has no such line): the n-th line of the rule.
     */
    public record Line(String rule, String dimension, Double official, Double restated, String officialReason,
            String restatedReason, boolean changed) {
    }

    static Row row(OrganizationResult official, OrganizationResult restated) {
        OrganizationResult any = official != null ? official : restated;
        List<Difference> differences = new ArrayList<>();
        JsonNode a = official == null ? null : RestatementRepository.JSON.valueToTree(official);
        JsonNode b = restated == null ? null : RestatementRepository.JSON.valueToTree(restated);
        TreeSet<String> fields = new TreeSet<>();
        if (a != null) {
            a.propertyNames().forEach(fields::add);
        }
        if (b != null) {
            b.propertyNames().forEach(fields::add);
        }
        for (String f : fields) {
            JsonNode x = a == null ? null : a.get(f);
            JsonNode y = b == null ? null : b.get(f);
            if (!Objects.equals(x, y)) {
                differences.add(new Difference(f, x, y));
            }
        }
        List<Line> lines = lines(official, restated);
        return new Row(any.code(), any.name(), Side.of(official), Side.of(restated),
                !Objects.equals(official, restated), differences, lines);
    }

    private static List<Line> lines(OrganizationResult official, OrganizationResult restated) {
        Map<String, ExplanationLine> a = keyed(official);
        Map<String, ExplanationLine> b = keyed(restated);
        Map<String, ExplanationLine> all = new LinkedHashMap<>(a);
        b.forEach(all::putIfAbsent);
        List<Line> lines = new ArrayList<>();
        all.forEach((key, any) -> {
            ExplanationLine x = a.get(key);
            ExplanationLine y = b.get(key);
            lines.add(new Line(any.rule(), any.dimension() == null ? null : any.dimension().name(),
                    x == null ? null : x.points(), y == null ? null : y.points(), x == null ? null : x.reason(),
                    y == null ? null : y.reason(), !Objects.equals(x, y)));
        });
        return lines;
    }

    /** The lines by rule and occurrence ({@code rule#n}), in their order. */
    private static Map<String, ExplanationLine> keyed(OrganizationResult o) {
        Map<String, ExplanationLine> keyed = new LinkedHashMap<>();
        if (o != null) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (ExplanationLine l : o.explanation()) {
                int n = seen.merge(l.rule(), 1, Integer::sum);
                keyed.put(l.rule() + "#" + n, l);
            }
        }
        return keyed;
    }
}
