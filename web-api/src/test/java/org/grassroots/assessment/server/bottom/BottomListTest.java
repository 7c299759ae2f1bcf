package org.grassroots.assessment.server.bottom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.server.evaluation.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reverse-ranked list explained, checked against the stored result rows of a synthetic district
 * (the cut-off, the borderline set and the loss lines computed here from the rows), and the
 * sensitivity counts checked against the what-if of a draft saved with the moved number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + BottomListTest.DATA_DIR, "assessment.demo=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BottomListTest {

    static final String DATA_DIR = "target/test-data/bottom-list";

    @LocalServerPort
    int port;

    static long evaluation;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void the_list_its_cut_off_borderline_and_losses_follow_from_the_stored_results() {
        ApiClient api = api();
        ApiClient.Response imported = api.postBytes("/api/import", SyntheticBundleGenerator.bytes(200, 11));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        evaluation = api.evaluate("2026", "2026-12-31");
        JsonNode stored = api.evaluation(evaluation);

        ApiClient.Response r = api.get("/api/evaluations/" + evaluation + "/bottom-list");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode list = r.json();
        // the policy's 2 points, as 95-ranking.drl states them
        assertThat(list.get("borderlinePoints").asDouble()).isEqualTo(2.0);
        double borderline = list.get("borderlinePoints").asDouble();

        Map<String, List<JsonNode>> byType = new TreeMap<>();
        for (JsonNode o : stored.get("organizations")) {
            byType.computeIfAbsent(o.get("type").asString(), t -> new ArrayList<>()).add(o);
        }
        Map<String, JsonNode> answered = new HashMap<>();
        for (JsonNode t : list.get("types")) {
            answered.put(t.get("type").asString(), t);
        }
        int typesWithList = 0;
        int borderlineOffList = 0;
        for (Map.Entry<String, List<JsonNode>> e : byType.entrySet()) {
            List<JsonNode> orgs = e.getValue();
            List<JsonNode> listed = orgs.stream().filter(BottomListTest::reverseRanked).toList();
            if (listed.isEmpty()) {
                assertThat(answered).doesNotContainKey(e.getKey());
                continue;
            }
            typesWithList++;
            JsonNode t = answered.get(e.getKey());
            assertThat(t).as(e.getKey()).isNotNull();
            double cutOff = listed.stream().mapToDouble(o -> o.get("composite").asDouble()).max().getAsDouble();
            assertThat(t.get("cutOff").asDouble()).isEqualTo(cutOff);
            assertThat(t.get("listed").asInt()).isEqualTo(listed.size());
            assertThat(t.get("organizations").asInt()).isEqualTo(orgs.size());

            Set<String> expected = new HashSet<>();
            Set<String> expectedBorderline = new HashSet<>();
            for (JsonNode o : orgs) {
                boolean near = Math.abs(o.get("composite").asDouble() - cutOff) <= borderline + 1e-9;
                if (near) {
                    expectedBorderline.add(o.get("code").asString());
                }
                if (near || reverseRanked(o)) {
                    expected.add(o.get("code").asString());
                }
                if (near && !reverseRanked(o)) {
                    borderlineOffList++;
                }
            }
            Set<String> codes = new HashSet<>();
            Set<String> borderlineCodes = new HashSet<>();
            for (JsonNode entry : t.get("entries")) {
                String code = entry.get("code").asString();
                codes.add(code);
                if (entry.get("borderline").asBoolean()) {
                    borderlineCodes.add(code);
                }
                JsonNode org = orgs.stream().filter(o -> o.get("code").asString().equals(code)).findFirst().orElseThrow();
                assertThat(entry.get("reverseRanked").asBoolean()).isEqualTo(reverseRanked(org));
                assertThat(entry.get("losses")).as(code).isEqualTo(expectedLosses(org, orgs));
            }
            assertThat(codes).isEqualTo(expected);
            assertThat(borderlineCodes).isEqualTo(expectedBorderline);
        }
        assertThat(typesWithList).isPositive();

        // the office's page shows the same list
        ApiClient.Response page = api.get("/office/evaluations/" + evaluation + "/bottom-list");
        assertThat(page.status()).isEqualTo(200);
        for (JsonNode t : list.get("types")) {
            assertThat(page.body()).contains("id=\"type-" + t.get("type").asString() + "\"");
            for (JsonNode entry : t.get("entries")) {
                assertThat(page.body()).contains("id=\"entry-" + entry.get("code").asString() + "\"");
            }
        }
        assertThat(page.body()).contains("敏感性分析").contains("尚未计算");
        assertThat(borderlineOffList).as("organizations just above the cut-off").isPositive();
    }

    @Test
    @Order(2)
    void sensitivity_counts_equal_the_what_if_of_a_draft_with_the_moved_weight() throws Exception {
        ApiClient api = api();
        assertThat(api.get("/api/evaluations/" + evaluation + "/sensitivity").json().get("state").asString())
                .isEqualTo("NONE");
        assertThat(api.post("/api/evaluations/" + evaluation + "/sensitivity?constant=NO_SUCH", "").status())
                .isEqualTo(400);
        ApiClient.Response started = api.post("/api/evaluations/" + evaluation + "/sensitivity?constant=COHESION_WEIGHT", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode status = waitUntilDone(api);
        assertThat(status.get("rows")).hasSize(2);
        JsonNode audited = api.get("/api/audit?action=SENSITIVITY_REQUESTED&target=evaluation:" + evaluation).json();
        assertThat(audited.get("total").asInt()).isEqualTo(1);
        assertThat(audited.get("entries").get(0).get("summary").asString()).contains("COHESION_WEIGHT");

        JsonNode files = activeFiles(api);
        int changedSomething = 0;
        for (JsonNode row : status.get("rows")) {
            assertThat(row.get("constant").asString()).isEqualTo("COHESION_WEIGHT");
            int step = row.get("stepPercent").asInt();
            WhatIf counts = whatIf(api, files, "COHESION_WEIGHT", step);
            assertThat(counts.valueAfter()).isEqualTo(row.get("valueAfter").asString());
            assertThat(row.get("tierChanged").asInt()).as("step " + step).isEqualTo(counts.tierChanged());
            assertThat(row.get("cutOffCrossed").asInt()).as("step " + step).isEqualTo(counts.crossed());
            changedSomething += counts.tierChanged() + counts.crossed();
        }
        assertThat(changedSomething).as("moving a weight by 10 % moves someone").isPositive();
        // kept: asking again computes nothing
        JsonNode again = api.post("/api/evaluations/" + evaluation + "/sensitivity?constant=COHESION_WEIGHT", "").json();
        assertThat(again.get("state").asString()).isEqualTo("DONE");
        assertThat(again.get("rows").toString()).isEqualTo(status.get("rows").toString());
    }

    @Test
    @Order(3)
    void sensitivity_counts_the_inputs_the_evaluation_kept_even_after_the_facts_changed() throws Exception {
        ApiClient api = api();
        JsonNode files = activeFiles(api);
        WhatIf up = whatIf(api, files, "GOOD_FROM", 10);
        WhatIf down = whatIf(api, files, "GOOD_FROM", -10);
        // the organizations that a higher 较好 threshold would move lose their organizational life
        int changed = 0;
        for (JsonNode o : api.evaluation(evaluation).get("organizations")) {
            if (!o.get("tier").asString().equals("GOOD") || o.get("composite").asDouble() >= 82.5) {
                continue;
            }
            String code = o.get("code").asString();
            ObjectNode facts = (ObjectNode) api.get("/api/organizations/" + code + "/facts/2026").json();
            for (String field : List.of("branchGeneralMeetings", "committeeMeetings", "partyLectures", "themePartyDays")) {
                facts.put(field, 0);
            }
            ApiClient.Response put = api.put("/api/organizations/" + code + "/facts/2026", facts.toString());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            changed++;
        }
        assertThat(changed).as("organizations GOOD below 82.5").isPositive();
        // on the facts as they are now the same move counts differently (the test could tell)
        assertThat(whatIf(api, files, "GOOD_FROM", 10).tierChanged()).isNotEqualTo(up.tierChanged());

        ApiClient.Response started = api.post("/api/evaluations/" + evaluation + "/sensitivity?constant=GOOD_FROM", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode rows = waitUntilDone(api).get("rows");
        int seen = 0;
        for (JsonNode row : rows) {
            if (!row.get("constant").asString().equals("GOOD_FROM")) {
                continue;
            }
            WhatIf expected = row.get("stepPercent").asInt() > 0 ? up : down;
            assertThat(row.get("valueAfter").asString()).isEqualTo(expected.valueAfter());
            assertThat(row.get("tierChanged").asInt()).as(row.toString()).isEqualTo(expected.tierChanged());
            assertThat(row.get("cutOffCrossed").asInt()).as(row.toString()).isEqualTo(expected.crossed());
            seen++;
        }
        assertThat(seen).isEqualTo(2);
    }

    @Test
    @Order(4)
    void unknown_evaluations_are_not_found() {
        assertThat(api().get("/api/evaluations/999999/bottom-list").status()).isEqualTo(404);
        assertThat(api().get("/api/evaluations/999999/sensitivity").status()).isEqualTo(404);
        assertThat(api().post("/api/evaluations/999999/sensitivity", "").status()).isEqualTo(404);
    }

    private static JsonNode activeFiles(ApiClient api) {
        JsonNode active = api.get("/api/rules/active").json();
        return api.get("/api/rules/versions/" + active.get("id").asLong()).json().get("files");
    }

    /** A draft's what-if counts: organizations that change tier, and that enter or leave the reverse list. */
    private record WhatIf(String valueAfter, int tierChanged, int crossed) {
    }

    /** The what-if of a draft of the active files with {@code constant} moved by {@code step} %, counted. */
    private static WhatIf whatIf(ApiClient api, JsonNode files, String constant, int step) {
        ObjectNode rules = ResultJson.mapper().createObjectNode();
        String moved = null;
        for (Map.Entry<String, JsonNode> f : files.properties()) {
            String name = f.getKey();
            String text = f.getValue().asString();
            if (name.startsWith("scenarios/")) {
                continue;
            }
            Matcher m = Pattern.compile("final double " + constant + " = ([0-9.]+);").matcher(text);
            if (m.find()) {
                BigDecimal after = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(100 + step))
                        .divide(BigDecimal.valueOf(100)).stripTrailingZeros();
                moved = after.toPlainString();
                text = text.substring(0, m.start(1)) + moved + text.substring(m.end(1));
            }
            if (name.equals("ruleset.properties")) {
                text = text.replaceAll("(?m)^version=.*$", "version=sensitivity-test-" + constant + "-"
                        + System.nanoTime() + (step > 0 ? "-up" : "-down"));
            }
            rules.put(name, text);
        }
        assertThat(moved).as(constant + " stated in the active files").isNotNull();
        ObjectNode body = ResultJson.mapper().createObjectNode();
        body.set("files", rules);
        body.put("comment", constant + " " + step + "%");
        ApiClient.Response draft = api.post("/api/rules/drafts", body.toString());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        ApiClient.Response whatIf = api.post("/api/rules/drafts/" + draft.json().get("id").asLong()
                + "/what-if?period=2026&asOf=2026-12-31", "");
        assertThat(whatIf.status()).as(whatIf.body()).isEqualTo(200);
        int tierChanged = 0;
        int crossed = 0;
        for (JsonNode c : whatIf.json().get("changed")) {
            JsonNode before = c.get("before");
            JsonNode after = c.get("after");
            if (!before.get("tier").equals(after.get("tier"))) {
                tierChanged++;
            }
            if (before.get("flags").toString().contains("REVERSE_RANKED")
                    != after.get("flags").toString().contains("REVERSE_RANKED")) {
                crossed++;
            }
        }
        return new WhatIf(moved, tierChanged, crossed);
    }

    private JsonNode waitUntilDone(ApiClient api) throws InterruptedException {
        long until = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < until) {
            JsonNode s = api.get("/api/evaluations/" + evaluation + "/sensitivity").json();
            String state = s.get("state").asString();
            assertThat(state).as(s.toString()).isNotEqualTo("FAILED");
            if (state.equals("DONE")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sensitivity run did not finish");
    }

    private static boolean reverseRanked(JsonNode o) {
        return o.get("flags").toString().contains("REVERSE_RANKED");
    }

    /** The three rules (by dimension) where the organization is furthest below its type's median, as JSON. */
    private static JsonNode expectedLosses(JsonNode org, List<JsonNode> type) {
        Map<String, double[]> all = new TreeMap<>();
        for (int i = 0; i < type.size(); i++) {
            for (Map.Entry<String, Double> e : sums(type.get(i)).entrySet()) {
                all.computeIfAbsent(e.getKey(), k -> new double[type.size()])[i] = e.getValue();
            }
        }
        Map<String, Double> own = sums(org);
        List<Object[]> losses = new ArrayList<>();
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            double points = own.getOrDefault(e.getKey(), 0.0);
            double loss = Math.round((median - points) * 100) / 100.0;
            if (loss > 0) {
                losses.add(new Object[] {e.getKey(), points, median, loss});
            }
        }
        losses.sort((a, b) -> {
            int c = Double.compare((double) b[3], (double) a[3]);
            if (c != 0) {
                return c;
            }
            String[] ka = ((String) a[0]).split("/");
            String[] kb = ((String) b[0]).split("/");
            c = ka[1].compareTo(kb[1]);
            return c != 0 ? c : Integer.compare(dimensionOrder(ka[0]), dimensionOrder(kb[0]));
        });
        List<Map<String, Object>> json = new ArrayList<>();
        for (Object[] l : losses.subList(0, Math.min(3, losses.size()))) {
            String[] key = ((String) l[0]).split("/");
            List<String> reasons = new ArrayList<>();
            for (JsonNode line : org.get("explanation")) {
                if (line.get("rule").asString().equals(key[1]) && line.get("dimension").asString().equals(key[0])) {
                    reasons.add(line.get("reason").asString());
                }
            }
            double median = Math.round((double) l[2] * 100) / 100.0;
            if (reasons.isEmpty()) {
                reasons.add("无此项得分（本类组织中位数 " + median + " 分）");
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("rule", key[1]);
            m.put("dimension", key[0]);
            m.put("points", Math.round((double) l[1] * 100) / 100.0);
            m.put("median", median);
            m.put("loss", l[3]);
            m.put("reasons", reasons);
            json.add(m);
        }
        return ResultJson.mapper().readTree(ResultJson.mapper().writeValueAsString(json));
    }

    private static int dimensionOrder(String dimension) {
        return org.grassroots.assessment.evaluation.Dimension.valueOf(dimension).ordinal();
    }

    private static Map<String, Double> sums(JsonNode org) {
        Map<String, Double> sums = new HashMap<>();
        for (JsonNode line : org.get("explanation")) {
            sums.merge(line.get("dimension").asString() + "/" + line.get("rule").asString(),
                    line.get("points").asDouble(), Double::sum);
        }
        return sums;
    }
}
