package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.model.Organization;

/**
 * Everything the rules inserted for one organization, gathered from the session; or, for the
 * previous period that movement compares with, only its tier and what {@link #requireComplete}
 * checks (nothing else of it is ever read).
 */
final class OrgOutcome {

    final Organization org;
    /** Whether only the tier is kept (the previous period evaluated on the fly for movement). */
    final boolean tierOnly;
    final List<Line> lines = new ArrayList<>();
    final Map<Dimension, Double> forces = new EnumMap<>(Dimension.class);
    Double composite;
    InspectionScore inspection;
    final List<WeakTrigger> triggers = new ArrayList<>();
    Tier tier;
    final List<OrgFlag> flags = new ArrayList<>();
    final List<OrgTitleAward> titles = new ArrayList<>();
    Movement movement;
    final List<VisitScore> visitScores = new ArrayList<>();
    final List<String> memberIds = new ArrayList<>();
    // read by member id in the members' order (memberIds), never iterated
    final Map<String, List<VanguardTitle>> memberTitles = new HashMap<>();
    final Map<String, String> disqualified = new HashMap<>();
    final List<RectificationDue> due = new ArrayList<>();
    final Map<String, InspectionItem> inspectionItems = new LinkedHashMap<>();

    OrgOutcome(Organization org) {
        this(org, false);
    }

    OrgOutcome(Organization org, boolean tierOnly) {
        this.org = org;
        this.tierOnly = tierOnly;
    }

    /**
     * Routes a fact the rules inserted to its organization's outcome; facts of other types, or of an
     * organization not in {@code outcomes}, are ignored. Every test is against a final record class
     * (a pointer comparison): testing each fact against the {@link OrgScoped} interface goes through
     * the JVM's one-entry secondary-supers cache, which thrashes when the types alternate and makes
     * threads that share it contend (JDK-8180450); it was the evaluator's largest single cost.
     */
    static void route(Object fact, Map<String, OrgOutcome> outcomes) {
        String code = fact instanceof Line l ? l.orgCode()
                : fact instanceof ForceScore f ? f.orgCode()
                : fact instanceof Composite c ? c.orgCode()
                : fact instanceof InspectionScore s ? s.orgCode()
                : fact instanceof WeakTrigger t ? t.orgCode()
                : fact instanceof Grade g ? g.orgCode()
                : fact instanceof OrgFlag f ? f.orgCode()
                : fact instanceof OrgTitleAward t ? t.orgCode()
                : fact instanceof MovementResult m ? m.orgCode()
                : fact instanceof VisitScore v ? v.orgCode()
                : fact instanceof MemberTitle t ? t.orgCode()
                : fact instanceof MemberDisqualified d ? d.orgCode()
                : fact instanceof RectificationDue d ? d.orgCode()
                : fact instanceof InspectionItem i ? i.orgCode()
                : null;
        OrgOutcome outcome = code == null ? null : outcomes.get(code);
        if (outcome != null) {
            outcome.accept(fact);
        }
    }

    void accept(Object fact) {
        if (tierOnly) {
            acceptTierOnly(fact);
        } else if (fact instanceof Line l) {
            lines.add(l);
        } else if (fact instanceof ForceScore f) {
            forces.put(f.dimension(), f.value());
        } else if (fact instanceof Composite c) {
            composite = c.value();
        } else if (fact instanceof InspectionScore s) {
            inspection = s;
        } else if (fact instanceof WeakTrigger t) {
            triggers.add(t);
        } else if (fact instanceof Grade g) {
            tier = g.tier();
        } else if (fact instanceof OrgFlag f) {
            flags.add(f);
        } else if (fact instanceof OrgTitleAward t) {
            titles.add(t);
        } else if (fact instanceof MovementResult m) {
            movement = m.movement();
        } else if (fact instanceof VisitScore v) {
            visitScores.add(v);
        } else if (fact instanceof MemberTitle t) {
            memberTitles.computeIfAbsent(t.memberId(), k -> new ArrayList<>()).add(t.title());
        } else if (fact instanceof MemberDisqualified d) {
            disqualified.put(d.memberId(), d.reason());
        } else if (fact instanceof RectificationDue d) {
            due.add(d);
        } else if (fact instanceof InspectionItem i) {
            inspectionItems.put(i.visitId() + '\u0000' + i.position(), i);
        }
    }

    private void acceptTierOnly(Object fact) {
        if (fact instanceof ForceScore f) {
            forces.put(f.dimension(), f.value());
        } else if (fact instanceof Composite c) {
            composite = c.value();
        } else if (fact instanceof Grade g) {
            tier = g.tier();
        } else if (fact instanceof MovementResult m) {
            movement = m.movement();
        }
    }

    /** Checks the rules produced what every result needs; a rule set that does not is unusable. */
    void requireComplete() {
        List<String> missing = new ArrayList<>();
        for (Dimension d : List.of(Dimension.COHESION, Dimension.CHARISMA, Dimension.COMBAT)) {
            if (!forces.containsKey(d)) {
                missing.add(d.name());
            }
        }
        if (composite == null) {
            missing.add("composite");
        }
        if (tier == null) {
            missing.add("tier");
        }
        if (movement == null) {
            missing.add("movement");
        }
        if (!missing.isEmpty()) {
            throw new IncompleteResultException(org.code(), missing);
        }
    }

    List<ExplanationLine> explanation() {
        return lines.stream()
                .sorted(Comparator.comparing(Line::dimension).thenComparing(Line::rule))
                .map(l -> new ExplanationLine(l.rule(), l.dimension(), l.points(), l.reason()))
                .toList();
    }

    Map<String, String> reasons() {
        Map<String, String> reasons = new TreeMap<>();
        triggers.forEach(t -> reasons.put(t.rule(), t.situation()));
        titles.forEach(t -> reasons.put(t.title().name(), t.reason()));
        flags.forEach(f -> reasons.put(f.flag().name(), f.reason()));
        return reasons;
    }
}
