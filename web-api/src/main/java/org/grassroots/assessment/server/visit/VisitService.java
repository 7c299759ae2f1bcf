package org.grassroots.assessment.server.visit;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.audit.ContentDigest;
import org.grassroots.assessment.server.operations.AssessmentMetrics;
import org.grassroots.assessment.server.organization.ConcurrentWriteException;
import org.grassroots.assessment.server.organization.StoredRecordRepository;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inspection visits: stored once and never changed. The same visit sent again is accepted and
 * ignored; another visit with a stored id is a conflict. A correction is a new visit, or a finding
 * withdrawn with a reason (the finding stays, marked, and its rectification item gets a WITHDRAW step).
 */
@Service
public class VisitService {

    /** What storing a batch of visits did. */
    public record Stored(int added, int unchanged, int findings) {
    }

    /** The visits of a batch that are new, how many are stored identically, and every visit's digest. */
    public record Plan(List<Visit> added, int unchanged, Map<String, String> digests) {
    }

    /** A posted visit as stored, and whether this post added it. */
    public record Posted(StoredVisit visit, boolean created) {
    }

    private final VisitRepository visits;
    private final InspectionItemRepository items;
    private final RuleCatalogs catalogs;
    private final StoredRecordRepository storedRecords;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final AssessmentMetrics metrics;
    private final VisitPhotoRepository photoRecords;

    VisitService(VisitRepository visits, InspectionItemRepository items, RuleCatalogs catalogs,
                 StoredRecordRepository storedRecords, Clock clock,
                 PlatformTransactionManager transactions, AuditTrail audit,
                 AssessmentMetrics metrics, VisitPhotoRepository photoRecords) {
        this.photoRecords = photoRecords;
        this.visits = visits;
        this.items = items;
        this.catalogs = catalogs;
        this.storedRecords = storedRecords;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Which of the visits are new; identical stored visits are left out.
     *
     * @throws VisitConflictException when any visit has the id of a stored visit with other content
     */
    public Plan plan(List<Visit> batch) {
        return plan(batch, digests(batch));
    }

    /** The content digest of every visit of a batch, by visitId: no database work, so any thread may compute it. */
    public Map<String, String> digests(List<Visit> batch) {
        // Hashing tens of thousands of visits of a large import is worth a second core.
        return (batch.size() > 1000 ? batch.parallelStream() : batch.stream())
                .collect(Collectors.toMap(Visit::visitId, VisitDigest::of, (a, b) -> a, HashMap::new));
    }

    /**
     * {@link #plan(List)} with the batch's {@link #digests} computed already.
     *
     * @throws VisitConflictException when any visit has the id of a stored visit with other content
     */
    public Plan plan(List<Visit> batch, Map<String, String> digests) {
        Map<String, String> stored = batch.isEmpty() ? Map.of() : visits.digests(digests.keySet());
        List<String> conflicts = new ArrayList<>();
        List<Visit> added = new ArrayList<>();
        for (Visit v : batch) {
            String storedDigest = stored.get(v.visitId());
            if (storedDigest == null) {
                added.add(v);
            } else if (!storedDigest.equals(digests.get(v.visitId()))) {
                conflicts.add(v.visitId());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new VisitConflictException(conflicts);
        }
        return new Plan(added, batch.size() - added.size(), digests);
    }

    /**
     * Stores the new visits of a plan, with their findings and INSPECTION rectification items
     * (their organizations must be stored). Joins the caller's transaction.
     */
    @Transactional
    public Stored store(Plan plan, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        visits.insert(plan.added(), plan.digests(), actor, now);
        items.open(plan.added(), catalogs.current(), now);
        int findings = plan.added().stream().mapToInt(v -> v.findings().size()).sum();
        return new Stored(plan.added().size(), plan.unchanged(), findings);
    }

    /**
     * Validates one visit (the shape of a bundle's visits[] element; its organization must be
     * stored) and stores it unless the identical visit is stored already.
     *
     * @throws VisitConflictException when another visit with its id is stored
     */
    public Posted post(InputStream body, String actor) throws BundleValidationException {
        return post(body, actor, List.of());
    }

    /**
     * As {@link #post(InputStream, String)}, storing with a new visit, in its transaction, what its
     * photos' files embed (the web form's uploads).
     */
    public Posted post(InputStream body, String actor, List<VisitPhoto> photos) throws BundleValidationException {
        Visit visit = new BundleReader(clock, storedRecords.forOneRead()).readVisit(body);
        List<Problem> problems = VisitStorageLimits.check(visit, "");
        if (!problems.isEmpty()) {
            throw new BundleValidationException(problems);
        }
        try {
            Posted posted;
            try {
                posted = storeOne(visit, actor, photos);
            } catch (DuplicateKeyException raced) {
                // Another request stored the same id in the meantime: now it is either identical or a conflict.
                posted = storeOne(visit, actor, photos);
            }
            if (posted.created()) {
                metrics.visitsRecorded("api", 1);
            }
            return posted;
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            throw new ConcurrentWriteException();
        }
    }

    private Posted storeOne(Visit visit, String actor, List<VisitPhoto> photos) {
        return transaction.execute(status -> {
            Plan plan = plan(List.of(visit));
            Stored stored = store(plan, actor);
            if (stored.added() == 1) {
                photoRecords.save(visit.visitId(), photos);
                audit.record(AuditAction.VISIT_RECORDED, "visit:" + visit.visitId(), "录入检查记录 " + visit.visitId()
                        + "（" + visit.orgCode() + "，" + visit.date() + "，" + stored.findings() + " 项问题）",
                        new ContentDigest(VisitDigest.hex(plan.digests().get(visit.visitId()))));
            }
            return new Posted(visits.find(visit.visitId()).orElseThrow(), stored.added() == 1);
        });
    }

    /** @throws NotFoundException when there is no such visit */
    public StoredVisit get(String visitId) {
        return visits.find(visitId).orElseThrow(() -> unknownVisit(visitId));
    }

    /** Visits newest first; every filter may be null. */
    public List<StoredVisit> list(String orgCode, LocalDate from, LocalDate to, int limit) {
        return visits.list(orgCode, from, to, limit);
    }

    /** Visits of an organization and/or naming an inspector (either may be null), newest first. */
    public List<StoredVisit> history(String orgCode, String inspector, int limit) {
        return visits.list(orgCode, inspector, null, null, limit);
    }

    /** The rectification item ids of a visit's findings, by position. */
    public Map<Integer, Long> itemIds(String visitId) {
        return items.itemIds(visitId);
    }

    /**
     * Withdraws a finding: marks it (it is never deleted) and records a WITHDRAW step dated today on
     * its rectification item.
     *
     * @throws NotFoundException when there is no such visit or finding
     * @throws ConflictException when the finding is withdrawn already
     */
    public StoredFinding withdraw(String visitId, int position, String reason, String actor) {
        try {
            return withdrawInTransaction(visitId, position, reason, actor);
        } catch (PessimisticLockingFailureException e) {
            throw new ConcurrentWriteException();
        }
    }

    private StoredFinding withdrawInTransaction(String visitId, int position, String reason, String actor) {
        return transaction.execute(status -> {
            StoredFinding finding = visits.finding(visitId, position).orElseThrow(() -> visits.find(visitId).isEmpty()
                    ? unknownVisit(visitId)
                    : new NotFoundException("检查记录 " + visitId + " 没有第 " + position + " 项问题（位置从 0 起）"));
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (finding.withdrawn() || !visits.withdraw(visitId, position, new Withdrawal(now, actor, reason))) {
                throw new ConflictException("检查记录 " + visitId + " 的第 " + position + " 项问题已撤销");
            }
            items.withdraw(visitId, position, now.toLocalDate(), actor, reason, now);
            audit.record(AuditAction.FINDING_WITHDRAWN, "visit:" + visitId + "/findings/" + position,
                    "撤销检查记录 " + visitId + " 的第 " + position + " 项问题：" + reason,
                    Map.of("visitId", visitId, "position", position, "reason", reason));
            return visits.finding(visitId, position).orElseThrow();
        });
    }

    private static NotFoundException unknownVisit(String visitId) {
        return new NotFoundException("检查记录 " + visitId + " 不存在");
    }
}
