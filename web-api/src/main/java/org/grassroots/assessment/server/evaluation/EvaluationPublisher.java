package org.grassroots.assessment.server.evaluation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an evaluation as its period's official grades (policy section 4): the one the next
 * period's movement compares with. A period has at most one published evaluation (the database
 * enforces it); publishing the published one again changes nothing.
 */
@Service
public class EvaluationPublisher {

    private final EvaluationRepository evaluations;
    private final Clock clock;
    private final Actor actor;
    private final AuditTrail audit;

    EvaluationPublisher(EvaluationRepository evaluations, Clock clock, Actor actor, AuditTrail audit) {
        this.evaluations = evaluations;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
    }

    /** 404 when unknown; 409 when another evaluation of the period is published. */
    @Transactional
    public EvaluationSummary publish(long id) {
        EvaluationSummary s = evaluations.summary(id);
        if (s.published()) {
            return s;
        }
        if (s.factBasis() == FactBasis.LATEST) {
            throw new ConflictException("评估 #" + id + " 基于" + FactBasis.LATEST.label() + "，是试算，不能发布；"
                    + "请待自评审核完成后按已审核数据重新评估再发布");
        }
        Optional<Long> other = evaluations.publishedOf(s.period());
        if (other.isPresent()) {
            throw conflict(s, other.get());
        }
        try {
            int published = evaluations.markPublished(id, clock.instant().atOffset(ZoneOffset.UTC), actor.current(),
                    s.period());
            if (published == 1) {
                audit.record(AuditAction.EVALUATION_PUBLISHED, "evaluation:" + id, "发布考评 #" + id + " 为 " + s.period()
                        + " 的正式定级", Map.of("evaluationId", id, "period", s.period()));
            }
        } catch (DuplicateKeyException e) {
            throw conflict(s, evaluations.publishedOf(s.period()).orElse(-1L));
        }
        return evaluations.summary(id);
    }

    private static ConflictException conflict(EvaluationSummary s, long other) {
        return new ConflictException("期间 " + s.period() + " 已发布评估 #" + other + "，不能再发布评估 #" + s.id());
    }
}
