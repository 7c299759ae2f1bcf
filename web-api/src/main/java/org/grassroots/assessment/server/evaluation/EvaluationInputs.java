package org.grassroots.assessment.server.evaluation;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.evaluation.AssessmentData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inputs a stored evaluation read, read back from its snapshot exactly as they were: later
 * edits of the facts never change them. Evaluations stored before snapshots were kept have none.
 */
@Component
public class EvaluationInputs {

    private static final int BATCH_SIZE = 16;

    private final EvaluationSnapshotRepository snapshots;
    private final RuleLimits limits;
    private final AssessmentProperties properties;

    EvaluationInputs(EvaluationSnapshotRepository snapshots, RuleLimits limits, AssessmentProperties properties) {
        this.snapshots = snapshots;
        this.limits = limits;
        this.properties = properties;
    }

    /**
     * The inputs evaluated with the rule set as a stored evaluation evaluates them (the previous
     * tiers it compared with included); nothing stored. Stopped at the firing limit or the
     * evaluation's time limit.
     */
    public EvaluationResult evaluate(Inputs inputs, RuleSet rules) {
        Evaluator evaluator = limits.limit(new Evaluator(rules, properties.threads(), BATCH_SIZE), limits.evaluation());
        return evaluator.evaluate(inputs.data(), inputs.period(), inputs.asOf(), inputs.previousGrades());
    }

    /**
     * What an evaluation read: the period, the as-of date, the previous tiers movement compared
     * with (and where they came from), the records as evaluation data and as the bundle they were stored as.
     */
    public record Inputs(Period period, LocalDate asOf, String previousGradesSource, PreviousGrades previousGrades,
            AssessmentData data, Bundle bundle) {
    }

    /**
     * Writes the evaluation's kept inputs as a bundle the offline CLI reads (docs/formats.md section
     * 1); false, nothing written, when it was stored before evaluations kept their inputs.
     */
    @Transactional(readOnly = true)
    public boolean writeBundle(long evaluationId, OutputStream out) {
        Optional<String> json = snapshots.extrasJson(evaluationId);
        if (json.isEmpty()) {
            return false;
        }
        format(evaluationId, json.get());
        InputSnapshot.writeBundle(snapshots.bundle(evaluationId), out);
        return true;
    }

    /**
     * The previous period's tiers the evaluation's movement compared with, as kept with its inputs
     * (in code order), with where they came from; empty when it kept no inputs. The offline CLI
     * reads this as {@code --previous-tiers}.
     */
    @Transactional(readOnly = true)
    public Optional<PreviousTiers> previousTiers(long evaluationId) {
        return snapshots.extrasJson(evaluationId).map(json -> {
            InputSnapshot.Extras extras = format(evaluationId, json);
            return new PreviousTiers(evaluationId, Period.parse(extras.period()).previous().toString(),
                    extras.previousGrades(), InputSnapshot.readPreviousTiers(snapshots.bundle(evaluationId)));
        });
    }

    /** What {@link #previousTiers} answers: the file the offline CLI's {@code --previous-tiers} reads. */
    public record PreviousTiers(long evaluationId, String period, String source, Map<String, Tier> tiers) {
    }

    /** Whether the evaluation kept its inputs (evaluations stored before inputs were kept did not). */
    @Transactional(readOnly = true)
    public boolean kept(long evaluationId) {
        return snapshots.extrasJson(evaluationId).isPresent();
    }

    private static InputSnapshot.Extras format(long evaluationId, String json) {
        InputSnapshot.Extras extras = EvaluationJson.MAPPER.readValue(json, InputSnapshot.Extras.class);
        if (extras.format() < 1 || extras.format() > InputSnapshot.FORMAT) {
            throw new IllegalStateException("evaluation #" + evaluationId + " has inputs in format " + extras.format()
                    + ", this server reads formats 1 to " + InputSnapshot.FORMAT);
        }
        return extras;
    }

    /** The evaluation's inputs; empty when it was stored before snapshots were kept. */
    @Transactional(readOnly = true)
    public Optional<Inputs> of(long evaluationId) {
        return snapshots.extrasJson(evaluationId).map(json -> {
            InputSnapshot.Extras extras = format(evaluationId, json);
            InputSnapshot.Data data = InputSnapshot.read(snapshots.bundle(evaluationId));
            return new Inputs(Period.parse(extras.period()), extras.asOf(), extras.previousGrades(),
                    data.previousGrades(), data, data.bundle());
        });
    }
}
