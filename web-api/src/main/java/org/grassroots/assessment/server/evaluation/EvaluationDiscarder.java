package org.grassroots.assessment.server.evaluation;

import java.util.Map;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discards an unpublished evaluation (a trial run the office does not want to keep): its record and
 * its stored results go, the audit trail says who discarded which. A published evaluation is its
 * period's official grades and is never discarded (409). The rectification ledger is not rewound:
 * its GRADING and STANDARD items are keyed by period, and the period's next run withdraws those it
 * no longer produces (policy section 5).
 */
@Service
public class EvaluationDiscarder {

    private final EvaluationRepository evaluations;
    private final AuditTrail audit;

    EvaluationDiscarder(EvaluationRepository evaluations, AuditTrail audit) {
        this.evaluations = evaluations;
        this.audit = audit;
    }

    /** 404 when unknown; 409 when published. */
    @Transactional
    public EvaluationSummary discard(long id) {
        EvaluationSummary s = evaluations.summary(id);
        if (s.published() || evaluations.deleteUnpublished(id) == 0) {
            throw new ConflictException("评估 #" + id + " 已发布为 " + s.period() + " 期间的正式结果，不能删除");
        }
        audit.record(AuditAction.EVALUATION_DISCARDED, "evaluation:" + id,
                "删除未发布的考评 #" + id + "（" + s.period() + "，截至 " + s.asOf() + "）",
                Map.of("evaluationId", id, "period", s.period(), "asOf", s.asOf().toString()));
        return s;
    }
}
