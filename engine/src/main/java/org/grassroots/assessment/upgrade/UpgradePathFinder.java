package org.grassroots.assessment.upgrade;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.grassroots.assessment.evaluation.AssessmentData;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.PhotoTaken;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.RectificationLever;
import org.grassroots.assessment.evaluation.Rounding;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.evaluation.UpgradeLever;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.grassroots.assessment.rectification.RectificationStep;
import org.grassroots.assessment.rectification.StepKind;

/**
 * Searches the smallest set of changes within an organization's reach that lifts it to a target tier
 * (晋位路径). What may move, and how far, comes from the rules (the UP family, {@link UpgradeLever};
 * a rectification item that may still be submitted, {@link RectificationLever}, is a change of one
 * step named {@code rectification:<id>}: the candidate's item gets a submit step on the date the rule
 * gives); every candidate is evaluated by the {@link Evaluator} with the rules in force, the organization
 * alone (its tier depends on its own facts; only ranks depend on the others) with its previous tier.
 *
 * <p>The search: every lever at its bound first (when even that does not reach the target, no path
 * exists, and the reason is read off that evaluation); else the levers best-first by what each alone
 * gains (tier, then fewer weak triggers, then composite), added until the target is reached; then
 * every change not needed is dropped, each remaining change's value is cut to the smallest that still
 * reaches (binary search over its steps), and the drop pass runs again. Java holds no policy here: no
 * threshold, weight or bound; only the order in which the rules' candidates are tried.
 */
public final class UpgradePathFinder {

    private final Evaluator evaluator;

    public UpgradePathFinder(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * The path for one organization.
     *
     * @param target the tier to reach; null: the next tier above the organization's
     * @throws IllegalArgumentException when the organization has no facts for the period
     */
    public UpgradePath find(AssessmentData data, String orgCode, Period period, LocalDate asOf, Tier target) {
        return find(data, orgCode, period, asOf, target, null);
    }

    /**
     * As {@link #find(AssessmentData, String, Period, LocalDate, Tier)} with the previous tiers given
     * (the server's stored evaluations); null: evaluated on the fly from the data.
     */
    public UpgradePath find(AssessmentData data, String orgCode, Period period, LocalDate asOf, Tier target,
            PreviousGrades previous) {
        Organization org = data.organizationsWithFacts(period).stream().filter(o -> o.code().equals(orgCode))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "organization " + orgCode + " has no facts for period " + period));
        return new Search(data, org, period, asOf, previous).run(target);
    }

    /** How a change of a rectification item is named: {@code rectification:} and the item's id. */
    public static final String RECTIFICATION = "rectification:";

    /** The name of the change a rectification lever makes, e.g. {@code rectification:17}. */
    public static String fact(AssessmentData data, RectificationLever lever) {
        return RECTIFICATION + data.rectificationId(lever.visitId(), lever.position());
    }

    /** The facts with the changes applied (field name → value; booleans as 0/1). */
    public static PeriodFacts apply(PeriodFacts facts, Map<String, Double> changes) {
        if (changes.isEmpty()) {
            return facts;
        }
        RecordComponent[] components = PeriodFacts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                values[i] = c.getAccessor().invoke(facts);
                Double v = changes.get(c.getName());
                if (v != null) {
                    values[i] = valueOf(c.getType(), v);
                }
            }
            for (String name : changes.keySet()) {
                if (!FIELDS.containsKey(name)) {
                    throw new IllegalArgumentException("no such period fact: " + name);
                }
            }
            Constructor<PeriodFacts> constructor = PeriodFacts.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild period facts", e);
        }
    }

    private static final Map<String, Class<?>> FIELDS = fields();

    private static Map<String, Class<?>> fields() {
        Map<String, Class<?>> fields = new HashMap<>();
        for (RecordComponent c : PeriodFacts.class.getRecordComponents()) {
            fields.put(c.getName(), c.getType());
        }
        return Map.copyOf(fields);
    }

    private static Object valueOf(Class<?> type, double v) {
        if (type == int.class) {
            return (int) Math.round(v);
        }
        if (type == boolean.class) {
            return v >= 0.5;
        }
        if (type == double.class) {
            return v;
        }
        throw new IllegalArgumentException("a period fact of type " + type.getSimpleName() + " cannot move");
    }

    /** The value as the answer shows it: an integer, a boolean, a rate, or an item's status. */
    static Object shown(String fact, double v) {
        if (fact.startsWith(RECTIFICATION)) {
            return v >= 0.5 ? RectificationStatus.SUBMITTED : RectificationStatus.OPEN;
        }
        return valueOf(FIELDS.getOrDefault(fact, double.class), v);
    }

    /** One organization's search; caches every candidate evaluated. */
    private final class Search {
        private final AssessmentData data;
        private final Organization org;
        private final Period period;
        private final LocalDate asOf;
        private final PreviousGrades previous;
        private final PeriodFacts facts;
        private final Map<Map<String, Double>, OrganizationResult> evaluated = new HashMap<>();
        /** The rectification levers by the name of their change. */
        private final Map<String, RectificationLever> submissions = new HashMap<>();

        Search(AssessmentData data, Organization org, Period period, LocalDate asOf, PreviousGrades given) {
            this.data = data;
            this.org = org;
            this.period = period;
            this.asOf = asOf;
            this.previous = given != null ? given : evaluator.previousOnTheFly(data, period, List.of(org));
            this.facts = data.facts(org.code(), period);
        }

        UpgradePath run(Tier requested) {
            OrganizationResult base = evaluate(Map.of());
            Tier target = requested != null ? requested : next(base.tier());
            if (target == null || reaches(base, target)) {
                return new UpgradePath(period.toString(), base.tier(), target == null ? base.tier() : target, true,
                        "已达到" + (target == null ? base.tier() : target).label() + "，无需改变",
                        base.composite(), base.tier(), List.of());
            }
            Evaluator.UpgradeLevers within = evaluator.upgradeLevers(data, period, asOf, List.of(org));
            List<UpgradeLever> levers = new ArrayList<>(within.levers().stream()
                    .filter(l -> l.orgCode().equals(org.code()) && l.steps() > 0 && FIELDS.containsKey(l.fact()))
                    .toList());
            // an item to submit: one step, 0 (as it stands) → 1 (submitted)
            for (RectificationLever r : within.submissions()) {
                if (r.orgCode().equals(org.code())) {
                    String fact = fact(data, r);
                    submissions.putIfAbsent(fact, r);
                    levers.add(new UpgradeLever(r.orgCode(), r.rule(), fact, 0, 1, 1));
                }
            }
            Map<String, UpgradeLever> byFact = new LinkedHashMap<>();
            levers.forEach(l -> byFact.merge(l.fact(), l, (a, b) -> a.steps() >= b.steps() ? a : b));
            if (byFact.isEmpty()) {
                return unreachable(base, target, base, true);
            }
            Map<String, Double> all = new TreeMap<>();
            byFact.values().forEach(l -> all.put(l.fact(), l.reach()));
            OrganizationResult best = evaluate(all);
            if (!reaches(best, target)) {
                return unreachable(base, target, best, false);
            }
            // best-first by what each lever alone gains
            List<UpgradeLever> order = new ArrayList<>(byFact.values());
            Map<String, OrganizationResult> alone = new HashMap<>();
            for (UpgradeLever l : order) {
                alone.put(l.fact(), evaluate(Map.of(l.fact(), l.reach())));
            }
            order.sort(Comparator.<UpgradeLever, OrganizationResult>comparing(l -> alone.get(l.fact()), PROGRESS)
                    .reversed().thenComparing(UpgradeLever::fact));
            Map<String, Double> chosen = new TreeMap<>();
            for (UpgradeLever l : order) {
                chosen.put(l.fact(), l.reach());
                if (reaches(evaluate(chosen), target)) {
                    break;
                }
            }
            drop(chosen, target);
            for (String fact : new ArrayList<>(chosen.keySet())) {
                UpgradeLever l = byFact.get(fact);
                int lo = 1;
                int hi = l.steps();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    Map<String, Double> tried = new TreeMap<>(chosen);
                    tried.put(fact, l.valueAt(mid));
                    if (reaches(evaluate(tried), target)) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                Map<String, Double> tried = new TreeMap<>(chosen);
                tried.put(fact, l.valueAt(lo));
                if (reaches(evaluate(tried), target)) {
                    chosen.put(fact, l.valueAt(lo));
                }
            }
            drop(chosen, target);
            OrganizationResult result = evaluate(chosen);
            List<UpgradePath.Change> changes = new ArrayList<>();
            for (Map.Entry<String, Double> e : chosen.entrySet()) {
                Map<String, Double> without = new TreeMap<>(chosen);
                without.remove(e.getKey());
                changes.add(change(e.getKey(), byFact.get(e.getKey()).current(), e.getValue(), result, evaluate(without)));
            }
            return new UpgradePath(period.toString(), base.tier(), target, true,
                    "本期结束前做到以下 " + changes.size() + " 项改变，可由" + base.tier().label() + "升至"
                            + result.tier().label() + "（综合得分 " + Rounding.num(result.composite()) + " 分）",
                    result.composite(), result.tier(), changes);
        }

        /** Drops every change the target can do without, one at a time. */
        private void drop(Map<String, Double> chosen, Tier target) {
            for (String fact : new ArrayList<>(chosen.keySet())) {
                Map<String, Double> without = new TreeMap<>(chosen);
                without.remove(fact);
                if (reaches(evaluate(without), target)) {
                    chosen.remove(fact);
                }
            }
        }

        private UpgradePath.Change change(String fact, double from, double to, OrganizationResult with,
                OrganizationResult without) {
            Map<String, Double> points = new TreeMap<>();
            for (ExplanationLine line : with.explanation()) {
                points.merge(line.rule(), line.points(), Double::sum);
            }
            for (ExplanationLine line : without.explanation()) {
                points.merge(line.rule(), -line.points(), Double::sum);
            }
            TreeSet<String> rules = new TreeSet<>();
            double gained = 0;
            for (Map.Entry<String, Double> e : points.entrySet()) {
                if (Math.abs(e.getValue()) > 1e-9) {
                    rules.add(e.getKey());
                    gained += e.getValue();
                }
            }
            TreeSet<String> triggers = new TreeSet<>(without.weakTriggers());
            triggers.removeAll(with.weakTriggers());
            rules.addAll(triggers);
            return new UpgradePath.Change(fact, shown(fact, from), shown(fact, to), List.copyOf(rules),
                    Rounding.round2(gained));
        }

        private UpgradePath unreachable(OrganizationResult base, Tier target, OrganizationResult best,
                boolean nothingMoves) {
            StringBuilder reason = new StringBuilder("本期内无法达到").append(target.label()).append("：");
            if (nothingMoves) {
                reason.append("截至 ").append(asOf).append(" 本期已没有还能改变的事项");
            } else {
                reason.append("本期结束前还能做到的改变全部做到，定级仍为").append(best.tier().label())
                        .append("（综合得分 ").append(Rounding.num(best.composite())).append(" 分）");
            }
            if (!best.weakTriggers().isEmpty()) {
                List<String> named = best.weakTriggers().stream()
                        .map(id -> id + " " + best.reasons().getOrDefault(id, "")).map(String::strip).toList();
                reason.append("；软弱涣散情形本期结束前无法消除：").append(String.join("、", named));
            }
            if (best.flags().contains(Flag.TIER_CAPPED)) {
                reason.append("；定级封顶：").append(best.reasons().getOrDefault(Flag.TIER_CAPPED.name(), ""));
            }
            return new UpgradePath(period.toString(), base.tier(), target, false, reason.toString(),
                    base.composite(), base.tier(), List.of());
        }

        private OrganizationResult evaluate(Map<String, Double> changes) {
            Map<String, Double> key = Map.copyOf(changes);
            OrganizationResult known = evaluated.get(key);
            if (known != null) {
                return known;
            }
            Map<String, Double> factChanges = new HashMap<>();
            Map<String, LocalDate> submitted = new HashMap<>();
            for (Map.Entry<String, Double> e : changes.entrySet()) {
                RectificationLever r = submissions.get(e.getKey());
                if (r == null) {
                    factChanges.put(e.getKey(), e.getValue());
                } else if (e.getValue() >= 0.5) {
                    submitted.put(itemKey(r.visitId(), r.position()), r.submitOn());
                }
            }
            PeriodFacts changed = apply(facts, factChanges);
            OrganizationResult result = evaluator.evaluate(new OneOrganization(data, org, period, changed,
                    Map.copyOf(submitted)), period, asOf, previous).organizations().get(0);
            evaluated.put(key, result);
            return result;
        }
    }

    /** Tier first, then fewer weak triggers, then the composite: how far a candidate has come. */
    private static final Comparator<OrganizationResult> PROGRESS = Comparator
            .comparing(OrganizationResult::tier)
            .thenComparing(r -> -r.weakTriggers().size())
            .thenComparingDouble(OrganizationResult::composite);

    static boolean reaches(OrganizationResult result, Tier target) {
        return result.tier().compareTo(target) >= 0;
    }

    /** The tier above, or null above the highest. */
    static Tier next(Tier tier) {
        Tier[] all = Tier.values();
        return tier.ordinal() + 1 < all.length ? all[tier.ordinal() + 1] : null;
    }

    private static String itemKey(String visitId, int position) {
        return visitId + '\u0000' + position;
    }

    /**
     * One organization of the data, with its facts of the period replaced and a submit step added to
     * the items in {@code submitted} (finding → the step's date), after the steps recorded.
     */
    private record OneOrganization(AssessmentData data, Organization org, Period period, PeriodFacts facts,
            Map<String, LocalDate> submitted) implements AssessmentData {

        @Override
        public List<Organization> organizationsWithFacts(Period p) {
            return p.equals(period) ? List.of(org) : data.organizationsWithFacts(p).stream()
                    .filter(o -> o.code().equals(org.code())).toList();
        }

        @Override
        public PeriodFacts facts(String orgCode, Period p) {
            return p.equals(period) && orgCode.equals(org.code()) ? facts : data.facts(orgCode, p);
        }

        @Override
        public List<MemberRecord> members(String orgCode, Period p) {
            return data.members(orgCode, p);
        }

        @Override
        public List<Visit> visitsUpTo(String orgCode, LocalDate date) {
            return data.visitsUpTo(orgCode, date);
        }

        @Override
        public RectificationHistory findingHistory(String visitId, int position) {
            RectificationHistory recorded = data.findingHistory(visitId, position);
            LocalDate submitOn = submitted.get(itemKey(visitId, position));
            if (submitOn == null) {
                return recorded;
            }
            List<RectificationStep> steps = new ArrayList<>(recorded.steps());
            steps.add(new RectificationStep(StepKind.SUBMIT, submitOn));
            return new RectificationHistory(steps);
        }

        @Override
        public String rectificationId(String visitId, int position) {
            return data.rectificationId(visitId, position);
        }

        @Override
        public List<PhotoTaken> photosTaken(String visitId) {
            return data.photosTaken(visitId);
        }
    }
}
