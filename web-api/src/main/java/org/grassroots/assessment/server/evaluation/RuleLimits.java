package org.grassroots.assessment.server.evaluation;

import java.time.Duration;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long rule work may run before it is stopped, and how often rules may fire per organization
 * ({@code assessment.limits.*}). Engine safety limits, not policy. Defaults from measurement on the
 * 2-core reference machine (BENCHMARKS.md): a stored evaluation of the 10k district takes ~10 s,
 * a what-if of it ~10 s (two evaluations), the shipped scenarios ~0.2–0.7 s, one organization's
 * current result milliseconds; each default leaves a margin of 10× to 100× and more.
 */
@Component
public class RuleLimits {

    private final Duration evaluation;
    private final Duration whatIf;
    private final Duration scenarios;
    private final Duration currentResult;
    private final int firingsPerOrganization;

    RuleLimits(@Value("${assessment.limits.evaluation-time:PT5M}") Duration evaluation,
            @Value("${assessment.limits.what-if-time:PT5M}") Duration whatIf,
            @Value("${assessment.limits.scenario-time:PT1M}") Duration scenarios,
            @Value("${assessment.limits.current-result-time:PT30S}") Duration currentResult,
            @Value("${assessment.limits.firings-per-organization:" + Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION + "}")
            int firingsPerOrganization) {
        this.evaluation = evaluation;
        this.whatIf = whatIf;
        this.scenarios = scenarios;
        this.currentResult = currentResult;
        this.firingsPerOrganization = firingsPerOrganization;
    }

    /** A stored evaluation ({@code POST /api/evaluations}, the office page). */
    public Deadline evaluation() {
        return Deadline.after(evaluation, "考评 (evaluation)");
    }

    /** A what-if: both sets evaluated on the stored data. */
    public Deadline whatIf() {
        return Deadline.after(whatIf, "试算对比 (what-if)");
    }

    /** A rule set's scenarios: test, validate with scenarios, the check before activation. */
    public Deadline scenarios() {
        return Deadline.after(scenarios, "规则测试场景 (scenario run)");
    }

    /** One organization's current result (its page, the inspection team's view). */
    public Deadline currentResult() {
        return Deadline.after(currentResult, "当前结果计算 (current result)");
    }

    public int firingsPerOrganization() {
        return firingsPerOrganization;
    }

    /** An evaluator with these firing limits, ending by {@code deadline}. */
    public Evaluator limit(Evaluator evaluator, Deadline deadline) {
        return evaluator.limitedBy(firingsPerOrganization, deadline);
    }
}
