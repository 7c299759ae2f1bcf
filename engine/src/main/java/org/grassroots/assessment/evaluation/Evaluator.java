package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.grassroots.assessment.concurrent.Futures;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Evaluates a period with one compiled rule set. Organizations are evaluated in batches, each in
 * its own stateless session over the shared KieBase (working memory never holds the district), in
 * parallel when asked; then the district phase ranks the finished results. Safe to use from many
 * threads at once.
 */
public final class Evaluator {

    /**
     * A rule set that fires more often than this per organization (on average over the
     * organizations evaluated together) is assumed to loop and is stopped. An engine safety limit,
     * not policy: the shipped set fires about 80 times per organization and period (BENCHMARKS.md),
     * at most 134 for one organization (measured: worked example 66, demo district 83, a generated
     * 2,000-organization bundle 134); vanguard rules fire up to six times per member, so 20,000 leaves
     * room for an organization of some 3,000 members evaluated alone. A loop reaches it in seconds.
     */
    public static final int DEFAULT_FIRINGS_PER_ORGANIZATION = 20_000;

    private final CompiledRules rules;
    private final int threads;
    private final int batchSize;
    private final int firingsPerOrganization;
    private final Deadline deadline;

    public Evaluator(CompiledRules rules) {
        this(rules, 1, 16);
    }

    public Evaluator(CompiledRules rules, int threads, int batchSize) {
        this(rules, threads, batchSize, DEFAULT_FIRINGS_PER_ORGANIZATION, Deadline.NONE);
    }

    private Evaluator(CompiledRules rules, int threads, int batchSize, int firingsPerOrganization, Deadline deadline) {
        if (threads < 1 || batchSize < 1 || firingsPerOrganization < 1) {
            throw new IllegalArgumentException("threads, batch size and firing limit must be at least 1");
        }
        this.rules = rules;
        this.threads = threads;
        this.batchSize = batchSize;
        this.firingsPerOrganization = firingsPerOrganization;
        this.deadline = deadline == null ? Deadline.NONE : deadline;
    }

    /**
     * This evaluator with other limits: at most {@code firingsPerOrganization} rule firings per
     * organization, and every evaluation ends by {@code deadline} (a limited deadline: the work runs
     * on a worker thread and the caller gets an {@link ExecutionStoppedException} at the deadline
     * even when the work cannot be stopped at once; see {@link RuleWorkers}).
     */
    public Evaluator limitedBy(int firingsPerOrganization, Deadline deadline) {
        return new Evaluator(rules, threads, batchSize, firingsPerOrganization, deadline);
    }

    public CompiledRules ruleSet() {
        return rules;
    }

    /** Evaluates a period; movement compares with the previous period evaluated on the fly from the data. */
    public EvaluationResult evaluate(AssessmentData data, Period period, LocalDate asOf) {
        return RuleWorkers.within(deadline, () -> {
            List<Organization> orgs = data.organizationsWithFacts(period);
            return evaluate(data, period, asOf, previousInline(data, period, orgs), null);
        });
    }

    /**
     * Like {@link #evaluate(AssessmentData, Period, LocalDate)} without the district phase: the
     * organizations in code order, unranked (rank 0); members and rectification items each in their
     * order. For a district evaluated in parts (the offline CLI reading a bundle larger than the
     * heap), ranked once at the end with {@link #rank}.
     */
    public EvaluationResult evaluateUnranked(AssessmentData data, Period period, LocalDate asOf) {
        return RuleWorkers.within(deadline, () -> unranked(data, period, asOf, null));
    }

    /** {@link #evaluateUnranked(AssessmentData, Period, LocalDate)} with movement against the given previous tiers. */
    public EvaluationResult evaluateUnranked(AssessmentData data, Period period, LocalDate asOf, PreviousGrades previous) {
        return RuleWorkers.within(deadline, () -> unranked(data, period, asOf, previous));
    }

    private EvaluationResult unranked(AssessmentData data, Period period, LocalDate asOf, PreviousGrades given) {
        AssessmentWindow window = AssessmentWindow.of(period, asOf);
        List<Organization> orgs = data.organizationsWithFacts(period);
        PreviousGrades previous = given != null ? given : previousInline(data, period, orgs);
        List<Finished> finished = evaluateOrganizations(data, period, window, orgs, previous, null, false,
                batch -> Finished.of(batch, window.asOf()));
        return assemble(window, finished, null, false);
    }

    /**
     * {@link #evaluateUnranked(AssessmentData, Period, LocalDate, PreviousGrades)} recording which rules
     * fired for which organizations: with {@link #rankWithCoverage} over every part's results, the
     * coverage of {@link #evaluateWithCoverage} for a district evaluated in parts.
     */
    public CoveredEvaluation evaluateUnrankedWithCoverage(AssessmentData data, Period period, LocalDate asOf,
            PreviousGrades previous) {
        return RuleWorkers.within(deadline, () -> {
            AssessmentWindow window = AssessmentWindow.of(period, asOf);
            List<Organization> orgs = data.organizationsWithFacts(period);
            CoverageListener listener = new CoverageListener();
            List<Finished> finished = evaluateOrganizations(data, period, window, orgs, previous, listener, false,
                    batch -> Finished.of(batch, window.asOf()));
            EvaluationResult result = assemble(window, finished, listener, false);
            return new CoveredEvaluation(result, RuleCoverage.of(rules.ruleNames(), listener.fired()));
        });
    }

    /** A district ranked, with the rules of the district phase that fired. */
    public record CoveredRanking(List<OrganizationResult> ranked, RuleCoverage coverage) {
    }

    /** {@link #rank} recording which rules of the district phase fired for which organizations. */
    public CoveredRanking rankWithCoverage(List<OrganizationResult> unranked) {
        return RuleWorkers.within(deadline, () -> {
            CoverageListener listener = new CoverageListener();
            List<OrganizationResult> ranked = new DistrictPhase(rules, firingsPerOrganization, deadline)
                    .rank(unranked, listener);
            return new CoveredRanking(ranked, RuleCoverage.of(rules.ruleNames(), listener.fired()));
        });
    }

    /** The district phase over the results of {@link #evaluateUnranked}: rank order, ranks and ranking flags set. */
    public List<OrganizationResult> rank(List<OrganizationResult> unranked) {
        return RuleWorkers.within(deadline,
                () -> new DistrictPhase(rules, firingsPerOrganization, deadline).rank(unranked, null));
    }

    public EvaluationResult evaluate(AssessmentData data, Period period, LocalDate asOf, PreviousGrades previous) {
        return RuleWorkers.within(deadline, () -> evaluate(data, period, asOf, previous, null));
    }

    /** An evaluation together with the rule coverage recorded while it ran. */
    public record CoveredEvaluation(EvaluationResult result, RuleCoverage coverage) {
    }

    /**
     * Like {@link #evaluate(AssessmentData, Period, LocalDate)}, and records which rules fired for
     * which organizations (the result is identical). Coverage counts the evaluated period only, not
     * the on-the-fly evaluation of the previous period that movement compares with.
     */
    public CoveredEvaluation evaluateWithCoverage(AssessmentData data, Period period, LocalDate asOf) {
        return RuleWorkers.within(deadline, () -> {
            List<Organization> orgs = data.organizationsWithFacts(period);
            return covered(data, period, asOf, previousInline(data, period, orgs));
        });
    }

    public CoveredEvaluation evaluateWithCoverage(AssessmentData data, Period period, LocalDate asOf,
            PreviousGrades previous) {
        return RuleWorkers.within(deadline, () -> covered(data, period, asOf, previous));
    }

    private CoveredEvaluation covered(AssessmentData data, Period period, LocalDate asOf, PreviousGrades previous) {
        CoverageListener listener = new CoverageListener();
        EvaluationResult result = evaluate(data, period, asOf, previous, listener);
        return new CoveredEvaluation(result, RuleCoverage.of(rules.ruleNames(), listener.fired()));
    }

    private EvaluationResult evaluate(AssessmentData data, Period period, LocalDate asOf, PreviousGrades previous,
            CoverageListener listener) {
        AssessmentWindow window = AssessmentWindow.of(period, asOf);
        List<Organization> orgs = data.organizationsWithFacts(period);
        List<Finished> finished = evaluateOrganizations(data, period, window, orgs, previous, listener, false,
                batch -> Finished.of(batch, window.asOf()));
        return assemble(window, finished, listener, true);
    }

    /**
     * The previous period's tiers of the given organizations, evaluated from their facts as of the
     * previous period's end (policy section 4, movement); nothing is ranked or stored.
     */
    public PreviousGrades previousOnTheFly(AssessmentData data, Period period, List<Organization> orgs) {
        return RuleWorkers.within(deadline, () -> previousInline(data, period, orgs));
    }

    private PreviousGrades previousInline(AssessmentData data, Period period, List<Organization> orgs) {
        Period before = period.previous();
        List<Organization> withFacts = orgs.stream().filter(o -> data.facts(o.code(), before) != null).toList();
        if (withFacts.isEmpty()) {
            return PreviousGrades.NONE;
        }
        AssessmentWindow window = AssessmentWindow.of(before, before.end());
        Map<String, Tier> tiers = new HashMap<>();
        // only the tiers are kept: the outcomes gather nothing else (see OrgOutcome#tierOnly)
        for (List<OrgOutcome> batch : evaluateOrganizations(data, before, window, withFacts, PreviousGrades.NONE,
                null, true, Function.identity())) {
            batch.forEach(o -> tiers.put(o.org.code(), o.tier));
        }
        return PreviousGrades.of(tiers);
    }

    /**
     * Evaluates the organizations batch by batch and turns each batch's outcomes into what the caller
     * keeps, in order ({@code finish} runs on the evaluating thread, so that work is parallel too).
     */
    private <T> List<T> evaluateOrganizations(AssessmentData data, Period period, AssessmentWindow window,
            List<Organization> orgs, PreviousGrades previous, CoverageListener listener, boolean tierOnly,
            Function<List<OrgOutcome>, T> finish) {
        int batches = (orgs.size() + batchSize - 1) / batchSize;
        if (threads == 1 || batches <= 1) {
            List<T> all = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                all.add(evaluateBatch(data, period, window, batch(orgs, b), previous, listener, tierOnly, finish));
            }
            return all;
        }
        ForkJoinPool pool = new ForkJoinPool(threads, Evaluator::workerThread, null, false);
        try {
            return pool.submit(() -> IntStream.range(0, batches).parallel()
                            .mapToObj(b -> evaluateBatch(data, period, window, batch(orgs, b), previous, listener,
                                    tierOnly, finish))
                            .toList())
                    .get();
        } catch (InterruptedException e) {
            // the caller stopped waiting (its deadline passed): stop the batches still running
            deadline.cancel();
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw deadline.isLimited() ? deadline.exceeded(null) : new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw Futures.rethrowCause(e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Drools finds its services through the thread's context class loader; a pool thread would have
     * the system loader, which cannot see the jars nested in an executable Spring Boot jar.
     */
    private static ForkJoinWorkerThread workerThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setContextClassLoader(Evaluator.class.getClassLoader());
        return thread;
    }

    private List<Organization> batch(List<Organization> orgs, int index) {
        return orgs.subList(index * batchSize, Math.min(orgs.size(), (index + 1) * batchSize));
    }

    private <T> T evaluateBatch(AssessmentData data, Period period, AssessmentWindow window,
            List<Organization> orgs, PreviousGrades previous, CoverageListener listener, boolean tierOnly,
            Function<List<OrgOutcome>, T> finish) {
        deadline.check();
        List<Object> facts = new ArrayList<>();
        facts.add(window);
        Map<String, OrgOutcome> outcomes = new HashMap<>();
        for (Organization org : orgs) {
            OrgOutcome outcome = new OrgOutcome(org, tierOnly);
            outcomes.put(org.code(), outcome);
            addFacts(facts, data, period, window, org, previous, outcome);
        }
        run(facts, orgs.size(), listener, fact -> OrgOutcome.route(fact, outcomes));
        List<OrgOutcome> result = new ArrayList<>(orgs.size());
        for (Organization org : orgs) {
            OrgOutcome outcome = outcomes.get(org.code());
            outcome.requireComplete();
            result.add(outcome);
        }
        return finish.apply(result);
    }

    private static void addFacts(List<Object> facts, AssessmentData data, Period period, AssessmentWindow window,
            Organization org, PreviousGrades previous, OrgOutcome outcome) {
        PeriodFacts pf = data.facts(org.code(), period);
        facts.add(org);
        facts.add(pf);
        for (MemberRecord m : data.members(org.code(), period)) {
            facts.add(m);
            if (!outcome.tierOnly) {
                outcome.memberIds.add(m.memberId());
            }
        }
        addVisits(facts, data, org, window.asOf(), false);
        previous.tierOf(org.code()).ifPresent(tier -> facts.add(new PreviousGrade(org.code(), tier)));
    }

    /**
     * The organization's visits up to the date with their findings as the rules see them; for
     * planning also, per visit whose items are all verified, the day the last was verified.
     */
    private static void addVisits(List<Object> facts, AssessmentData data, Organization org, LocalDate asOf,
            boolean verifications) {
        for (Visit visit : data.visitsUpTo(org.code(), asOf)) {
            facts.add(visit);
            List<Finding> findings = visit.findings();
            LocalDate lastVerified = null;
            boolean allVerified = !findings.isEmpty();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                RectificationHistory history = data.findingHistory(visit.visitId(), i);
                RectificationStatus status = history.statusAsOf(asOf);
                facts.add(new InspectionFinding(org.code(), visit.visitId(), visit.date(), visit.mode(), i, f.item(),
                        f.severity(), f.deduction(), f.note(), status, history.lastSubmitAsOf(asOf)));
                LocalDate verified = history.lastVerifyAsOf(asOf);
                allVerified &= status == RectificationStatus.VERIFIED && verified != null;
                if (verified != null && (lastVerified == null || verified.isAfter(lastVerified))) {
                    lastVerified = verified;
                }
            }
            if (verifications && allVerified) {
                facts.add(new VisitItemsVerified(org.code(), visit.visitId(), lastVerified));
            }
            if (verifications) {
                facts.addAll(data.photosTaken(visit.visitId()));
            }
        }
    }

    /** The visits due as of a planning day (the PL rules), the visits in doubt, and the rules that fired. */
    public record PlannedVisits(List<DueVisit> due, List<DoubtfulVisit> doubts, RuleCoverage coverage) {
    }

    /**
     * Which of the organizations are due an inspection visit on the planning day (the rules' PL
     * family): the rules see each organization, its visits up to the day with their findings'
     * rectification status, the visits whose items are all verified, and its latest published grade;
     * they insert {@link DueVisit}s. Sorted by due date, organization and rule.
     *
     * @param published the latest published grade by organization code (absent: never graded)
     */
    public PlannedVisits planVisits(AssessmentData data, List<Organization> orgs, PlanningDay day,
            Map<String, PublishedGrade> published) {
        return RuleWorkers.within(deadline, () -> {
            CoverageListener listener = new CoverageListener();
            List<DueVisit> due = new ArrayList<>();
            List<DoubtfulVisit> doubts = new ArrayList<>();
            int batches = (orgs.size() + batchSize - 1) / batchSize;
            for (int b = 0; b < batches; b++) {
                deadline.check();
                List<Organization> batch = batch(orgs, b);
                List<Object> facts = new ArrayList<>();
                facts.add(day);
                for (Organization org : batch) {
                    facts.add(org);
                    addVisits(facts, data, org, day.asOf(), true);
                    PublishedGrade grade = published.get(org.code());
                    if (grade != null) {
                        facts.add(grade);
                    }
                }
                run(facts, batch.size(), listener, fact -> {
                    if (fact instanceof DueVisit d) {
                        due.add(d);
                    } else if (fact instanceof DoubtfulVisit d) {
                        doubts.add(d);
                    }
                });
            }
            due.sort(Comparator.comparing(DueVisit::dueOn).thenComparing(DueVisit::orgCode)
                    .thenComparing(DueVisit::rule));
            doubts.sort(Comparator.comparing(DoubtfulVisit::orgCode).thenComparing(DoubtfulVisit::visitId)
                    .thenComparing(DoubtfulVisit::reason));
            return new PlannedVisits(List.copyOf(due), List.copyOf(doubts), RuleCoverage.of(rules.ruleNames(), listener.fired()));
        });
    }

    /**
     * What is within the organizations' reach before the period ends (the UP rules): facts that may
     * move, rectification items that may still be submitted, and the rules that fired.
     */
    public record UpgradeLevers(List<UpgradeLever> levers, List<RectificationLever> submissions, RuleCoverage coverage) {
    }

    /**
     * Which facts of the organizations may still move before the period ends, and how far (the rules'
     * UP family): the rules see the window as of the date, an {@link UpgradeQuery} with what remains
     * of the period, and each organization with its facts and its visits up to the date with their
     * findings' rectification status; they insert {@link UpgradeLever}s and {@link RectificationLever}s.
     * Sorted by organization, rule and fact (visit and position).
     */
    public UpgradeLevers upgradeLevers(AssessmentData data, Period period, LocalDate asOf, List<Organization> orgs) {
        return RuleWorkers.within(deadline, () -> {
            AssessmentWindow window = AssessmentWindow.of(period, asOf);
            UpgradeQuery query = UpgradeQuery.of(window, period.months(), period.weeks());
            CoverageListener listener = new CoverageListener();
            List<UpgradeLever> levers = new ArrayList<>();
            List<RectificationLever> submissions = new ArrayList<>();
            int batches = (orgs.size() + batchSize - 1) / batchSize;
            for (int b = 0; b < batches; b++) {
                deadline.check();
                List<Organization> batch = batch(orgs, b);
                List<Object> facts = new ArrayList<>();
                facts.add(window);
                facts.add(query);
                for (Organization org : batch) {
                    PeriodFacts pf = data.facts(org.code(), period);
                    if (pf != null) {
                        facts.add(org);
                        facts.add(pf);
                        addVisits(facts, data, org, window.asOf(), false);
                    }
                }
                run(facts, batch.size(), listener, fact -> {
                    if (fact instanceof UpgradeLever l) {
                        levers.add(l);
                    } else if (fact instanceof RectificationLever r) {
                        submissions.add(r);
                    }
                });
            }
            levers.sort(Comparator.comparing(UpgradeLever::orgCode).thenComparing(UpgradeLever::rule)
                    .thenComparing(UpgradeLever::fact));
            submissions.sort(Comparator.comparing(RectificationLever::orgCode).thenComparing(RectificationLever::rule)
                    .thenComparing(RectificationLever::visitId).thenComparingInt(RectificationLever::position));
            return new UpgradeLevers(List.copyOf(levers), List.copyOf(submissions),
                    RuleCoverage.of(rules.ruleNames(), listener.fired()));
        });
    }

    /**
     * The calibration of the inspectors (督查校准): the visits recorded in the period, the figures of every
     * team and inspector, the outliers the calibration rules flag, and the rules that fired.
     */
    public record Calibrated(List<CalibratedVisit> visits, List<CalibrationFigures> figures,
                             List<CalibrationOutlier> outliers, RuleCoverage coverage) {
    }

    /**
     * Calibrates the inspectors on the visits of the organizations recorded in the period: first the
     * deduction rules price each visit's findings (each organization with all its visits up to the
     * period's end, so that repeats count), then {@link Calibration} makes the figures of every team and
     * inspector, and the calibration rules (98-calibration.drl) flag the outliers among them.
     *
     * @param withdrawn  the withdrawn findings by visit id (the data holds standing findings only)
     * @param inspectors the inspectors by visit id where the data's visits do not carry them (else the visit's)
     */
    public Calibrated calibrate(AssessmentData data, List<Organization> orgs, CalibrationPeriod period,
            Map<String, Integer> withdrawn, Map<String, List<String>> inspectors) {
        return RuleWorkers.within(deadline, () -> {
            CoverageListener listener = new CoverageListener();
            Map<String, List<FindingDeduction>> deductions = new HashMap<>();
            List<Visit> inPeriod = new ArrayList<>();
            int batches = (orgs.size() + batchSize - 1) / batchSize;
            for (int b = 0; b < batches; b++) {
                deadline.check();
                List<Organization> batch = batch(orgs, b);
                List<Object> facts = new ArrayList<>();
                facts.add(period);
                for (Organization org : batch) {
                    facts.add(org);
                    addVisits(facts, data, org, period.end(), false);
                    data.visitsUpTo(org.code(), period.end()).stream().filter(v -> period.contains(v.date()))
                            .forEach(inPeriod::add);
                }
                run(facts, batch.size(), listener, fact -> {
                    if (fact instanceof FindingDeduction d) {
                        deductions.computeIfAbsent(d.visitId(), k -> new ArrayList<>()).add(d);
                    }
                });
            }
            inPeriod.sort(Comparator.comparing(Visit::date).thenComparing(Visit::visitId));
            List<CalibratedVisit> visits = new ArrayList<>();
            for (Visit v : inPeriod) {
                double points = 0;
                int[] severities = new int[3];
                for (FindingDeduction d : deductions.getOrDefault(v.visitId(), List.of())) {
                    points += d.points();
                    severities[d.severity().ordinal()]++;
                }
                visits.add(new CalibratedVisit(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(),
                        inspectors.getOrDefault(v.visitId(), v.inspectors()),
                        points, severities[0], severities[1], severities[2], withdrawn.getOrDefault(v.visitId(), 0)));
            }
            List<CalibrationFigures> figures = Calibration.figures(visits);
            List<Object> facts = new ArrayList<>();
            facts.add(period);
            facts.addAll(figures);
            List<CalibrationOutlier> outliers = new ArrayList<>();
            deadline.check();
            run(facts, Math.max(1, figures.size()), listener, fact -> {
                if (fact instanceof CalibrationOutlier o) {
                    outliers.add(o);
                }
            });
            outliers.sort(Comparator.comparing(CalibrationOutlier::kind).thenComparing(CalibrationOutlier::name)
                    .thenComparing(CalibrationOutlier::rule).thenComparing(CalibrationOutlier::reason));
            return new Calibrated(List.copyOf(visits), List.copyOf(figures), List.copyOf(outliers),
                    RuleCoverage.of(rules.ruleNames(), listener.fired()));
        });
    }

    /**
     * Inserts the facts, fires the rules and hands every fact the rules inserted to {@code produced}.
     * Those are caught as they are inserted instead of copying the whole working memory afterwards
     * (the input facts, most of it, are never needed back). Should a rule modify or delete a fact
     * (the shipped rules never do), the session's final facts are handed over instead, as before.
     * Firing stops at the firing limit or the deadline ({@link FiringGuard}) with an exception.
     */
    private void run(List<Object> facts, int organizations, CoverageListener listener, Consumer<Object> produced) {
        KieSession session = rules.kieBase().newKieSession();
        if (listener != null) {
            session.addEventListener(listener);
        }
        try {
            EntryPoint input = session.getEntryPoint(DEFAULT_ENTRY_POINT);
            for (Object fact : facts) {
                input.insert(fact);
            }
            Inserted inserted = new Inserted();
            session.addEventListener(inserted);
            FiringGuard guard = new FiringGuard(organizations, firingsPerOrganization, deadline);
            session.addEventListener(guard);
            session.fireAllRules();
            guard.throwIfStopped();
            (inserted.changed ? session.getObjects() : inserted.facts).forEach(produced);
        } finally {
            session.dispose();
        }
    }

    private static final String DEFAULT_ENTRY_POINT = "DEFAULT";

    /** The facts the rules insert, in order; and whether any rule modified or deleted one. */
    private static final class Inserted implements RuleRuntimeEventListener {
        final List<Object> facts = new ArrayList<>();
        boolean changed;

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            facts.add(event.getObject());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            changed = true;
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            changed = true;
        }
    }

    /** A batch's organization results, its members' titles and its open rectification items, each in order. */
    private record Finished(List<OrganizationResult> results, List<MemberResult> members, List<RectificationItem> items) {

        static Finished of(List<OrgOutcome> batch, LocalDate asOf) {
            List<OrganizationResult> results = new ArrayList<>(batch.size());
            List<MemberResult> members = new ArrayList<>();
            List<RectificationItem> items = new ArrayList<>();
            for (OrgOutcome o : batch) {
                results.add(toResult(o));
                members.addAll(memberResults(o));
                items.addAll(rectifications(o, asOf));
            }
            members.sort(MEMBER_ORDER);
            items.sort(RectificationItem.LEDGER_ORDER);
            return new Finished(results, members, items);
        }
    }

    private EvaluationResult assemble(AssessmentWindow window, List<Finished> finished, CoverageListener listener,
            boolean rank) {
        List<OrganizationResult> unranked = new ArrayList<>(finished.size());
        List<MemberResult> members = new ArrayList<>();
        List<RectificationItem> items = new ArrayList<>();
        for (Finished f : finished) {
            unranked.addAll(f.results());
            members.addAll(f.members());
            items.addAll(f.items());
        }
        deadline.check();
        List<OrganizationResult> ranked = rank
                ? new DistrictPhase(rules, firingsPerOrganization, deadline).rank(unranked, listener)
                : unranked;
        // each batch's members and items are already in order: these sorts merge those runs
        members.sort(MEMBER_ORDER);
        items.sort(RectificationItem.LEDGER_ORDER);
        return new EvaluationResult(window.period(), window.asOf(),
                new EvaluationResult.RuleSetRef(rules.version(), rules.checksum()), ranked, members, items);
    }

    /**
     * By member id. Written out rather than {@code Comparator.comparing(MemberResult::memberId)}:
     * every {@code comparing} comparator shares one lambda class, whose key-extractor call is then
     * megamorphic and not inlined (it was the sorts' largest frame); the order is the same.
     */
    private static final Comparator<MemberResult> MEMBER_ORDER = (a, b) -> a.memberId().compareTo(b.memberId());

    private static OrganizationResult toResult(OrgOutcome o) {
        List<String> triggers = o.triggers.stream().map(WeakTrigger::rule).sorted().distinct().toList();
        Set<OrgTitle> titles = EnumSet.noneOf(OrgTitle.class);
        o.titles.forEach(t -> titles.add(t.title()));
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        o.flags.forEach(f -> flags.add(f.flag()));
        List<VisitResult> visits = o.visitScores.stream()
                .sorted(Comparator.comparing(VisitScore::date).thenComparing(VisitScore::visitId))
                .map(v -> new VisitResult(v.visitId(), v.date(), v.mode(), v.score(), v.inWindow()))
                .toList();
        return new OrganizationResult(o.org.code(), o.org.name(), o.org.type(), o.org.parentCode(), 0,
                o.forces.get(Dimension.COHESION), o.forces.get(Dimension.CHARISMA), o.forces.get(Dimension.COMBAT),
                o.composite, o.inspection == null ? null : o.inspection.score(), o.tier, triggers,
                List.copyOf(titles), List.copyOf(flags), o.movement, o.explanation(), 0, 0, o.reasons(), visits);
    }

    private static List<MemberResult> memberResults(OrgOutcome o) {
        List<MemberResult> members = new ArrayList<>(o.memberIds.size());
        for (String id : o.memberIds) {
            List<VanguardTitle> titles = new ArrayList<>(o.memberTitles.getOrDefault(id, List.of()));
            titles.sort(null);
            members.add(new MemberResult(id, o.org.code(), titles, o.disqualified.get(id)));
        }
        return members;
    }

    private static List<RectificationItem> rectifications(OrgOutcome o, LocalDate asOf) {
        List<RectificationItem> items = new ArrayList<>();
        for (RectificationDue d : o.due) {
            RectificationStatus status = RectificationStatus.OPEN;
            if (d.source() == RectificationSource.INSPECTION) {
                InspectionItem item = o.inspectionItems.get(d.visitId() + '\u0000' + d.position());
                status = item == null ? RectificationStatus.OPEN : item.status();
            }
            if (status == RectificationStatus.OPEN || status == RectificationStatus.SUBMITTED) {
                boolean overdue = status == RectificationStatus.OPEN && d.deadline().isBefore(asOf);
                items.add(new RectificationItem(d.orgCode(), d.source(), d.rule(), d.visitId(),
                        d.source() == RectificationSource.INSPECTION ? d.position() : null,
                        d.description(), d.deadline(), status, overdue));
            }
        }
        return items;
    }
}
