package org.grassroots.assessment.server.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.RectificationDue;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.model.PeriodFacts;
import org.springframework.core.env.Environment;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.grassroots.assessment.evaluation.AssessmentWindow;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.operations.AssessmentMetrics;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.LedgerSync;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.DateBounds;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs and stores an evaluation of a period, in one transaction: read the inputs, evaluate with the
 * active rule set (taken once), bring the ledger's items in line with what was produced (policy
 * section 5), then store the evaluation with every organization's result and its items as the
 * ledger holds them as of the as-of date, with the rule coverage (which rules fired for how many
 * organizations) and the inputs it read ({@link InputSnapshot}), which a restatement evaluates again. Stored evaluations run one at a time, across every instance on the database.
 */
@Service
public class EvaluationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRunner.class);
    private static final int BATCH_SIZE = 16;
    /** How many organizations an evaluation reads, evaluates and keeps in the heap at a time. */
    static final String BATCH_PROPERTY = "assessment.evaluation.batch-organizations";
    static final int DEFAULT_BATCH_ORGANIZATIONS = 5000;
    /** Result rows written (their JSON made) at a time. */
    private static final int ROWS_AT_ONCE = 2000;

    /** One stored evaluation at a time across every instance on the database ({@link EvaluationLock}). */
    private final Lock lock;
    private final DefaultLockRepository lockRows;
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evaluation-lock-renewal");
        t.setDaemon(true);
        return t;
    });
    private final AssessmentDataRepository loader;
    private final PreviousGradesResolver previous;
    private final LedgerSync ledgerSync;
    private final LedgerRepository ledger;
    private final EvaluationWriteRepository writer;
    private final RuleSetInForce ruleSets;
    private final AssessmentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Actor actor;
    private final AuditTrail audit;
    private final AssessmentMetrics metrics;
    private final RuleLimits limits;
    private final LedgerConflictRetry conflicts;
    private final SubmittedFacts submitted;
    private final EvaluationSnapshotRepository snapshots;
    private final Environment environment;

    EvaluationRunner(AssessmentDataRepository loader, PreviousGradesResolver previous, LedgerSync ledgerSync,
            LedgerRepository ledger, EvaluationWriteRepository writer, RuleSetInForce ruleSets,
            AssessmentProperties properties,
            TransactionTemplate transactions, Clock clock, Actor actor, AuditTrail audit,
            AssessmentMetrics metrics, RuleLimits limits, JdbcLockRegistry locks, DefaultLockRepository lockRows,
            LedgerConflictRetry conflicts, SubmittedFacts submitted, EvaluationSnapshotRepository snapshots,
            Environment environment) {
        this.snapshots = snapshots;
        this.environment = environment;
        this.conflicts = conflicts;
        this.submitted = submitted;
        this.lock = EvaluationLock.of(locks);
        this.lockRows = lockRows;
        this.limits = limits;
        this.loader = loader;
        this.previous = previous;
        this.ledgerSync = ledgerSync;
        this.ledger = ledger;
        this.writer = writer;
        this.ruleSets = ruleSets;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** The period and as-of date of a request, checked (policy section 0); 400 when invalid. */
    public EvaluationTarget target(String periodText, LocalDate asOf) {
        if (!Period.isValid(periodText)) {
            throw new InvalidRequestException("考评期间“" + periodText + "”无效：应为年份（如 2026）或季度（如 2026-Q3）",
                    List.of(new Problem("/period", "period must be YYYY or YYYY-Qn (n 1–4): " + periodText)));
        }
        Period period = Period.parse(periodText);
        DateBounds.check("/asOf", asOf);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = asOf != null ? asOf : AssessmentWindow.defaultAsOf(period, today);
        if (date.isBefore(period.start())) {
            String said = asOf == null
                    ? "考评期间 " + period + " 尚未开始（" + period.start() + " 开始，今天是 " + today + "），还不能评估"
                    : "截至日期 " + date + " 早于考评期间 " + period + " 的开始日期 " + period.start();
            throw new InvalidRequestException(said, List.of(new Problem("/asOf",
                    "as-of date " + date + " is before the start of period " + period + " (" + period.start() + ")")));
        }
        return new EvaluationTarget(period, date);
    }

    /**
     * Evaluates and stores; returns the new evaluation's id. 400 when no organization has facts for
     * the period; an {@link org.grassroots.assessment.evaluation.ExecutionStoppedException} (nothing
     * stored: the transaction rolls back) when the rules loop or the evaluation runs over its time
     * limit ({@code assessment.limits.evaluation-time}, counted from the request, the wait for a
     * running evaluation included). When a person changes a ledger item while it runs, the
     * evaluation runs again on the fresh ledger ({@link LedgerConflictRetry}).
     */
    public long run(EvaluationTarget target) {
        return run(target, FactBasis.APPROVED);
    }

    /**
     * As {@link #run(EvaluationTarget)}, on the given facts: on {@link FactBasis#LATEST} the
     * self-reported values waiting for review stand instead of the stored facts, and the
     * rectification ledger is left as it is (a trial on facts no one has approved must not open or
     * close anyone's items); its results list the items the ledger holds.
     */
    public long run(EvaluationTarget target, FactBasis basis) {
        String who = actor.current();
        Deadline deadline = limits.evaluation();
        try {
            if (!lock.tryLock(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                throw deadline.exceeded(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw deadline.exceeded(null);
        }
        // renewed while this instance works on it, so that only a dead holder's lock expires
        ScheduledFuture<?> renewal = RENEWALS.scheduleAtFixedRate(this::renewLock,
                EvaluationLock.RENEW_EVERY.toMillis(), EvaluationLock.RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            String period = target.period().toString();
            Stored stored = metrics.timeEvaluation(period, () -> conflicts.run(
                    () -> transactions.execute(tx -> evaluateAndStore(target.period(), target.asOf(), basis, who, deadline))));
            metrics.evaluatedOrganizations(period, stored.organizations());
            return stored.id();
        } finally {
            renewal.cancel(false);
            lock.unlock();
        }
    }

    private void renewLock() {
        try {
            EvaluationLock.renew(lockRows);
        } catch (RuntimeException e) {
            log.warn("cannot renew the evaluation lock: {}", e.toString());
        }
    }

    /** A committed evaluation: its id and how many organizations it holds. */
    private record Stored(long id, int organizations) {
    }

    /**
     * Reads the period's district in batches of organizations (consecutive codes, at most
     * {@code assessment.evaluation.batch-organizations} each; one batch when the district is
     * smaller), so that only a batch's records are in the heap at a time: each batch is read,
     * evaluated unranked, its inputs kept and digested, its INSPECTION items brought in line, and its
     * full results put in a temporary file ({@link SpilledResults}), a slim copy kept for the district
     * phase. Then the district is ranked once, the period's GRADING and STANDARD items synced, and the
     * rows written in rank order. The stored evaluation does not depend on the batch size.
     */
    private Stored evaluateAndStore(Period period, LocalDate asOf, FactBasis basis, String who, Deadline deadline) {
        Laps laps = new Laps();
        RuleSet rules = ruleSets.get();
        Evaluator evaluator = limits.limit(new Evaluator(rules, properties.threads(), BATCH_SIZE), deadline);
        String p = period.toString();
        List<PeriodFacts> latest = basis == FactBasis.LATEST ? submitted.latest(p) : List.of();
        Set<String> instead = new HashSet<>();
        latest.stream().filter(f -> f.period().equals(p)).forEach(f -> instead.add(f.orgCode()));
        AssessmentDataRepository.District district = loader.district(period, instead);
        List<Organization> orgs = district.evaluated();
        if (orgs.isEmpty()) {
            throw new InvalidRequestException("没有任何组织有 " + p + " 期间的数据，请先导入该期间的数据",
                    List.of(new Problem("/period", "no organization has facts for period " + p)));
        }
        List<List<Organization>> batches = batches(orgs, batchOrganizations());
        log.info("evaluation of {} as of {} started: {} organizations in {} batches", p, asOf, orgs.size(), batches.size());
        Instant now = clock.instant();
        long id = writer.insert(new EvaluationWriteRepository.Header(p, asOf, rules.version(), rules.checksum(),
                "pending", orgs.size(), now, who, null, basis));
        laps.lap("organizations");

        List<String> codes = orgs.stream().map(Organization::code).toList();
        EvaluationCoverage.Tally coverage = new EvaluationCoverage.Tally(codes);
        InputDigest.Batched digest = new InputDigest.Batched();
        PreviousGradesResolver.Batched before = previous.batched(period);
        List<OrganizationResult> slim = new ArrayList<>(orgs.size());
        List<RectificationDue> periodDues = new ArrayList<>();
        int[] parts = {0};
        KeptInputs keeping = new KeptInputs();
        try (SpilledResults spill = new SpilledResults()) {
            List<Organization> all = new ArrayList<>(orgs);
            all.addAll(district.ancestors());
            all.sort(Comparator.comparing(Organization::code));
            keeping.organizations(all);
            for (List<Organization> batch : batches) {
                OrgScope scope = scope(batches, batch);
                evaluateBatch(new Batch(period, asOf, basis, id, now, scope, batch, latest, evaluator, laps), keeping,
                        before, coverage, digest, spill, slim, periodDues, parts);
            }
            String source = before.source();
            String inputsDigest = digest.finish(period, asOf, source);
            laps.lap("digest");
            InputSnapshot.Written written = keeping.finish(period, asOf, basis, source);
            store(id, keeping.join(), parts);
            snapshots.insert(id, InputSnapshot.FORMAT, written.parts(), written.bundleBytes(),
                    EvaluationJson.MAPPER.writeValueAsString(written.extras()));
            laps.lap("inputs kept");
            Evaluator.CoveredRanking ranking = evaluator.rankWithCoverage(slim);
            slim.clear();
            coverage.add(ranking.coverage());
            writer.insertCoverage(id, coverage.toJson(rules.ruleNames(), orgs.size()));
            laps.lap("ranked");
            log.info("evaluation #{} of {}: evaluated; writing the ledger and the results in its transaction", id, p);
            LedgerSync.Changes changes = null;
            if (basis == FactBasis.APPROVED) {
                // in the order one evaluation of the whole district produces them (the ledger's ids follow it)
                periodDues.sort(DUE_ORDER);
                changes = ledgerSync.syncPeriodItems(p, asOf, periodDues, now, who,
                        "评估 #" + id + "（" + p + "，截至 " + asOf + "）");
            }
            // the period's items as listed, batch by batch, beside the INSPECTION items of each organization
            for (List<Organization> batch : batches) {
                ItemSnapshot.listedAsOf(ledger.periodItems(p, scope(batches, batch)), asOf).forEach(spill::addItems);
            }
            laps.lap("ledger");
            writeRows(id, ranking.ranked(), spill);
            laps.lap("results stored");
            writer.complete(id, inputsDigest, orgs.size(), source);
            EvaluationWriteRepository.Header header = new EvaluationWriteRepository.Header(p, asOf, rules.version(),
                    rules.checksum(), inputsDigest, orgs.size(), now, who, source, basis);
            audit.record(AuditAction.EVALUATION_RUN, "evaluation:" + id, "运行考评 #" + id + "（" + p + "，截至 " + asOf
                    + "，" + orgs.size() + " 个组织，规则集 " + rules.version() + "，" + basis.label() + "）", header);
            log.info("evaluation #{} of {} as of {}: {} organizations in {} batches; {}; ledger {}", id, p, asOf,
                    orgs.size(), batches.size(), laps, changes == null ? "left as it is (latest facts)" : changes);
            return new Stored(id, orgs.size());
        } catch (RuntimeException | Error e) {
            keeping.abandon();
            throw e;
        }
    }

    /** What every batch of one evaluation shares. */
    private record Batch(Period period, LocalDate asOf, FactBasis basis, long id, Instant now, OrgScope scope,
            List<Organization> orgs, List<PeriodFacts> latest, Evaluator evaluator, Laps laps) {
    }

    private void evaluateBatch(Batch b, KeptInputs keeping, PreviousGradesResolver.Batched before,
            EvaluationCoverage.Tally coverage, InputDigest.Batched digest, SpilledResults spill,
            List<OrganizationResult> slim, List<RectificationDue> periodDues, int[] parts) {
        Period period = b.period();
        Set<String> codes = new HashSet<>();
        b.orgs().forEach(o -> codes.add(o.code()));
        List<PeriodFacts> latest = b.latest().stream().filter(f -> codes.contains(f.orgCode())).toList();
        DatabaseAssessmentData data = loader.load(period, b.asOf(), b.scope(), b.laps(), latest);
        List<Organization> orgs = data.organizationsWithFacts(period);
        PreviousGrades grades = before.of(b.evaluator(), data, period, orgs, b.scope());
        b.laps().lap("previous grades");
        // the previous period's members were read only if its tiers were evaluated on the fly; the
        // inputs keep them anyway, so that they are a bundle that evaluates the previous period too
        boolean previousMembersRead = orgs.stream().anyMatch(o -> !data.members(o.code(), period.previous()).isEmpty());
        Map<String, List<MemberRecord>> previousMembers = previousMembersRead ? Map.of()
                : loader.membersOf(data, period.previous(), b.scope());
        Map<String, List<String>> inspectors = loader.inspectors(LocalDate.of(Period.MIN_YEAR, 1, 1), b.asOf(), b.scope());
        b.laps().lap("inputs read");
        // the inputs are written and compressed on a thread of their own while the engine evaluates
        // (both only read what was loaded above); the parts are stored below, in this transaction
        keeping.startBatch(stream -> stream.batch(data, period, grades, inspectors, previousMembers));
        Evaluator.CoveredEvaluation covered = b.evaluator().evaluateUnrankedWithCoverage(data, period, b.asOf(), grades);
        EvaluationResult result = covered.result();
        coverage.add(covered.coverage());
        b.laps().lap("evaluated");
        Map<String, List<MemberResult>> members = result.members().stream()
                .collect(Collectors.groupingBy(MemberResult::orgCode));
        for (OrganizationResult o : result.organizations()) {
            spill.add(o, EvaluationJson.MAPPER.writeValueAsString(members.getOrDefault(o.code(), List.of())));
            slim.add(SpilledResults.slim(o));
        }
        b.laps().lap("results kept");
        digest.add(data, period);
        b.laps().lap("digest");
        store(b.id(), keeping.join(), parts);
        b.laps().lap("inputs kept (waited)");
        if (b.basis() == FactBasis.APPROVED) {
            ProducedItems produced = ProducedItems.of(result, data);
            if (ledgerSync.ensureInspectionItems(produced.inspection(), data.inspectionItems(), b.now()) > 0) {
                ledger.inspectionItems(b.scope()).forEach(data::addIfStanding);
            }
            periodDues.addAll(produced.period());
        }
        ItemSnapshot.listedAsOf(data.inspectionItems().values(), b.asOf()).forEach(spill::addItems);
        b.laps().lap("ledger");
    }

    /** Stores the kept inputs' parts cut so far, numbering on. */
    private void store(long id, List<byte[]> cut, int[] parts) {
        for (byte[] part : cut) {
            snapshots.insertPart(id, parts[0]++, part);
        }
    }

    /** The rows in rank order, {@link #ROWS_AT_ONCE} at a time, each result read back from the file and ranked. */
    private void writeRows(long id, List<OrganizationResult> ranked, SpilledResults spill) {
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
            writer.insertResults(id, rows);
        }
    }

    /** The order of {@link RectificationItem#LEDGER_ORDER}, for the dues made of the items. */
    private static final Comparator<RectificationDue> DUE_ORDER = Comparator.comparing(RectificationDue::orgCode)
            .thenComparing(RectificationDue::deadline)
            .thenComparing(RectificationDue::rule)
            .thenComparing(RectificationDue::visitId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(RectificationDue::position);

    /**
     * What a batch's queries read: its codes' range in the database's order; every organization (the
     * queries without a condition on the code, quicker) when it is the only batch.
     */
    private static OrgScope scope(List<List<Organization>> batches, List<Organization> batch) {
        return batches.size() == 1 ? OrgScope.all()
                : OrgScope.range(batch.get(0).code(), batch.get(batch.size() - 1).code());
    }

    /** Consecutive runs of at most {@code size} organizations, in the order given. */
    static List<List<Organization>> batches(List<Organization> orgs, int size) {
        List<List<Organization>> batches = new ArrayList<>();
        for (int from = 0; from < orgs.size(); from += size) {
            batches.add(orgs.subList(from, Math.min(orgs.size(), from + size)));
        }
        return batches;
    }

    /** How many organizations an evaluation reads at a time ({@code assessment.evaluation.batch-organizations}). */
    private int batchOrganizations() {
        int size = environment.getProperty(BATCH_PROPERTY, Integer.class, DEFAULT_BATCH_ORGANIZATIONS);
        if (size < 1) {
            throw new IllegalStateException(BATCH_PROPERTY + " must be at least 1: " + size);
        }
        return size;
    }

    /** A checked period and as-of date. */
    public record EvaluationTarget(Period period, LocalDate asOf) {
    }
}
