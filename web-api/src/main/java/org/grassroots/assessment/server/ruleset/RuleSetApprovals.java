package org.grassroots.assessment.server.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Four-eyes activation (四眼原则): a version that has never been in force is activated only after a
 * second person, with the EVALUATOR or ADMIN role and not its author, approved it having seen its
 * impact notice ({@link ImpactNotice}, built from the draft's what-if). The approval records the
 * notice (digest and the notice itself) and the set in force it was compared with; it is valid for
 * activation while that set is still in force. A release (the shipped set, the operator's watched
 * rules directory) is approved by {@code system}, on any base. Rolling back to a version that was in
 * force before needs no approval ({@link RulesInForce#activate}).
 */
@Service
public class RuleSetApprovals {

    private final RuleSetAuthoring authoring;
    private final ActiveRuleSet active;
    private final StoredRuleSets stored;
    private final RuleSetApprovalRepository approvals;
    private final Actor actor;
    private final AuditTrail audit;
    private final Clock clock;

    RuleSetApprovals(RuleSetAuthoring authoring, ActiveRuleSet active, StoredRuleSets stored,
            RuleSetApprovalRepository approvals, Actor actor, AuditTrail audit, Clock clock) {
        this.authoring = authoring;
        this.active = active;
        this.stored = stored;
        this.approvals = approvals;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /** An approval as the API shows it; {@code notice} only when asked for one approval's record. */
    public record Approval(long id, long versionId, String approvedBy, Instant approvedAt, String period, LocalDate asOf,
            String baseChecksum, String digest, String comment, boolean release, boolean valid) {
    }

    /** An approval with the notice the approver saw (null for a release). */
    public record ApprovalRecord(Approval approval, ImpactNotice notice) {
    }

    /** The impact notice of a version for a period, compared with the set in force now. */
    public ImpactNotice notice(long id, String period, LocalDate asOf) {
        RuleSetVersions.Row draft = stored.row(id);
        if (period == null || period.isBlank()) {
            throw new InvalidRequestException("/period", "请选择影响通知的考评期间（如 2026 或 2026-Q2） period is required");
        }
        if (!Period.isValid(period)) {
            throw new InvalidRequestException("/period", "period must be YYYY or YYYY-Qn (n 1–4): " + period);
        }
        RuleSet base = active.get();
        try {
            WhatIfReport whatIf = authoring.whatIf(id, period, asOf);
            return ImpactNotice.of(draft, period, asOf, base.version(), base.checksum(), null, whatIf);
        } catch (InvalidRequestException e) {
            if (!noFacts(e)) {
                throw e;
            }
            return ImpactNotice.of(draft, period, asOf, base.version(), base.checksum(),
                    "期间 " + period + " 没有任何组织的事实数据，无法模拟影响（no organization has facts for the period）", null);
        }
    }

    private static boolean noFacts(InvalidRequestException e) {
        return e.problems().stream().anyMatch(p -> p.message() != null && p.message().startsWith("no organization has facts"));
    }

    /**
     * Approves a version after its notice: refused (403, audited) when the approver is its author;
     * 409 when it is in force already or when the notice computed now differs from the one whose
     * digest the approver names (the data, the draft's base or the date moved: look again).
     */
    public ApprovalRecord approve(long id, String period, LocalDate asOf, String digest, String comment) {
        RuleSetVersions.Row draft = stored.row(id);
        String who = actor.current();
        if (RuleSetVersions.ACTIVE.equals(draft.status())) {
            throw new ConflictException("规则集版本 #" + id + " 已在启用中，无需审批");
        }
        if (who.equals(draft.createdBy())) {
            audit.record(AuditAction.RULESET_APPROVAL_REFUSED, "ruleset:" + id, "拒绝起草人 " + who + " 自行批准规则集版本 #"
                    + id + " " + draft.version() + "（四眼原则）", Map.of("versionId", id, "approver", who, "author",
                            draft.createdBy()));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "规则集版本 #" + id
                    + " 由您起草，不能由您本人批准：须由另一位测评员或管理员审阅影响通知后批准（四眼原则）");
            problem.setTitle("不能批准自己的草稿");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        if (digest == null || digest.isBlank()) {
            throw new InvalidRequestException("/digest", "请先查看影响通知，并在批准时提交其摘要（digest） the digest of the notice seen is required");
        }
        if (comment != null && comment.length() > 2000) {
            throw new InvalidRequestException("/comment", "comment must be at most 2000 characters");
        }
        ImpactNotice notice = notice(id, period, asOf);
        if (!notice.digest().equals(digest.strip())) {
            throw new ConflictException("影响通知已变化（数据、现行规则集或截至日期已不同）：请重新查看影响通知后再批准。"
                    + "现在的摘要为 " + notice.digest());
        }
        Instant now = clock.instant();
        long approvalId = approvals.insert(id, who, now, notice.period(), notice.asOf(), notice.baseChecksum(),
                notice.digest(), comment == null || comment.isBlank() ? null : comment.strip(), notice.json());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("versionId", id);
        content.put("version", draft.version());
        content.put("author", draft.createdBy());
        content.put("period", notice.period());
        content.put("asOf", String.valueOf(notice.asOf()));
        content.put("base", notice.baseChecksum());
        content.put("digest", notice.digest());
        audit.record(AuditAction.RULESET_APPROVED, "ruleset:" + id, "批准规则集版本 #" + id + " " + draft.version()
                + "（起草人 " + draft.createdBy() + "，影响通知 " + notice.period() + " 期间，摘要 " + notice.digest() + "）", content);
        return new ApprovalRecord(view(approvals.of(id).stream().filter(a -> a.id() == approvalId).findFirst()
                .orElseThrow()), notice);
    }

    /** The version's approvals, newest first ({@code valid}: it allows activation while the set in force stays). */
    public List<Approval> approvals(long id) {
        stored.row(id);
        return approvals.of(id).stream().map(this::view).toList();
    }

    /** One approval with the notice its approver saw. */
    public ApprovalRecord approval(long id, long approvalId) {
        RuleSetApprovalRepository.Row row = approvals.of(id).stream().filter(a -> a.id() == approvalId).findFirst()
                .orElseThrow(() -> new NotFoundException("规则集版本 #" + id + " 没有审批记录 #" + approvalId));
        String json = approvals.noticeJson(approvalId);
        return new ApprovalRecord(view(row), json == null ? null : ImpactNotice.fromJson(json));
    }

    /** The versions that have at least one approval (for the pages' lists). */
    public Set<Long> approvedVersions() {
        return new HashSet<>(approvals.approvedVersions());
    }

    private Approval view(RuleSetApprovalRepository.Row a) {
        boolean release = a.baseChecksum() == null;
        return new Approval(a.id(), a.versionId(), a.approvedBy(), a.approvedAt(), a.period(), a.asOf(), a.baseChecksum(),
                a.digest(), a.comment(), release, release || a.baseChecksum().equals(active.get().checksum()));
    }
}
