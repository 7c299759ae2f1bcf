package org.grassroots.assessment.server.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.grassroots.assessment.model.PeriodFacts;
import org.springframework.core.env.Environment;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.grassroots.assessment.evaluation.AssessmentWindow;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.operations.AssessmentMetrics;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.LedgerSync;
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
    private final BatchedEvaluation.Stores stores;
    private final Environment environment;

    EvaluationRunner(AssessmentDataRepository loader, PreviousGradesResolver previous, LedgerSync ledgerSync,
            LedgerRepository ledger, EvaluationWriteRepository writer, RuleSetInForce ruleSets,
            AssessmentProperties properties,
            TransactionTemplate transactions, Clock clock, Actor actor, AuditTrail audit,
            AssessmentMetrics metrics, RuleLimits limits, JdbcLockRegistry locks, DefaultLockRepository lockRows,
            LedgerConflictRetry conflicts, SubmittedFacts submitted, EvaluationSnapshotRepository snapshots,
            Environment environment) {
        this.environment = environment;
        this.conflicts = conflicts;
        this.submitted = submitted;
        this.lock = EvaluationLock.of(locks);
        this.lockRows = lockRows;
        this.limits = limits;
        this.loader = loader;
        this.previous = previous;
        this.ledgerSync = ledgerSync;
        this.writer = writer;
        this.ruleSets = ruleSets;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
        this.metrics = metrics;
        this.stores = new BatchedEvaluation.Stores(loader, ledgerSync, ledger, writer, snapshots);
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
     * Evaluates the period's district in batches ({@link BatchedEvaluation}, at most
     * {@code assessment.evaluation.batch-organizations} organizations each), keeps its inputs, ranks
     * it once, syncs the period's GRADING and STANDARD items, writes the rows in rank order and
     * completes the stored evaluation, audited.
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
        List<List<Organization>> batches = BatchedEvaluation.batches(orgs, batchOrganizations());
        log.info("evaluation of {} as of {} started: {} organizations in {} batches", p, asOf, orgs.size(), batches.size());
        Instant now = clock.instant();
        long id = writer.insert(new EvaluationWriteRepository.Header(p, asOf, rules.version(), rules.checksum(),
                "pending", orgs.size(), now, who, null, basis));
        laps.lap("organizations");

        BatchedEvaluation.Run run = new BatchedEvaluation.Run(id, period, asOf, basis, now, latest, rules, evaluator, laps);
        PreviousGradesResolver.Batched before = previous.batched(period);
        KeptInputs keeping = new KeptInputs();
        try (BatchedEvaluation batched = new BatchedEvaluation(stores, run, orgs, batches, before, keeping)) {
            batched.evaluate(district.ancestors());
            BatchedEvaluation.Inputs inputs = batched.keepInputs();
            Evaluator.CoveredRanking ranking = batched.rank();
            log.info("evaluation #{} of {}: evaluated; writing the ledger and the results in its transaction", id, p);
            LedgerSync.Changes changes = null;
            if (basis == FactBasis.APPROVED) {
                changes = ledgerSync.syncPeriodItems(p, asOf, batched.periodDues(), now, who,
                        "评估 #" + id + "（" + p + "，截至 " + asOf + "）");
            }
            batched.listPeriodItems();
            laps.lap("ledger");
            batched.writeRows(ranking.ranked());
            laps.lap("results stored");
            writer.complete(id, inputs.digest(), orgs.size(), inputs.source());
            EvaluationWriteRepository.Header header = new EvaluationWriteRepository.Header(p, asOf, rules.version(),
                    rules.checksum(), inputs.digest(), orgs.size(), now, who, inputs.source(), basis);
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
