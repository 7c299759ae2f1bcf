package org.grassroots.assessment.server.bottom;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.BackgroundWork;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.evaluation.EvaluationInputs;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.RuleLimits;
import org.grassroots.assessment.server.evaluation.WhatIfEvaluation;
import org.grassroots.assessment.server.ruleset.ActiveRuleSet;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The sensitivity view of an evaluation (倒排说明): each constant that the composite's and the
 * grading's rules state ({@link #COVERED}) moved by +10 % and −10 %, the data evaluated
 * with the moved rules and with the unmoved ones (the way a draft's what-if is), and the
 * organizations that change tier or cross the reverse-ranking cut-off counted. The data are the
 * inputs the evaluation kept (the period's current data for an evaluation older than kept inputs). Runs in the
 * background, one evaluation at a time, with its progress; the counts are kept per evaluation.
 */
@Service
public class SensitivityService {

    /**
     * The rule files whose constants are moved: those of the composite (its weights, penalties and
     * cap) and of the grading (its thresholds). Any constant a maintainer states in them is covered.
     */
    static final List<String> COVERED = List.of("-composite.drl", "-grading.drl");
    static final int[] STEPS = {10, -10};

    private static final Logger LOG = LoggerFactory.getLogger(SensitivityService.class);
    private static final Object ONE_AT_A_TIME = new Object();

    /** {@code state}: NONE (never asked), RUNNING, DONE or FAILED ({@code error} says why). */
    public record Status(long evaluationId, String state, int done, int total, String error,
            List<SensitivityRow> rows) {
    }

    private record Progress(String state, int done, int total, String error) {
    }

    private final EvaluationRepository evaluations;
    private final RuleSetAuthoring rules;
    private final ActiveRuleSet active;
    private final WhatIfEvaluation whatIf;
    private final EvaluationInputs inputs;
    private final EvaluationRunner runner;
    private final RuleLimits limits;
    private final SensitivityRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

    SensitivityService(EvaluationRepository evaluations, RuleSetAuthoring rules, ActiveRuleSet active,
            WhatIfEvaluation whatIf, EvaluationInputs inputs, EvaluationRunner runner, RuleLimits limits,
            SensitivityRepository repository, AuditTrail audit, Clock clock) {
        this.inputs = inputs;
        this.evaluations = evaluations;
        this.rules = rules;
        this.active = active;
        this.whatIf = whatIf;
        this.runner = runner;
        this.limits = limits;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is kept and how far a run is; 404 for an unknown evaluation. */
    public Status status(long evaluationId) {
        evaluations.summary(evaluationId);
        List<SensitivityRow> rows = repository.rows(evaluationId);
        Progress p = progress.get(evaluationId);
        if (p == null) {
            return new Status(evaluationId, rows.isEmpty() ? "NONE" : "DONE", rows.size(), rows.size(), null, rows);
        }
        return new Status(evaluationId, p.state(), p.done(), p.total(), p.error(), rows);
    }

    /**
     * Starts computing the rows not kept yet (only those of {@code constant} when given); answers at
     * once. 404 when the evaluation or its rule set is unknown, 400 when {@code constant} is stated
     * nowhere in the covered files.
     */
    public Status start(long evaluationId, String constant) {
        EvaluationSummary summary = evaluations.summary(evaluationId);
        Map<String, String> files = rules.rulesWithChecksum(summary.ruleSet().checksum())
                .orElseThrow(() -> new NotFoundException("评估 " + evaluationId + " 所用规则集 "
                        + summary.ruleSet().version() + " 不在本系统中"));
        List<RuleConstants.Constant> constants = covered(files).stream()
                .filter(c -> constant == null || constant.isBlank() || c.name().equals(constant.strip()))
                .toList();
        if (constants.isEmpty()) {
            throw new InvalidRequestException("/constant", "规则集 " + summary.ruleSet().version()
                    + " 的综合得分与定级规则中没有常量 " + constant);
        }
        Set<String> kept = new HashSet<>();
        repository.rows(evaluationId).forEach(r -> kept.add(r.file() + "/" + r.rule() + "/" + r.constant() + "/"
                + r.stepPercent()));
        List<Move> moves = new ArrayList<>();
        for (RuleConstants.Constant c : constants) {
            for (int step : STEPS) {
                if (!kept.contains(c.key() + "/" + step)) {
                    moves.add(new Move(c, step));
                }
            }
        }
        if (moves.isEmpty()) {
            return status(evaluationId);
        }
        synchronized (progress) {
            Progress running = progress.get(evaluationId);
            if (running != null && running.state().equals("RUNNING")) {
                return status(evaluationId);
            }
            progress.put(evaluationId, new Progress("RUNNING", 0, moves.size(), null));
        }
        audit.record(AuditAction.SENSITIVITY_REQUESTED, "evaluation:" + evaluationId,
                "敏感性分析：评估 #" + evaluationId + " 的 " + moves.size() + " 项常量调整试算"
                        + (constant == null || constant.isBlank() ? "" : "（" + constant.strip() + "）"),
                moves.stream().map(m -> m.constant().key() + "/" + m.step()).toList());
        BackgroundWork.start("sensitivity-" + evaluationId, RuntimeException.class, () -> {
            try {
                run(summary, files, moves);
                progress.put(evaluationId, new Progress("DONE", moves.size(), moves.size(), null));
            } catch (RuntimeException | Error e) {
                LOG.warn("sensitivity of evaluation {} failed", evaluationId, e);
                Progress p = progress.get(evaluationId);
                progress.put(evaluationId, new Progress("FAILED", p == null ? 0 : p.done(), moves.size(),
                        String.valueOf(e.getMessage())));
            }
            return null;
        });
        return status(evaluationId);
    }

    private record Move(RuleConstants.Constant constant, int step) {
    }

    static List<RuleConstants.Constant> covered(Map<String, String> files) {
        return RuleConstants.of(files).stream()
                .filter(c -> COVERED.stream().anyMatch(suffix -> c.file().endsWith(suffix)))
                .toList();
    }

    private void run(EvaluationSummary summary, Map<String, String> files, List<Move> moves) {
        synchronized (ONE_AT_A_TIME) {
            EvaluationRunner.EvaluationTarget target = runner.target(summary.period(), summary.asOf());
            RuleSet current = active.get();
            RuleSet unmoved = current.checksum().equals(summary.ruleSet().checksum()) ? current
                    : rules.compileRules(files);
            // the inputs the evaluation kept, read once, so that the counts explain that evaluation
            // even after the facts changed; the period's current data for an evaluation stored
            // before evaluations kept their inputs (as a draft's what-if reads them)
            Optional<EvaluationInputs.Inputs> kept = inputs.of(summary.id());
            Function<RuleSet, EvaluationResult> evaluate = kept.isPresent()
                    ? set -> inputs.evaluate(kept.get(), set)
                    : set -> whatIf.evaluate(set, target, limits.whatIf());
            Map<String, OrganizationResult> base = byCode(evaluate.apply(unmoved));
            int done = 0;
            for (Move move : moves) {
                RuleConstants.Constant c = move.constant();
                BigDecimal after = c.value().multiply(BigDecimal.valueOf(100 + move.step()))
                        .divide(BigDecimal.valueOf(100));
                RuleSet moved = rules.compileRules(RuleConstants.moved(files, c, after));
                Map<String, OrganizationResult> result = byCode(evaluate.apply(moved));
                int tierChanged = 0;
                int crossed = 0;
                Set<String> codes = new HashSet<>(base.keySet());
                codes.addAll(result.keySet());
                for (String code : codes) {
                    OrganizationResult b = base.get(code);
                    OrganizationResult a = result.get(code);
                    if (!Objects.equals(b == null ? null : b.tier(), a == null ? null : a.tier())) {
                        tierChanged++;
                    }
                    if (listed(b) != listed(a)) {
                        crossed++;
                    }
                }
                repository.insert(summary.id(), new SensitivityRow(c.file(), c.rule(), c.name(), move.step(),
                        RuleConstants.plain(c.value()), RuleConstants.plain(after), tierChanged, crossed,
                        clock.instant()));
                progress.put(summary.id(), new Progress("RUNNING", ++done, moves.size(), null));
            }
        }
    }

    private static boolean listed(OrganizationResult o) {
        return o != null && o.flags().contains(Flag.REVERSE_RANKED);
    }

    private static Map<String, OrganizationResult> byCode(EvaluationResult result) {
        Map<String, OrganizationResult> orgs = new HashMap<>();
        result.organizations().forEach(o -> orgs.put(o.code(), o));
        return orgs;
    }
}
