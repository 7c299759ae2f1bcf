package org.grassroots.assessment.server.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
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
import org.grassroots.assessment.server.rectification.LedgerItem;
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

    EvaluationRunner(AssessmentDataRepository loader, PreviousGradesResolver previous, LedgerSync ledgerSync,
            LedgerRepository ledger, EvaluationWriteRepository writer, RuleSetInForce ruleSets,
            AssessmentProperties properties,
            TransactionTemplate transactions, Clock clock, Actor actor, AuditTrail audit,
            AssessmentMetrics metrics, RuleLimits limits, JdbcLockRegistry locks, DefaultLockRepository lockRows,
            LedgerConflictRetry conflicts, SubmittedFacts submitted, EvaluationSnapshotRepository snapshots) {
        this.snapshots = snapshots;
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

    private Stored evaluateAndStore(Period period, LocalDate asOf, FactBasis basis, String who, Deadline deadline) {
        Laps laps = new Laps();
        RuleSet rules = ruleSets.get();
        Evaluator evaluator = limits.limit(new Evaluator(rules, properties.threads(), BATCH_SIZE), deadline);
        String p = period.toString();
        OrgScope scope = OrgScope.all();
        DatabaseAssessmentData data = loader.load(period, asOf, scope, laps,
                basis == FactBasis.LATEST ? submitted.latest(p) : List.of());
        List<Organization> orgs = data.organizationsWithFacts(period);
        if (orgs.isEmpty()) {
            throw new InvalidRequestException("没有任何组织有 " + p + " 期间的数据，请先导入该期间的数据",
                    List.of(new Problem("/period", "no organization has facts for period " + p)));
        }
        log.info("evaluation of {} as of {} started: {} organizations", p, asOf, orgs.size());
        PreviousGradesResolver.Resolved before = previous.resolve(evaluator, data, period, orgs, scope);
        laps.lap("previous grades");
        // the previous period's members were read only if its tiers were evaluated on the fly; the
        // inputs keep them anyway, so that they are a bundle that evaluates the previous period too
        boolean previousMembersRead = orgs.stream().anyMatch(o -> !data.members(o.code(), period.previous()).isEmpty());
        Map<String, List<MemberRecord>> previousMembers = previousMembersRead ? Map.of()
                : loader.membersOf(data, period.previous(), scope);
        List<Organization> ancestors = loader.ancestorsOutside(data);
        Map<String, List<String>> inspectors = loader.inspectors(LocalDate.of(Period.MIN_YEAR, 1, 1), asOf);
        laps.lap("inputs read");
        // the inputs are written and compressed on a thread of their own while the engine evaluates
        // (both only read what was loaded above); the parts are stored below, in this transaction
        KeptInputs keeping = KeptInputs.start(sink -> InputSnapshot.write(data, period, asOf, basis, before, ancestors,
                inspectors, previousMembers, sink));
        Evaluator.CoveredEvaluation covered;
        try {
            covered = evaluator.evaluateWithCoverage(data, period, asOf, before.grades());
        } catch (RuntimeException | Error e) {
            keeping.abandon();
            throw e;
        }
        EvaluationResult result = covered.result();
        laps.lap("evaluated");

        Instant now = clock.instant();
        String digest = InputDigest.of(data, period, asOf, before.source());
        EvaluationWriteRepository.Header header = new EvaluationWriteRepository.Header(p, asOf, rules.version(), rules.checksum(), digest,
                result.organizations().size(), now, who, before.source(), basis);
        long id = writer.insert(header);
        writer.insertCoverage(id, EvaluationCoverage.toJson(covered.coverage(), result.organizations().size()));
        log.info("evaluation #{} of {}: evaluated; writing the ledger and the results in its transaction", id, p);
        laps.lap("digest");
        KeptInputs.Done kept = keeping.join();
        laps.lap("inputs compressed (waited)");
        for (int part = 0; part < kept.parts().size(); part++) {
            snapshots.insertPart(id, part, kept.parts().get(part));
        }
        snapshots.insert(id, InputSnapshot.FORMAT, kept.written().parts(), kept.written().bundleBytes(),
                EvaluationJson.MAPPER.writeValueAsString(kept.written().extras()));
        laps.lap("inputs kept");
        LedgerSync.Changes changes = null;
        if (basis == FactBasis.APPROVED) {
            ProducedItems produced = ProducedItems.of(result, data);
            if (ledgerSync.ensureInspectionItems(produced.inspection(), data.inspectionItems(), now) > 0) {
                ledger.inspectionItems(scope).forEach(data::addIfStanding);
            }
            changes = ledgerSync.syncPeriodItems(p, asOf, produced.period(), now, who,
                    "评估 #" + id + "（" + p + "，截至 " + asOf + "）");
        }
        laps.lap("ledger");
        List<LedgerItem> items = new ArrayList<>(data.inspectionItems().values());
        items.addAll(ledger.periodItems(p, scope));
        Map<String, List<ItemSnapshot>> listed = ItemSnapshot.listedAsOf(items, asOf);
        laps.lap("items");
        writer.insertResults(id, result, listed, laps);
        laps.lap("results stored");
        audit.record(AuditAction.EVALUATION_RUN, "evaluation:" + id, "运行考评 #" + id + "（" + p + "，截至 " + asOf
                + "，" + orgs.size() + " 个组织，规则集 " + rules.version() + "，" + basis.label() + "）", header);
        log.info("evaluation #{} of {} as of {}: {} organizations; {}; ledger {}", id, p, asOf, orgs.size(), laps,
                changes == null ? "left as it is (latest facts)" : changes);
        return new Stored(id, result.organizations().size());
    }

    /** A checked period and as-of date. */
    public record EvaluationTarget(Period period, LocalDate asOf) {
    }
}
