package org.grassroots.assessment.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the run-time hostile corpus, beside the shipped set, is stopped by the evaluator,
 * the scenario runner and the validator with scenarios, with the error it expects: a loop names its
 * rule; a slow join is stopped at the time limit, and the caller gets the answer at the deadline
 * even though Drools cannot stop a join that fires nothing (upper bounds only, with a wide margin).
 */
class RuntimeHostileRulesTest {

    /** The time limit of the runs here; the slow join needs several times as long on the bundle. */
    private static final Duration LIMIT = Duration.ofSeconds(1);
    /** What a caller may wait beyond the limit: generous, the build machine is shared. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    /** The limit for runs that must be stopped by the firing limit, long before it. */
    private static final Duration LOOP_LIMIT = Duration.ofMinutes(5);

    static List<RuntimeHostileRules> corpus() {
        return RuntimeHostileRules.all();
    }

    @Test
    void the_corpus_holds_the_attempts_the_issue_names() {
        List<String> files = corpus().stream().map(RuntimeHostileRules::file).toList();
        assertThat(files).contains("reinsert-forever.drl", "ping-pong.drl", "slow-join.drl");
        assertThat(corpus()).allSatisfy(h -> assertThat(h.ruleNames()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void the_evaluator_stops_it(RuntimeHostileRules hostile) {
        Bundle bundle = RuntimeHostileRules.bundle();
        Evaluator evaluator = new Evaluator(hostile.compiled(), 2, 16)
                .limitedBy(Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, deadline(hostile));
        long start = System.nanoTime();
        assertThatThrownBy(() -> evaluator.evaluate(new BundleData(bundle), Period.parse("2026"),
                LocalDate.of(2026, 12, 31)))
                .isInstanceOfSatisfying(ExecutionStoppedException.class, e -> expected(hostile, e));
        withinLimit(hostile, start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void the_scenario_runner_stops_it(RuntimeHostileRules hostile) {
        ScenarioRunner runner = new ScenarioRunner(hostile.compiled(), Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION,
                deadline(hostile));
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(RuntimeHostileRules.scenarios()))
                .isInstanceOfSatisfying(ExecutionStoppedException.class, e -> expected(hostile, e));
        withinLimit(hostile, start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void validation_with_scenarios_stops_it(RuntimeHostileRules hostile) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> RuleSetValidator.validate(hostile.files(), RuntimeHostileRules.scenarios(),
                Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, () -> deadline(hostile)))
                .isInstanceOfSatisfying(ExecutionStoppedException.class, e -> expected(hostile, e));
        if (hostile.expected() == ExecutionStoppedException.Reason.FIRING_LIMIT) {
            assertThat(System.nanoTime() - start).isLessThan(LOOP_LIMIT.toNanos());
        }
    }

    @Test
    void limits_change_nothing_in_a_sound_evaluation() throws Exception {
        Bundle bundle = RuntimeHostileRules.bundle();
        var rules = RuleSetLoader.defaultRuleSet();
        EvaluationResult free = new Evaluator(rules, 2, 16).evaluate(new BundleData(bundle), Period.parse("2026"),
                LocalDate.of(2026, 12, 31));
        EvaluationResult limited = new Evaluator(rules, 2, 16)
                .limitedBy(Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, Deadline.after(Duration.ofMinutes(5), "test"))
                .evaluate(new BundleData(bundle), Period.parse("2026"), LocalDate.of(2026, 12, 31));
        assertThat(ResultJson.toJson(limited)).isEqualTo(ResultJson.toJson(free));
    }

    @Test
    void a_cancelled_deadline_stops_the_next_evaluation_at_once() throws Exception {
        Deadline deadline = Deadline.after(Duration.ofMinutes(5), "试算对比 (what-if)");
        deadline.cancel();
        Evaluator evaluator = new Evaluator(RuleSetLoader.defaultRuleSet())
                .limitedBy(Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, deadline);
        assertThatThrownBy(() -> evaluator.evaluate(new BundleData(RuntimeHostileRules.bundle()), Period.parse("2026"),
                LocalDate.of(2026, 12, 31)))
                .isInstanceOfSatisfying(ExecutionStoppedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ExecutionStoppedException.Reason.TIME_LIMIT);
                    assertThat(e.getMessage()).contains("试算对比 (what-if)超过 300 秒的时间上限，已停止");
                });
    }

    static Deadline deadline(RuntimeHostileRules hostile) {
        return Deadline.after(hostile.expected() == ExecutionStoppedException.Reason.TIME_LIMIT ? LIMIT : LOOP_LIMIT,
                "规则测试 (test)");
    }

    /** The reason the file expects; a loop names one of the file's rules, a time-out its limit. */
    static void expected(RuntimeHostileRules hostile, ExecutionStoppedException e) {
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(hostile.expected());
        if (hostile.expected() == ExecutionStoppedException.Reason.FIRING_LIMIT) {
            assertThat(hostile.ruleNames()).as(e.getMessage()).contains(e.rule());
            assertThat(e.getMessage()).contains("规则 \"" + e.rule() + "\"")
                    .contains("超过每个组织 " + Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION + " 次的上限，已停止");
        } else {
            assertThat(e.getMessage()).contains("超过 " + LIMIT.toSeconds() + " 秒的时间上限，已停止");
        }
    }

    static void withinLimit(RuntimeHostileRules hostile, long start) {
        long took = System.nanoTime() - start;
        Duration bound = hostile.expected() == ExecutionStoppedException.Reason.TIME_LIMIT ? LIMIT.plus(MARGIN)
                : LOOP_LIMIT;
        assertThat(Duration.ofNanos(took)).isLessThan(bound);
    }
}
