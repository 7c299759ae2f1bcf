package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuleCoverageTest {

    private static RuleSet rules;
    private static BundleData data;
    private static final Period period = Period.parse("2026");
    private static final LocalDate asOf = LocalDate.parse("2026-12-31");

    /** The shipped rules and the worked example's district, read once: the evaluations only read them. */
    @BeforeAll
    static void readWorkedExample() throws Exception {
        rules = RuleSetLoader.defaultRuleSet();
        try (InputStream in = RuleCoverageTest.class.getResourceAsStream("/bundle/worked-example.json")) {
            data = new BundleData(new BundleReader().read(in));
        }
    }

    @Test
    void coverage_records_the_organizations_each_rule_fired_for_and_leaves_the_result_identical() {
        EvaluationResult plain = new Evaluator(rules).evaluate(data, period, asOf);
        Evaluator.CoveredEvaluation covered = new Evaluator(rules, 4, 1).evaluateWithCoverage(data, period, asOf);

        assertThat(covered.result()).isEqualTo(plain);
        assertThat(ResultJson.toJson(covered.result())).isEqualTo(ResultJson.toJson(plain));
        RuleCoverage c = covered.coverage();
        // the catalog fires for no organization, and counts as fired
        assertThat(c.fired("C-CATALOG checklist items")).isTrue();
        assertThat(c.organizationCount("C-CATALOG checklist items")).isZero();
        // ranking fires once for the district: for every organization
        assertThat(c.organizationCount("R-01 ranking 排名")).isEqualTo(6);
        assertThat(c.organizationCount("F-02 composite 综合得分")).isEqualTo(6);
        assertThat(c.firedFor().get("W-05 shell collective economy 集体经济空壳")).containsExactly("V-SHIQIAO");
        assertThat(c.firedFor().get("T-01 three-forces organization 三力党组织")).containsExactly("V-HONGQI");
        assertThat(c.firedFor().get("CO-01 organizational life 组织生活")).hasSize(6);
        assertThat(c.neverFired()).contains("W-04 no activity venue 阵地缺失").doesNotContain("W-05 shell collective economy 集体经济空壳");
        assertThat(c.fired().size() + c.neverFired().size()).isEqualTo(rules.ruleNames().size());
    }

    @Test
    void coverage_of_parts_evaluated_unranked_and_then_ranked_adds_up_to_one_evaluation_s() {
        Evaluator evaluator = new Evaluator(rules, 2, 1);
        Evaluator.CoveredEvaluation whole = evaluator.evaluateWithCoverage(data, period, asOf);
        PreviousGrades previous = evaluator.previousOnTheFly(data, period, data.organizationsWithFacts(period));

        Evaluator.CoveredEvaluation unranked = evaluator.evaluateUnrankedWithCoverage(data, period, asOf, previous);
        Evaluator.CoveredRanking ranked = evaluator.rankWithCoverage(unranked.result().organizations());

        assertThat(unranked.coverage().fired("R-01 ranking 排名")).isFalse();
        assertThat(ranked.coverage().organizationCount("R-01 ranking 排名")).isEqualTo(6);
        assertThat(ranked.ranked()).extracting(OrganizationResult::code)
                .containsExactlyElementsOf(whole.result().organizations().stream().map(OrganizationResult::code).toList());
        RuleCoverage merged = RuleCoverage.merge(rules.ruleNames(), java.util.List.of(unranked.coverage(), ranked.coverage()));
        assertThat(merged).isEqualTo(whole.coverage());
    }
}
