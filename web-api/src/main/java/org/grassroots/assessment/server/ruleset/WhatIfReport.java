package org.grassroots.assessment.server.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrgTitle;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;

/**
 * What a draft would change in a period's results, compared with the active set: the organizations
 * whose tier, titles, flags, rank, forces or explanation differ (ordered by code, with only the
 * explanation lines that differ), the tier counts before and after, and the shift of the composite
 * over all organizations (mean, and the largest change by absolute value, signed).
 */
public record WhatIfReport(String period, LocalDate asOf, EvaluationResult.RuleSetRef before,
        EvaluationResult.RuleSetRef after, Map<String, Map<String, Integer>> tierCounts, ScoreShift scoreShift,
        List<Changed> changed) {

    public record ScoreShift(double mean, double max, int organizations, int compositeChanged) {
    }

    public record State(Tier tier, List<OrgTitle> titles, List<Flag> flags, int rank, double composite,
            double cohesion, double charisma, double combat) {

        static State of(OrganizationResult o) {
            return o == null ? null : new State(o.tier(), o.titles(), o.flags(), o.rank(), o.composite(),
                    o.cohesion(), o.charisma(), o.combat());
        }
    }

    /** A rule's explanation lines for the organization before and after (empty when it produced none). */
    public record LineChange(String rule, List<ExplanationLine> before, List<ExplanationLine> after) {
    }

    public record Changed(String code, String name, State before, State after, double compositeChange,
            List<LineChange> lines) {
    }

    static WhatIfReport compare(EvaluationResult before, EvaluationResult after) {
        Map<String, OrganizationResult> b = byCode(before);
        Map<String, OrganizationResult> a = byCode(after);
        TreeSet<String> codes = new TreeSet<>(b.keySet());
        codes.addAll(a.keySet());
        List<Changed> changed = new ArrayList<>();
        double sum = 0;
        double max = 0;
        int both = 0;
        int compositeChanged = 0;
        for (String code : codes) {
            OrganizationResult ob = b.get(code);
            OrganizationResult oa = a.get(code);
            double delta = 0;
            if (ob != null && oa != null) {
                delta = round(oa.composite() - ob.composite(), 2);
                sum += oa.composite() - ob.composite();
                both++;
                if (Math.abs(delta) > Math.abs(max)) {
                    max = delta;
                }
                if (Double.compare(oa.composite(), ob.composite()) != 0) {
                    compositeChanged++;
                }
            }
            State sb = State.of(ob);
            State sa = State.of(oa);
            List<LineChange> lines = lines(ob, oa);
            if (!Objects.equals(sb, sa) || !lines.isEmpty()) {
                String name = oa != null ? oa.name() : ob.name();
                changed.add(new Changed(code, name, sb, sa, delta, lines));
            }
        }
        Map<String, Map<String, Integer>> tiers = new LinkedHashMap<>();
        tiers.put("before", tierCounts(before));
        tiers.put("after", tierCounts(after));
        ScoreShift shift = new ScoreShift(both == 0 ? 0 : round(sum / both, 4), max, both, compositeChanged);
        return new WhatIfReport(after.period(), after.asOf(), before.ruleSet(), after.ruleSet(), tiers, shift, changed);
    }

    private static List<LineChange> lines(OrganizationResult before, OrganizationResult after) {
        Map<String, List<ExplanationLine>> b = byRule(before);
        Map<String, List<ExplanationLine>> a = byRule(after);
        TreeSet<String> rules = new TreeSet<>(b.keySet());
        rules.addAll(a.keySet());
        List<LineChange> changes = new ArrayList<>();
        for (String rule : rules) {
            List<ExplanationLine> lb = b.getOrDefault(rule, List.of());
            List<ExplanationLine> la = a.getOrDefault(rule, List.of());
            if (!lb.equals(la)) {
                changes.add(new LineChange(rule, lb, la));
            }
        }
        return changes;
    }

    private static Map<String, List<ExplanationLine>> byRule(OrganizationResult o) {
        Map<String, List<ExplanationLine>> lines = new TreeMap<>();
        if (o != null) {
            for (ExplanationLine line : o.explanation()) {
                lines.computeIfAbsent(line.rule(), k -> new ArrayList<>()).add(line);
            }
        }
        return lines;
    }

    private static Map<String, OrganizationResult> byCode(EvaluationResult result) {
        Map<String, OrganizationResult> orgs = new TreeMap<>();
        result.organizations().forEach(o -> orgs.put(o.code(), o));
        return orgs;
    }

    private static Map<String, Integer> tierCounts(EvaluationResult result) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Tier t : Tier.bestFirst()) {
            counts.put(t.name(), 0);
        }
        for (OrganizationResult o : result.organizations()) {
            counts.merge(o.tier() == null ? "NONE" : o.tier().name(), 1, Integer::sum);
        }
        return counts;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
