package org.grassroots.assessment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssessmentCliTest {

    @TempDir
    Path dir;

    private Path bundle;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyWorkedExample() throws IOException {
        bundle = dir.resolve("worked-example.json");
        try (InputStream in = getClass().getResourceAsStream("/bundle/worked-example.json")) {
            Files.copy(in, bundle);
        }
    }

    private int run(String... args) {
        return new AssessmentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private JsonNode organization(JsonNode result, String code) {
        for (JsonNode o : result.get("organizations")) {
            if (o.get("code").asString().equals(code)) {
                return o;
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void evaluate_prints_the_result_json() {
        int code = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31");

        assertThat(code).isZero();
        JsonNode result = JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("period").asString()).isEqualTo("2026");
        assertThat(result.get("ruleSet").get("checksum").asString()).startsWith("sha256:");
        assertThat(organization(result, "V-HONGQI").get("composite").asDouble()).isEqualTo(97.08);
    }

    @Test
    void out_writes_the_file_and_nothing_to_standard_output() throws IOException {
        Path target = dir.resolve("result.json");
        int code = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-07-15",
                "--out", target.toString());

        assertThat(code).isZero();
        assertThat(out.size()).isZero();
        JsonNode result = JsonMapper.shared().readTree(Files.readString(target));
        assertThat(organization(result, "V-HONGQI").get("composite").asDouble()).isEqualTo(97.46);
    }

    @Test
    void a_changed_number_in_a_rule_directory_changes_the_result_without_rebuilding() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        for (Map.Entry<String, String> f : RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR).entrySet()) {
            String content = f.getValue();
            if (f.getKey().equals("30-cohesion.drl")) {
                // CO-02: 15 → 20 points for full study attendance
                String co02 = "final double WEIGHT = 15;\n    insert(new Line($o, \"CO-02\"";
                assertThat(content).contains(co02);
                content = content.replace(co02, co02.replace("15", "20"));
            }
            Files.writeString(rules.resolve(f.getKey()), content);
        }

        int code = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31",
                "--rules", rules.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode hongqi = organization(JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8)), "V-HONGQI");
        // 0.98 × 20 = 19.6 instead of 14.7; cohesion 96.37 + 4.9 clamps at 100
        assertThat(hongqi.get("explanation").get(1).get("points").asDouble()).isEqualTo(19.6);
        assertThat(hongqi.get("cohesion").asDouble()).isEqualTo(100.0);
    }

    @Test
    void a_rule_file_that_does_not_compile_is_reported_with_its_line() throws IOException {
        Path rules = dir.resolve("broken");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("broken.drl"), """
                package org.grassroots.assessment.rules;
                import org.grassroots.assessment.model.*;

                rule "X-01 broken"
                when
                    PeriodFacts( members >>> 3 )
                then
                end
                """);

        int code = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--rules", rules.toString());

        assertThat(code).isEqualTo(AssessmentCli.BAD_RULES);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.drl:6");
        assertThat(out.size()).isZero();
    }

    @Test
    void an_invalid_bundle_prints_every_problem_and_exits_non_zero() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"organizations": [
                  {"code": "A 1", "name": "", "type": "VILLAGE", "level": "BRANCH", "parentCode": null},
                  {"code": "B", "name": "乙", "type": "TOWN", "level": "BRANCH", "parentCode": "NOPE"}
                ]}
                """);

        int code = run("evaluate", "--bundle", bad.toString(), "--period", "2026");

        assertThat(code).isEqualTo(AssessmentCli.INVALID_INPUT);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("/organizations/0/code", "/organizations/0/name", "/organizations/1/type",
                "/organizations/1/parentCode");
        assertThat(errors).doesNotContain("Exception", "\tat ");
        assertThat(out.size()).isZero();
    }

    @Test
    void usage_errors_exit_with_2() {
        assertThat(run()).isEqualTo(AssessmentCli.USAGE);
        assertThat(run("evaluate", "--period", "2026")).isEqualTo(AssessmentCli.USAGE);
        assertThat(run("evaluate", "--bundle", bundle.toString(), "--period", "2026-Q5")).isEqualTo(AssessmentCli.USAGE);
        assertThat(run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2025-12-31"))
                .isEqualTo(AssessmentCli.USAGE);
        assertThat(run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--colour", "red"))
                .isEqualTo(AssessmentCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }

    @Test
    void a_missing_bundle_file_is_a_clear_error() {
        int code = run("evaluate", "--bundle", dir.resolve("nope.json").toString(), "--period", "2026");

        assertThat(code).isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json");
    }

    @Test
    void previous_tiers_given_are_what_movement_compares_with_whole_or_streamed() throws IOException {
        int plain = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31");
        assertThat(plain).isZero();
        JsonNode evaluated = JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8));
        // every organization but one was weak (软弱涣散) the year before, by the file's word
        StringBuilder tiers = new StringBuilder();
        String left = null;
        for (JsonNode o : evaluated.get("organizations")) {
            if (left == null) {
                left = o.get("code").asString();
                continue;
            }
            tiers.append(tiers.length() == 0 ? "" : ", ").append('"').append(o.get("code").asString()).append("\": \"WEAK\"");
        }
        Path file = dir.resolve("previous.json");
        Files.writeString(file, "{\"period\": \"2025\", \"source\": \"考评 #1\", \"tiers\": {" + tiers + "}}");
        out.reset();

        int given = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31",
                "--previous-tiers", file.toString());

        assertThat(given).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8));
        int converted = 0;
        for (JsonNode o : result.get("organizations")) {
            String code = o.get("code").asString();
            String expected = code.equals(left) ? "NEW" : o.get("tier").asString().equals("WEAK") ? "UNCHANGED" : "CONVERTED";
            assertThat(o.get("movement").asString()).as(code).isEqualTo(expected);
            converted += expected.equals("CONVERTED") ? 1 : 0;
            // nothing but movement depends on the previous tiers
            JsonNode before = organization(evaluated, code);
            assertThat(o.get("composite")).isEqualTo(before.get("composite"));
            assertThat(o.get("tier")).isEqualTo(before.get("tier"));
        }
        assertThat(converted).isPositive();
        assertThat(result.get("organizations").toString()).isNotEqualTo(evaluated.get("organizations").toString());

        Path temp = Files.createDirectory(dir.resolve("temp"));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        int streaming = runStreaming(temp, streamed, new ByteArrayOutputStream(), "evaluate", "--bundle", bundle.toString(),
                "--period", "2026", "--as-of", "2026-12-31", "--previous-tiers", file.toString());
        assertThat(streaming).isZero();
        assertThat(streamed.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void a_bad_previous_tiers_file_names_every_problem_and_evaluates_nothing() throws IOException {
        Path file = dir.resolve("previous.json");
        Files.writeString(file, "{\"period\": \"2024\", \"tiers\": {\"V-HONGQI\": \"较好\", \"A/B\": 3, \"V-SHIQIAO\": \"GOOD\"}}");

        int code = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--previous-tiers", file.toString());

        assertThat(code).isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(out.size()).isZero();
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("3 problem(s)", "/period: must be 2025", "/tiers/V-HONGQI: must be one of WEAK, AVERAGE, GOOD, ADVANCED",
                "/tiers/A~1B: must be one of").doesNotContain("V-SHIQIAO");

        Files.writeString(file, "[1, 2]");
        err.reset();
        assertThat(run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--previous-tiers", file.toString()))
                .isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/: must be an object");

        Files.writeString(file, "{\"tiers\": ");
        err.reset();
        assertThat(run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--previous-tiers", file.toString()))
                .isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("are not JSON");

        Files.writeString(file, "{\"period\": \"2025\"}");
        err.reset();
        assertThat(run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--previous-tiers", file.toString()))
                .isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/tiers: must be an object");
    }

    /** A CLI that streams every bundle (as it does above a fifth of the heap), spilling into {@code temp}. */
    private int runStreaming(Path temp, ByteArrayOutputStream toOut, ByteArrayOutputStream toErr, String... args) {
        return new AssessmentCli(new PrintStream(toOut, true, StandardCharsets.UTF_8),
                new PrintStream(toErr, true, StandardCharsets.UTF_8), 0, temp).run(args);
    }

    @Test
    void a_streamed_bundle_gives_the_same_bytes_and_leaves_no_temporary_file() throws IOException {
        Path temp = Files.createDirectory(dir.resolve("temp"));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        ByteArrayOutputStream streamedErr = new ByteArrayOutputStream();

        int inMemory = run("evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31");
        int streaming = runStreaming(temp, streamed, streamedErr,
                "evaluate", "--bundle", bundle.toString(), "--period", "2026", "--as-of", "2026-12-31");

        assertThat(inMemory).isZero();
        assertThat(streaming).isZero();
        assertThat(out.size()).isGreaterThan(10_000);
        assertThat(streamed.toByteArray()).isEqualTo(out.toByteArray());
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_streamed_invalid_bundle_prints_the_same_problems_and_leaves_no_temporary_file() throws IOException {
        Path temp = Files.createDirectory(dir.resolve("temp"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"organizations": [
                  {"code": "A 1", "name": "", "type": "VILLAGE", "level": "BRANCH", "parentCode": null},
                  {"code": "B", "name": "乙", "type": "VILLAGE", "level": "BRANCH", "parentCode": "NOPE"},
                  {"code": "C", "name": "丙", "type": "VILLAGE", "level": "BRANCH", "parentCode": null}
                ],
                "periodFacts": [],
                "members": [{"memberId": "M1", "orgCode": "C", "period": "2026", "floating": false,
                  "serviceHours": 1, "appraisal": "COMPETENT", "innovations": 0, "managementResults": 0,
                  "studyAttendanceRate": 0.5, "testScore": 60, "disciplinaryAction": false}]}
                """);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        ByteArrayOutputStream streamedErr = new ByteArrayOutputStream();

        int inMemory = run("evaluate", "--bundle", bad.toString(), "--period", "2026");
        int streaming = runStreaming(temp, streamed, streamedErr, "evaluate", "--bundle", bad.toString(), "--period", "2026");

        assertThat(inMemory).isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(streaming).isEqualTo(AssessmentCli.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/organizations/0/code",
                "/organizations/1/parentCode", "/members/0: no period facts for C in 2026");
        assertThat(streamedErr.toString(StandardCharsets.UTF_8)).isEqualTo(err.toString(StandardCharsets.UTF_8));
        assertThat(streamed.size()).isZero();
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }
}
