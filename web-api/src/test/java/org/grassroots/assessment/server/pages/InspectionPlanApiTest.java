package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, inspection plans on the demo district through the API: the lead (李明, 督查一组) proposes a
 * plan for 柳河镇 (XQ-Z01) over the next 60 days; no visit goes to 督查二组, whose 陈刚 belongs to
 * 柳河镇 (回避), and the others share the load; the lead's adjustments are checked (回避, the
 * range), the plan is confirmed, two visits are recorded against it and counted done. The covert
 * schedule stays secret: every other role gets 404, an inspector of another team sees only his
 * team's visits, and the audit trail names who read the plan but no planned day.
 * (Shares the browser tests' Spring context: the demo district, its clock.)
 */
class InspectionPlanApiTest extends BrowserTest {

    @Test
    void a_lead_plans_one_township_adjusts_confirms_and_sees_the_visits_done() throws Exception {
        Api lead = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(60);

        Api.Reply refused = lead.post("/api/inspection-plans", """
                {"name": "", "rootOrgCode": "NO-SUCH", "startsOn": "%s", "endsOn": "%s"}""".formatted(today, today.minusDays(1)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("/name").contains("/rootOrgCode").contains("/endsOn");

        String name = "柳河镇冬季督查-" + System.nanoTime();
        Api.Reply created = lead.post("/api/inspection-plans", """
                {"name": "%s", "rootOrgCode": "XQ-Z01", "startsOn": "%s", "endsOn": "%s"}""".formatted(name, today, last));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode plan = created.json();
        long id = plan.get("summary").get("id").asLong();
        assertThat(plan.get("summary").get("status").asString()).isEqualTo("DRAFT");
        JsonNode visits = plan.get("visits");
        JsonNode due = lead.get("/api/inspections/due?asOf=" + last + "&orgCode=XQ-Z01").json();
        Set<String> dueOrgs = new HashSet<>();
        due.get("visits").forEach(d -> dueOrgs.add(d.get("orgCode").asString()));
        assertThat(visits.size()).as("one visit per organization due by the last day").isEqualTo(dueOrgs.size()).isPositive();
        Map<String, Integer> load = new HashMap<>();
        for (JsonNode v : visits) {
            assertThat(v.get("team").asString()).as("回避: 陈刚 of 督查二组 belongs to 柳河镇").isNotEqualTo("督查二组");
            load.merge(v.get("team").asString(), 1, Integer::sum);
            LocalDate day = LocalDate.parse(v.get("plannedOn").asString());
            assertThat(day).isBetween(today, last);
            assertThat(v.get("township").asString()).isEqualTo("柳河镇党委");
            assertThat(v.get("state").asString()).isEqualTo("DUE");
        }
        assertThat(load.keySet()).containsExactlyInAnyOrder("督查一组", "督查三组");
        assertThat(Math.abs(load.get("督查一组") - load.get("督查三组"))).as("the load balanced").isLessThanOrEqualTo(1);

        // the lead adjusts: 督查二组 is refused (回避), a day outside the plan too; 督查三组 on a day inside is taken
        JsonNode first = visits.get(0);
        long firstId = first.get("id").asLong();
        Api.Reply avoid = lead.put("/api/inspection-plans/" + id + "/visits/" + firstId, """
                {"team": "督查二组", "plannedOn": "%s"}""".formatted(today.plusDays(3)));
        assertThat(avoid.status()).isEqualTo(400);
        assertThat(avoid.body()).contains("/team").contains("回避");
        Api.Reply outside = lead.put("/api/inspection-plans/" + id + "/visits/" + firstId, """
                {"team": "督查三组", "plannedOn": "%s"}""".formatted(last.plusDays(1)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("/plannedOn");
        Api.Reply moved = lead.put("/api/inspection-plans/" + id + "/visits/" + firstId, """
                {"team": "督查三组", "plannedOn": "%s"}""".formatted(today.plusDays(3)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode movedVisit = find(moved.json().get("visits"), firstId);
        assertThat(movedVisit.get("team").asString()).isEqualTo("督查三组");
        assertThat(movedVisit.get("plannedOn").asString()).isEqualTo(today.plusDays(3).toString());

        Api.Reply confirmed = lead.post("/api/inspection-plans/" + id + "/confirm", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("summary").get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo("inspector");

        // two visits recorded against the plan: open ones where the plan asks for any, a covert one where it asks for covert
        List<JsonNode> recordedFor = new ArrayList<>();
        for (JsonNode v : visits) {
            if (recordedFor.size() < 2) {
                recordedFor.add(v);
            }
        }
        int n = 0;
        for (JsonNode v : recordedFor) {
            String visitId = "PLAN-" + id + "-" + (++n);
            Api.Reply posted = lead.post("/api/visits", """
                    {"visitId": "%s", "orgCode": "%s", "date": "%s", "mode": "%s", "team": "%s",
                     "inspectors": ["李明"], "findings": []}""".formatted(visitId, v.get("orgCode").asString(), today,
                    v.get("covert").asBoolean() ? "COVERT" : "OPEN", v.get("team").asString()));
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        }
        JsonNode after = lead.get("/api/inspection-plans/" + id).json();
        JsonNode counts = after.get("summary").get("counts");
        assertThat(counts.get("done").asInt()).isEqualTo(2);
        assertThat(counts.get("due").asInt()).isEqualTo(visits.size() - 2);
        assertThat(counts.get("missed").asInt()).isZero();
        for (int i = 0; i < 2; i++) {
            JsonNode done = find(after.get("visits"), recordedFor.get(i).get("id").asLong());
            assertThat(done.get("state").asString()).isEqualTo("DONE");
            assertThat(done.get("visitId").asString()).isEqualTo("PLAN-" + id + "-" + (i + 1));
        }

        // secrecy: every other role gets 404 for the plan and the list, as for a plan that does not exist
        for (String[] user : new String[][]{{"admin", TestUsers.ADMIN_PASSWORD}, {"evaluator", DEMO_PASSWORD},
                {"maintainer", DEMO_PASSWORD}, {"donggang", DEMO_PASSWORD}, {"liuhe", DEMO_PASSWORD}}) {
            Api other = new Api(port, TestUsers.basic(user[0], user[1]));
            assertThat(other.get("/api/inspection-plans/" + id).status()).as(user[0]).isEqualTo(404);
            assertThat(other.get("/api/inspection-plans").status()).as(user[0]).isEqualTo(404);
            assertThat(other.get("/api/inspection-plans/" + id).body()).doesNotContain(today.plusDays(3).toString());
            assertThat(other.post("/api/inspection-plans/" + id + "/confirm", "").status()).as(user[0]).isEqualTo(404);
        }
        // 督查二组 has nothing in the plan: not even that the plan exists; 督查三组 sees its own visits only
        Api second = new Api(port, TestUsers.basic("inspector2", DEMO_PASSWORD));
        assertThat(second.get("/api/inspection-plans/" + id).status()).isEqualTo(404);
        assertThat(second.get("/api/inspection-plans").json().findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(id);
        Api third = new Api(port, TestUsers.basic("inspector3", DEMO_PASSWORD));
        JsonNode seen = third.get("/api/inspection-plans/" + id).json();
        assertThat(seen.get("visits").size()).isEqualTo(load.get("督查三组") + 1);
        seen.get("visits").forEach(v -> assertThat(v.get("team").asString()).isEqualTo("督查三组"));
        assertThat(seen.get("teams").size()).as("only a lead gets the teams to assign").isZero();
        assertThat(third.put("/api/inspection-plans/" + id + "/visits/" + firstId, """
                {"team": "督查三组", "plannedOn": "%s"}""".formatted(today.plusDays(4))).status())
                .as("a member who does not lead adjusts nothing").isEqualTo(403);

        // the audit trail: created, changed, confirmed, read (and by whom), never a planned day
        Api admin = new Api(port, TestUsers.basic("admin", TestUsers.ADMIN_PASSWORD));
        JsonNode trail = admin.get("/api/audit?target=plan:" + id + "&size=200").json().get("entries");
        Set<String> actions = new HashSet<>();
        Set<String> readers = new HashSet<>();
        Set<String> plannedDays = new HashSet<>();
        after.get("visits").forEach(v -> plannedDays.add(v.get("plannedOn").asString()));
        for (JsonNode e : trail) {
            actions.add(e.get("action").asString());
            if (e.get("action").asString().equals("INSPECTION_PLAN_READ")) {
                readers.add(e.get("actor").asString());
            }
            for (String day : plannedDays) {
                assertThat(e.get("summary").asString()).doesNotContain(day);
            }
        }
        assertThat(actions).contains("INSPECTION_PLAN_CREATED", "INSPECTION_PLAN_CHANGED", "INSPECTION_PLAN_CONFIRMED",
                "INSPECTION_PLAN_READ");
        assertThat(readers).contains("inspector", "inspector3");

        // the office's downloads hold nothing of a plan: its name (unique to this test) appears in none
        long evaluation = admin.get("/api/evaluations").json().get(0).get("id").asLong();
        for (String path : List.of("/api/import/export.xlsx?period=" + today.getYear(), "/api/evaluations/" + evaluation + "/export?format=csv",
                "/api/evaluations/" + evaluation + "/export?format=xlsx")) {
            String text = downloadText(path);
            assertThat(text).as(path).isNotEmpty().doesNotContain(name);
        }
    }

    /** A download as the office reads it: the text itself, or every part of an .xlsx (a zip) as text. */
    private String downloadText(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestUsers.basic("evaluator", DEMO_PASSWORD)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        byte[] body = response.body();
        if (body.length < 2 || body[0] != 'P' || body[1] != 'K') {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, body);
            StringBuilder text = new StringBuilder();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    text.append(new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static JsonNode find(JsonNode visits, long id) {
        for (JsonNode v : visits) {
            if (v.get("id").asLong() == id) {
                return v;
            }
        }
        throw new AssertionError("no planned visit " + id);
    }
}
