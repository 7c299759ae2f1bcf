package org.grassroots.assessment.server.bottom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Explains the reverse-ranked list (倒排说明) of a stored evaluation from its stored results. The
 * borderline distance is the rule set's {@code BORDERLINE_POINTS}, read from the rule files of the
 * evaluation's own version.
 */
@Service
public class BottomListService {

    /** The constant of the rules that says how far from the cut-off an organization is borderline. */
    static final String BORDERLINE = "BORDERLINE_POINTS";
    /** How many lines of loss are shown per organization. */
    private static final int LOSSES = 3;

    private final EvaluationRepository evaluations;
    private final RuleSetAuthoring rules;

    BottomListService(EvaluationRepository evaluations, RuleSetAuthoring rules) {
        this.evaluations = evaluations;
        this.rules = rules;
    }

    /** 404 when the evaluation is unknown, or its rule set states no {@code BORDERLINE_POINTS}. */
    public BottomList of(long evaluationId) {
        EvaluationResult result = evaluations.load(evaluationId);
        double borderline = rules.rulesWithChecksum(result.ruleSet().checksum())
                .flatMap(files -> RuleConstants.named(files, BORDERLINE))
                .map(c -> c.value().doubleValue())
                .orElseThrow(() -> new NotFoundException("评估 " + evaluationId + " 所用规则集 "
                        + result.ruleSet().version() + " 未规定倒排临界分差（" + BORDERLINE + "）"));
        Map<OrgType, List<OrganizationResult>> byType = new EnumMap<>(OrgType.class);
        for (OrganizationResult o : result.organizations()) {
            byType.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o);
        }
        List<BottomList.TypeList> types = new ArrayList<>();
        byType.forEach((type, orgs) -> {
            List<OrganizationResult> listed = orgs.stream().filter(o -> o.flags().contains(Flag.REVERSE_RANKED)).toList();
            if (listed.isEmpty()) {
                return;
            }
            double cutOff = listed.stream().mapToDouble(OrganizationResult::composite).max().getAsDouble();
            Map<String, double[]> pointsByRule = pointsByRule(orgs);
            List<BottomList.Entry> entries = new ArrayList<>();
            orgs.stream()
                    .sorted(Comparator.comparingInt(OrganizationResult::rankInType).reversed()
                            .thenComparing(OrganizationResult::code))
                    .forEach(o -> {
                        boolean onList = o.flags().contains(Flag.REVERSE_RANKED);
                        double distance = round2(o.composite() - cutOff);
                        boolean near = Math.abs(o.composite() - cutOff) <= borderline + 1e-9;
                        if (onList || near) {
                            entries.add(new BottomList.Entry(o.code(), o.name(), o.rankInType(), o.composite(),
                                    o.tier(), onList, near, distance, losses(o, pointsByRule)));
                        }
                    });
            types.add(new BottomList.TypeList(type, type.label(), orgs.size(), listed.size(), cutOff, entries));
        });
        return new BottomList(evaluationId, result.period(), result.asOf(), result.ruleSet().version(), borderline,
                types);
    }

    /** Per rule id ("dimension/rule"): the points of each organization of the type (0 without a line), sorted. */
    private static Map<String, double[]> pointsByRule(List<OrganizationResult> orgs) {
        Map<String, double[]> points = new TreeMap<>();
        for (int i = 0; i < orgs.size(); i++) {
            for (Map.Entry<String, Double> e : sums(orgs.get(i)).entrySet()) {
                points.computeIfAbsent(e.getKey(), k -> new double[orgs.size()])[i] = e.getValue();
            }
        }
        points.values().forEach(Arrays::sort);
        return points;
    }

    private static Map<String, Double> sums(OrganizationResult o) {
        Map<String, Double> sums = new TreeMap<>();
        for (ExplanationLine line : o.explanation()) {
            sums.merge(line.dimension().name() + "/" + line.rule(), line.points(), Double::sum);
        }
        return sums;
    }

    /** The LOSSES rules where the organization is furthest below its type's median (only those below it). */
    private static List<BottomList.Loss> losses(OrganizationResult o, Map<String, double[]> pointsByRule) {
        Map<String, Double> own = sums(o);
        List<BottomList.Loss> losses = new ArrayList<>();
        pointsByRule.forEach((key, sorted) -> {
            double points = own.getOrDefault(key, 0.0);
            double median = median(sorted);
            double loss = round2(median - points);
            if (loss > 0) {
                int slash = key.indexOf('/');
                String rule = key.substring(slash + 1);
                Dimension dimension = Dimension.valueOf(key.substring(0, slash));
                List<String> reasons = o.explanation().stream()
                        .filter(l -> l.rule().equals(rule) && l.dimension() == dimension)
                        .map(ExplanationLine::reason).toList();
                losses.add(new BottomList.Loss(rule, dimension, round2(points), round2(median), loss,
                        reasons.isEmpty() ? List.of("无此项得分（本类组织中位数 " + round2(median) + " 分）") : reasons));
            }
        });
        losses.sort(Comparator.comparingDouble(BottomList.Loss::loss).reversed()
                .thenComparing(BottomList.Loss::rule).thenComparing(BottomList.Loss::dimension));
        return List.copyOf(losses.subList(0, Math.min(LOSSES, losses.size())));
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
