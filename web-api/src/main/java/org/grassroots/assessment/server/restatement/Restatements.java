package org.grassroots.assessment.server.restatement;

import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.EvaluationResult.RuleSetRef;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.evaluation.EvaluationInputs;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.security.Visibility;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History restated (按现行规则重算): an evaluation's kept inputs evaluated again under another stored
 * rule version, stored beside the official evaluation (never over it) and compared with it.
 */
@Service
public class Restatements {

    private final EvaluationRepository evaluations;
    private final EvaluationInputs inputs;
    private final RuleSetAuthoring rules;
    private final RestatementRepository restatements;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Actor actor;
    private final Clock clock;

    Restatements(EvaluationRepository evaluations, EvaluationInputs inputs, RuleSetAuthoring rules,
            RestatementRepository restatements, TransactionTemplate transactions, AuditTrail audit, Actor actor,
            Clock clock) {
        this.evaluations = evaluations;
        this.inputs = inputs;
        this.rules = rules;
        this.restatements = restatements;
        this.transactions = transactions;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Restates the evaluation under the stored rule version (id or label) and returns the new
     * restatement's record. 404 for an unknown evaluation or version; 409 for an evaluation stored
     * before its inputs were kept.
     */
    public RestatementRecord restate(long evaluationId, String ruleVersion) {
        EvaluationSummary summary = evaluations.summary(evaluationId);
        RuleSetAuthoring.CompiledVersion version = rules.compiledVersion(ruleVersion);
        EvaluationInputs.Inputs read = inputs.of(evaluationId).orElseThrow(() -> new ConflictException(
                "考评 #" + evaluationId + " 在保存输入数据之前运行，没有留存当时读取的数据，无法按其他规则版本重算；"
                        + "请重新运行该期间的考评后再重算 (evaluation #" + evaluationId
                        + " was stored before evaluations kept their inputs: it cannot be restated)"));
        EvaluationResult result = inputs.evaluate(read, version.rules());
        String who = actor.current();
        Long id = transactions.execute(tx -> {
            long stored = restatements.insert(evaluationId, version.id(), version.rules().version(),
                    version.rules().checksum(), result.organizations().size(), clock.instant(), who);
            restatements.insertResults(stored, result);
            int changed = compare(summary, restatements.find(evaluationId, stored).orElseThrow(), Visibility.ALL, false)
                    .changed();
            audit.record(AuditAction.EVALUATION_RESTATED, "evaluation:" + evaluationId, "按规则集版本 #" + version.id()
                    + "（" + version.rules().version() + "）重算考评 #" + evaluationId + "（" + summary.period() + "，截至 "
                    + summary.asOf() + "）：重算 #" + stored + "，" + changed + " 个组织的结果不同",
                    Map.of("evaluation", evaluationId, "restatement", stored, "ruleVersionId", version.id(),
                            "ruleSetVersion", version.rules().version(), "ruleSetChecksum", version.rules().checksum(),
                            "changedOrganizations", changed));
            return stored;
        });
        return restatements.find(evaluationId, id).orElseThrow();
    }

    /**
     * Checks that the evaluation exists (404) and kept its inputs (409), before anything is written;
     * then {@link #writeInputs} writes them.
     */
    public void checkInputs(long evaluationId) {
        evaluations.summary(evaluationId);
        if (!inputs.kept(evaluationId)) {
            throw new ConflictException("考评 #" + evaluationId + " 在保存输入数据之前运行，没有留存当时读取的数据"
                    + " (evaluation #" + evaluationId + " was stored before evaluations kept their inputs)");
        }
    }

    /**
     * The previous tiers the evaluation's movement compared with, as kept with its inputs; 404 for an
     * unknown evaluation, 409 when it kept no inputs.
     */
    public EvaluationInputs.PreviousTiers previousTiers(long evaluationId) {
        checkInputs(evaluationId);
        return inputs.previousTiers(evaluationId).orElseThrow();
    }

    /** Writes the evaluation's kept inputs as a bundle (docs/formats.md section 1). */
    public void writeInputs(long evaluationId, OutputStream out) {
        if (!inputs.writeBundle(evaluationId, out)) {
            throw new IllegalStateException("evaluation #" + evaluationId + " has no kept inputs");
        }
    }

    /** The evaluation's restatements, oldest first; 404 for an unknown evaluation. */
    public List<RestatementRecord> list(long evaluationId) {
        evaluations.summary(evaluationId);
        return restatements.list(evaluationId);
    }

    /** A restatement side by side with its evaluation, only the organizations the visibility sees; 404 when unknown. */
    public RestatementView view(long evaluationId, long restatementId, Visibility visibility, boolean changedOnly) {
        EvaluationSummary summary = evaluations.summary(evaluationId);
        RestatementRecord header = restatements.find(evaluationId, restatementId).orElseThrow(
                () -> new NotFoundException("考评 #" + evaluationId + " 没有重算 #" + restatementId));
        return compare(summary, header, visibility, changedOnly);
    }

    private RestatementView compare(EvaluationSummary summary, RestatementRecord h, Visibility visibility,
            boolean changedOnly) {
        EvaluationResult official = evaluations.load(summary.id());
        Map<String, OrganizationResult> restated = restatements.results(h.id());
        Map<String, OrganizationResult> officialByCode = new LinkedHashMap<>();
        official.organizations().forEach(o -> officialByCode.put(o.code(), o));
        List<String> codes = new ArrayList<>(officialByCode.keySet());
        restated.keySet().stream().filter(c -> !officialByCode.containsKey(c)).forEach(codes::add);
        List<RestatementView.Row> rows = new ArrayList<>();
        Map<String, Integer> officialTiers = new TreeMap<>();
        Map<String, Integer> restatedTiers = new TreeMap<>();
        int changed = 0;
        for (String code : codes) {
            if (!visibility.sees(code)) {
                continue;
            }
            RestatementView.Row row = RestatementView.row(officialByCode.get(code), restated.get(code));
            if (row.official() != null) {
                officialTiers.merge(row.official().tier().name(), 1, Integer::sum);
            }
            if (row.restated() != null) {
                restatedTiers.merge(row.restated().tier().name(), 1, Integer::sum);
            }
            if (row.changed()) {
                changed++;
            }
            if (row.changed() || !changedOnly) {
                rows.add(row);
            }
        }
        Map<String, Map<String, Integer>> tierCounts = new LinkedHashMap<>();
        tierCounts.put("official", officialTiers);
        tierCounts.put("restated", restatedTiers);
        return new RestatementView(h.id(), h.evaluationId(), summary.period(), summary.asOf(), summary.ruleSet(),
                new RuleSetRef(h.ruleSetVersion(), h.ruleSetChecksum()), h.ruleVersionId(), h.createdAt(),
                h.createdBy(), h.organizations(), changed, tierCounts, rows);
    }
}
