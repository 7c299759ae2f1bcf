package org.grassroots.assessment.server.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.RectificationDue;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.LedgerSync;
import org.grassroots.assessment.server.rectification.OrgScope;

/**
 * The batches of one stored evaluation ({@link EvaluationRunner}): the period's district read in
 * batches of organizations (consecutive codes; one batch when the district is small enough), so that
 * only a batch's records are in the heap at a time. Each batch is read, evaluated unranked, its
 * inputs kept ({@link KeptInputs}, their parts stored numbered on) and digested, its INSPECTION items
 * brought in line, and its full results put in a temporary file ({@link SpilledResults}), a slim copy
 * kept for the district phase. Then the district is ranked once from the slim copies and, after the
 * period's GRADING and STANDARD items are synced, the rows are written in rank order, each result
 * read back from the file. The stored evaluation does not depend on the batch size. Used once, in the
 * evaluation's transaction; closing it deletes the file.
 */
final class BatchedEvaluation implements AutoCloseable {

    /** Result rows written (their JSON made) at a time. */
    private static final int ROWS_AT_ONCE = 2000;

    /** The order of {@link RectificationItem#LEDGER_ORDER}, for the dues made of the items. */
    private static final Comparator<RectificationDue> DUE_ORDER = Comparator.comparing(RectificationDue::orgCode)
            .thenComparing(RectificationDue::deadline)
            .thenComparing(RectificationDue::rule)
            .thenComparing(RectificationDue::visitId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(RectificationDue::position);

    /** The repositories the batches read and write. */
    record Stores(AssessmentDataRepository loader, LedgerSync ledgerSync, LedgerRepository ledger,
            EvaluationWriteRepository writer, EvaluationSnapshotRepository snapshots) {
    }

    /**
     * What every batch of one evaluation shares: the stored evaluation's id, what it evaluates, on
     * which facts ({@code latest}: the self-reported values standing instead on {@link FactBasis#LATEST}),
     * when, with which rules and evaluator, and its laps.
     */
    record Run(long id, Period period, LocalDate asOf, FactBasis basis, Instant now, List<PeriodFacts> latest,
            RuleSet rules, Evaluator evaluator, Laps laps) {
    }

    /** The evaluation's inputs as kept: their digest and where the previous tiers came from. */
    record Inputs(String digest, String source) {
    }

    private final Stores stores;
    private final Run run;
    private final List<Organization> orgs;
    private final List<List<Organization>> batches;
    private final PreviousGradesResolver.Batched before;
    private final KeptInputs keeping;
    private final EvaluationCoverage.Tally coverage;
    private final InputDigest.Batched digest = new InputDigest.Batched();
    private final List<OrganizationResult> slim;
    private final List<RectificationDue> periodDues = new ArrayList<>();
    private final SpilledResults spill;
    /** The kept inputs' parts stored so far: the next part's number. */
    private int partsStored;

    /**
     * @param orgs the organizations evaluated, in code order, cut into {@code batches}
     * @param keeping where the inputs are written; the caller abandons it when the evaluation fails
     */
    BatchedEvaluation(Stores stores, Run run, List<Organization> orgs, List<List<Organization>> batches,
            PreviousGradesResolver.Batched before, KeptInputs keeping) {
        this.stores = stores;
        this.run = run;
        this.orgs = orgs;
        this.batches = batches;
        this.before = before;
        this.keeping = keeping;
        this.coverage = new EvaluationCoverage.Tally(orgs.stream().map(Organization::code).toList());
        this.slim = new ArrayList<>(orgs.size());
        this.spill = new SpilledResults();
    }

    /** Consecutive runs of at most {@code size} organizations, in the order given. */
    static List<List<Organization>> batches(List<Organization> orgs, int size) {
        List<List<Organization>> batches = new ArrayList<>();
        for (int from = 0; from < orgs.size(); from += size) {
            batches.add(orgs.subList(from, Math.min(orgs.size(), from + size)));
        }
        return batches;
    }

    /**
     * Evaluates the district batch by batch; the inputs kept start with every organization evaluated
     * and their {@code ancestors}, in code order.
     */
    void evaluate(List<Organization> ancestors) {
        List<Organization> all = new ArrayList<>(orgs);
        all.addAll(ancestors);
        all.sort(Comparator.comparing(Organization::code));
        keeping.organizations(all);
        for (List<Organization> batch : batches) {
            evaluateBatch(batch, scope(batch));
        }
    }

    private void evaluateBatch(List<Organization> batch, OrgScope scope) {
        Period period = run.period();
        Laps laps = run.laps();
        Set<String> codes = new HashSet<>();
        batch.forEach(o -> codes.add(o.code()));
        List<PeriodFacts> latest = run.latest().stream().filter(f -> codes.contains(f.orgCode())).toList();
        DatabaseAssessmentData data = stores.loader().load(period, run.asOf(), scope, laps, latest);
        List<Organization> withFacts = data.organizationsWithFacts(period);
        PreviousGrades grades = before.of(run.evaluator(), data, period, withFacts, scope);
        laps.lap("previous grades");
        // the previous period's members were read only if its tiers were evaluated on the fly; the
        // inputs keep them anyway, so that they are a bundle that evaluates the previous period too
        boolean previousMembersRead = withFacts.stream()
                .anyMatch(o -> !data.members(o.code(), period.previous()).isEmpty());
        Map<String, List<MemberRecord>> previousMembers = previousMembersRead ? Map.of()
                : stores.loader().membersOf(data, period.previous(), scope);
        Map<String, List<String>> inspectors = stores.loader()
                .inspectors(LocalDate.of(Period.MIN_YEAR, 1, 1), run.asOf(), scope);
        laps.lap("inputs read");
        // the inputs are written and compressed on a thread of their own while the engine evaluates
        // (both only read what was loaded above); the parts are stored below, in this transaction
        keeping.startBatch(stream -> stream.batch(data, period, grades, inspectors, previousMembers));
        Evaluator.CoveredEvaluation covered = run.evaluator().evaluateUnrankedWithCoverage(data, period, run.asOf(),
                grades);
        EvaluationResult result = covered.result();
        coverage.add(covered.coverage());
        laps.lap("evaluated");
        Map<String, List<MemberResult>> members = result.members().stream()
                .collect(Collectors.groupingBy(MemberResult::orgCode));
        for (OrganizationResult o : result.organizations()) {
            spill.add(o, EvaluationJson.MAPPER.writeValueAsString(members.getOrDefault(o.code(), List.of())));
            slim.add(SpilledResults.slim(o));
        }
        laps.lap("results kept");
        digest.add(data, period);
        laps.lap("digest");
        storeParts(keeping.join());
        laps.lap("inputs kept (waited)");
        if (run.basis() == FactBasis.APPROVED) {
            ProducedItems produced = ProducedItems.of(result, data);
            if (stores.ledgerSync().ensureInspectionItems(produced.inspection(), data.inspectionItems(), run.now()) > 0) {
                stores.ledger().inspectionItems(scope).forEach(data::addIfStanding);
            }
            periodDues.addAll(produced.period());
        }
        ItemSnapshot.listedAsOf(data.inspectionItems().values(), run.asOf()).forEach(spill::addItems);
        laps.lap("ledger");
    }

    /** Stores the kept inputs' parts cut so far, numbering on. */
    private void storeParts(List<byte[]> cut) {
        for (byte[] part : cut) {
            stores.snapshots().insertPart(run.id(), partsStored++, part);
        }
    }

    /** Once every batch is evaluated: finishes the inputs' digest and the kept inputs, and stores their last parts. */
    Inputs keepInputs() {
        String source = before.source();
        String inputsDigest = digest.finish(run.period(), run.asOf(), source);
        run.laps().lap("digest");
        InputSnapshot.Written written = keeping.finish(run.period(), run.asOf(), run.basis(), source);
        storeParts(keeping.join());
        stores.snapshots().insert(run.id(), InputSnapshot.FORMAT, written.parts(), written.bundleBytes(),
                EvaluationJson.MAPPER.writeValueAsString(written.extras()));
        run.laps().lap("inputs kept");
        return new Inputs(inputsDigest, source);
    }

    /** Ranks the district once, from the slim copies, and stores the rule coverage of every batch and of the ranking. */
    Evaluator.CoveredRanking rank() {
        Evaluator.CoveredRanking ranking = run.evaluator().rankWithCoverage(slim);
        slim.clear();
        coverage.add(ranking.coverage());
        stores.writer().insertCoverage(run.id(), coverage.toJson(run.rules().ruleNames(), orgs.size()));
        run.laps().lap("ranked");
        return ranking;
    }

    /**
     * The GRADING and STANDARD items the batches produced, in the order one evaluation of the whole
     * district produces them (the ledger's ids follow it).
     */
    List<RectificationDue> periodDues() {
        periodDues.sort(DUE_ORDER);
        return periodDues;
    }

    /** The period's items as the ledger lists them, batch by batch, beside the INSPECTION items of each organization. */
    void listPeriodItems() {
        for (List<Organization> batch : batches) {
            ItemSnapshot.listedAsOf(stores.ledger().periodItems(run.period().toString(), scope(batch)), run.asOf())
                    .forEach(spill::addItems);
        }
    }

    /** The rows in rank order, {@link #ROWS_AT_ONCE} at a time, each result read back from the file and ranked. */
    void writeRows(List<OrganizationResult> ranked) {
        for (int from = 0; from < ranked.size(); from += ROWS_AT_ONCE) {
            List<EvaluationWriteRepository.Ranked> rows = new ArrayList<>();
            for (int i = from; i < Math.min(ranked.size(), from + ROWS_AT_ONCE); i++) {
                OrganizationResult rank = ranked.get(i);
                SpilledResults.Kept kept = spill.read(rank.code());
                List<ItemSnapshot> items = new ArrayList<>(spill.items(rank.code()));
                items.sort(ItemSnapshot.LEDGER_ORDER);
                rows.add(new EvaluationWriteRepository.Ranked(i, SpilledResults.ranked(kept.result(), rank),
                        kept.membersJson(), items));
            }
            stores.writer().insertResults(run.id(), rows);
        }
    }

    /**
     * What a batch's queries read: its codes' range in the database's order; every organization (the
     * queries without a condition on the code, quicker) when it is the only batch.
     */
    private OrgScope scope(List<Organization> batch) {
        return batches.size() == 1 ? OrgScope.all()
                : OrgScope.range(batch.get(0).code(), batch.get(batch.size() - 1).code());
    }

    /** Deletes the results' file. */
    @Override
    public void close() {
        spill.close();
    }
}
