package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The worked example of the policy (section 7), exactly: every organization, member and
 * rectification item of both expected results, numbers to 0.01, in the published order.
 */
class WorkedExampleTest {

    private static Bundle bundle;

    @BeforeAll
    static void readBundle() throws Exception {
        try (InputStream in = resource("fixtures/worked-example.json")) {
            bundle = new BundleReader().read(in);
        }
    }

    @ParameterizedTest(name = "{0} as of {1}")
    @CsvSource({
        "2026, 2026-12-31, fixtures/worked-example-expected.json",
        "2026, 2026-07-15, fixtures/worked-example-2026-07-15.json"})
    void reproduces_the_expected_result(String period, String asOf, String expectedResource) throws Exception {
        EvaluationResult result = new Evaluator(PolicyHarness.rules())
                .evaluate(new BundleData(bundle), Period.parse(period), LocalDate.parse(asOf));
        JsonNode got = ResultJson.mapper().readTree(ResultJson.toJson(result));
        JsonNode expected;
        try (InputStream in = resource(expectedResource)) {
            expected = ResultJson.mapper().readTree(in);
        }

        assertThat(got.get("period").asString()).isEqualTo(expected.get("period").asString());
        assertThat(got.get("asOf").asString()).isEqualTo(expected.get("asOf").asString());
        assertThat(organizations(got)).containsExactlyElementsOf(organizations(expected));
        assertThat(members(got)).containsExactlyElementsOf(members(expected));
        assertThat(rectifications(got)).containsExactlyElementsOf(rectifications(expected));
    }

    /** Each organization as one comparable line of text, numbers to 2 decimals. */
    private static List<String> organizations(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode o : result.get("organizations")) {
            StringBuilder row = new StringBuilder();
            row.append(o.get("code").asString()).append(" rank=").append(o.get("rank").asInt());
            for (String f : List.of("cohesion", "charisma", "combat", "composite", "inspectionScore")) {
                row.append(' ').append(f).append('=').append(number(o.get(f)));
            }
            for (String f : List.of("tier", "weakTriggers", "titles", "flags", "movement")) {
                row.append(' ').append(f).append('=').append(o.get(f));
            }
            row.append(" explanation=");
            for (JsonNode line : o.get("explanation")) {
                row.append('[').append(line.get("rule").asString()).append(' ')
                        .append(line.get("dimension").asString()).append(' ')
                        .append(number(line.get("points"))).append(']');
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static List<String> members(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode m : result.get("members")) {
            rows.add(m.get("memberId").asString() + " " + m.get("orgCode").asString() + " " + m.get("titles"));
        }
        return rows;
    }

    private static List<String> rectifications(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : result.get("rectifications")) {
            rows.add(String.join(" ", r.get("orgCode").asString(), r.get("source").asString(),
                    r.get("rule").asString(), r.hasNonNull("visitId") ? r.get("visitId").asString() : "-",
                    r.get("deadline").asString(), r.get("status").asString(), r.get("overdue").toString()));
        }
        return rows;
    }

    private static String number(JsonNode n) {
        return n == null || n.isNull() ? "null" : String.format("%.2f", n.asDouble());
    }

    private static InputStream resource(String name) {
        InputStream in = WorkedExampleTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
