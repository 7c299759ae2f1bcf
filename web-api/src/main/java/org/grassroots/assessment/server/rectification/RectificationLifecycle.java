package org.grassroots.assessment.server.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.rectification.LedgerRepository.NewStep;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of a ledger item (policy section 5): OPEN → SUBMITTED (with evidence) → VERIFIED,
 * or back to OPEN when rejected (with a reason). Each step is appended with today's date, the time
 * it was recorded and who did it. The item is a Hibernate aggregate with optimistic locking: of two
 * concurrent changes of one item (two people, or a person and an evaluation's ledger sync) the first
 * to commit wins and the other fails with {@link ObjectOptimisticLockingFailureException}, which the
 * API answers with 409. No row lock ({@code select … for update}) is taken: the version check refuses
 * the loser just as surely, no request waits on another's lock, and it holds across instances and
 * for the JDBC writers too, which raise the version as well.
 */
@Service
public class RectificationLifecycle {

    private final RectificationItems items;
    private final LedgerRepository ledger;
    private final Clock clock;
    private final Actor actor;
    private final AuditTrail audit;

    public RectificationLifecycle(RectificationItems items, LedgerRepository ledger, Clock clock, Actor actor,
            AuditTrail audit) {
        this.items = items;
        this.ledger = ledger;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
    }

    @Transactional
    public RectificationView submit(long id, List<String> evidence, String note) {
        return step(id, StepKind.SUBMIT, RectificationStatus.OPEN, note, ResultJson.mapper().writeValueAsString(evidence));
    }

    @Transactional
    public RectificationView verify(long id, String note) {
        return step(id, StepKind.VERIFY, RectificationStatus.SUBMITTED, note, null);
    }

    @Transactional
    public RectificationView reject(long id, String reason) {
        return step(id, StepKind.REJECT, RectificationStatus.SUBMITTED, reason, null);
    }

    private static AuditAction auditAction(StepKind kind) {
        return switch (kind) {
            case SUBMIT -> AuditAction.RECTIFICATION_SUBMITTED;
            case VERIFY -> AuditAction.RECTIFICATION_VERIFIED;
            case REJECT -> AuditAction.RECTIFICATION_REJECTED;
            default -> throw new IllegalArgumentException("not a lifecycle step: " + kind);
        };
    }

    private RectificationView step(long id, StepKind kind, RectificationStatus from, String note, String evidenceJson) {
        RectificationItem stored = items.findForChangeById(id)
                .orElseThrow(() -> new NotFoundException("整改项不存在：" + id));
        LedgerItem item = ledger.withFindings(List.of(stored.toLedgerItem())).get(0);
        RectificationStatus status = item.latestStatus();
        if (status != from) {
            throw new ConflictException("整改项 " + id + " 当前状态为 " + status + "（" + status.label() + "），只有 "
                    + from + "（" + from.label() + "）状态可以执行 " + kind);
        }
        // a step never goes before the last one: an evaluation with a future as-of date may have dated one later
        LocalDate today = LocalDate.now(clock);
        LocalDate last = item.lastStepDate();
        LocalDate date = last != null && last.isAfter(today) ? last : today;
        NewStep step = new NewStep(id, kind, date, clock.instant(), actor.current(), note, evidenceJson);
        stored.append(step.kind(), step.date(), step.recordedAt(), step.actor(), step.note(), step.evidenceJson());
        // the step's id for the answer; the version is raised and checked at the commit, and a refused
        // change rolls back with its audit entry
        items.flush();
        audit.record(auditAction(kind), "rectification:" + id, "整改项 " + id + "（" + item.orgCode() + "）" + kind
                + (note == null || note.isBlank() ? "" : "：" + note), step);
        LedgerItem updated = stored.toLedgerItem().withFinding(item.visitDate(), item.findingWithdrawn());
        return RectificationView.of(updated, date);
    }
}
