package org.grassroots.assessment.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an attack on the server found besides the rule language (issue 12, section 5): a race on a
 * user name, dates far beyond any period, hostile evidence names and organization names, the API's
 * description open to anyone, the container's own error pages, staff names shown to an
 * organization's representative. Each is a clear answer now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AttackFindingsTest.DATA_DIR, "assessment.demo=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackFindingsTest {

    static final String DATA_DIR = "target/test-data/attack-findings";
    static final String REP = "hongqi-rep";
    static final String REP_PASSWORD = "hongqi-password-1";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    private Api admin;
    private long evaluation;

    @BeforeAll
    void workedExampleEvaluatedByTheAdministratorAndARepresentative() {
        admin = new Api(port);
        assertThat(admin.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
        Api.Reply run = admin.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        evaluation = run.json().get("id").asLong();
        assertThat(admin.post("/api/evaluations/" + evaluation + "/publish", "").status()).isEqualTo(200);
        assertThat(admin.post("/api/users", "{\"username\":\"" + REP + "\",\"password\":\"" + REP_PASSWORD
                + "\",\"displayName\":\"红旗村联系人\",\"role\":\"ORG_REP\",\"orgCode\":\"V-HONGQI\"}").status())
                .isEqualTo(201);
    }

    private static boolean isClearProblem(Api.Reply reply, int status) {
        return reply.status() == status && reply.contentType().startsWith("application/problem+json")
                && !reply.body().matches("(?s).*(Exception|\\tat |org\\.h2|SQL|tools\\.jackson|java\\.).*");
    }

    private static List<String> paths(Api.Reply reply) {
        List<String> paths = new ArrayList<>();
        reply.json().path("errors").forEach(e -> paths.add(e.path("path").asString()));
        return paths;
    }

    // 1. a race on one user name

    @Test
    void twenty_parallel_creations_of_one_user_name_give_one_201_and_409s() throws Exception {
        String body = "{\"username\":\"race-user\",\"password\":\"long-enough-1\",\"displayName\":\"并发用户\","
                + "\"role\":\"EVALUATOR\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Api.Reply> create = () -> {
                    start.await();
                    return admin.post("/api/users", body);
                };
                replies.add(pool.submit(create));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new LinkedHashMap<>();
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get();
                statuses.merge(reply.status(), 1, Integer::sum);
                if (reply.status() == 409) {
                    assertThat(isClearProblem(reply, 409)).as(reply.body()).isTrue();
                    assertThat(reply.json().path("detail").asString()).contains("用户已存在");
                }
            }
            assertThat(statuses).as("statuses").containsOnlyKeys(201, 409).containsEntry(201, 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.get("/api/users/race-user").status()).isEqualTo(200);
    }

    // 2. dates beyond the years of the periods

    @Test
    void dates_far_out_of_range_are_400_problems_naming_the_field() {
        Map<String, Api.Reply> replies = new LinkedHashMap<>();
        replies.put("/asOf", admin.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"+999999999-12-31\"}"));
        replies.put("/asOf ", admin.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"3000-01-01\"}"));
        replies.put("/asOf  ", admin.get("/api/organizations/V-HONGQI/result?period=2026&asOf=%2B999999999-12-31"));
        replies.put("/asOf   ", admin.get("/api/organizations/V-HONGQI/result?period=2026&asOf=-999999999-01-01"));
        replies.put("/dueBefore", admin.get("/api/rectifications?dueBefore=%2B999999999-12-31"));
        replies.put("/asOf    ", admin.get("/api/rectifications?asOf=-999999999-01-01"));
        replies.put("/asOf     ", admin.get("/api/rectifications/1?asOf=%2B999999999-12-31"));
        replies.put("/from", admin.get("/api/visits?from=%2B999999999-12-31"));
        replies.put("/to", admin.get("/api/visits?to=-999999999-01-01"));
        replies.put("/from ", admin.get("/api/audit?from=9999-12-31"));
        replies.put("/to ", admin.get("/api/audit?to=%2B999999-12-31T23:59:59Z"));
        replies.put("/to  ", admin.get("/api/audit?to=3000-01-01T00:00:00Z"));
        replies.put("/asOf      ", admin.post("/api/rules/drafts/1/what-if?period=2026&asOf=%2B999999999-12-31", ""));
        replies.put("/date", admin.post("/api/visits", "{\"visitId\":\"OLD-1\",\"orgCode\":\"V-HONGQI\","
                + "\"date\":\"0001-01-01\",\"mode\":\"OPEN\",\"team\":\"第一督查组\",\"inspectors\":[\"王明\"],"
                + "\"findings\":[{\"item\":\"C07\"}]}"));
        Map<String, String> wrong = new LinkedHashMap<>();
        replies.forEach((path, reply) -> {
            String expected = path.strip();
            if (!isClearProblem(reply, 400) || !paths(reply).contains(expected)
                    || !reply.json().path("errors").toString().matches("(?s).*(日期|date).*")) {
                wrong.put(path, reply.status() + " " + reply.body());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(replies.get("/dueBefore").json().path("detail").asString()).contains("日期须在 1900-01-01 至 2999-12-31");
        // the bounds themselves are dates
        assertThat(admin.get("/api/rectifications?dueBefore=2999-12-31").status()).isEqualTo(200);
        assertThat(admin.get("/api/audit?from=1900-01-01&to=2999-12-31").status()).isEqualTo(200);
    }

    // 4. evidence names; 6. organization names

    private static String visit(String id, String evidence) {
        return "{\"visitId\":\"" + id + "\",\"orgCode\":\"V-SHIQIAO\",\"date\":\"2026-03-02\",\"mode\":\"OPEN\","
                + "\"team\":\"第一督查组\",\"inspectors\":[\"王明\"],\"findings\":[{\"item\":\"C07\",\"evidence\":"
                + evidence + "}]}";
    }

    @Test
    void evidence_names_are_plain_file_names_at_every_entrance() {
        Map<String, String> hostile = Map.of(
                "\"../../etc/passwd\"", "..",
                "\"photos/C07.jpg\"", "/",
                "\"photos\\\\C07.jpg\"", "\\",
                "\"C07\\u0000.jpg\"", "control",
                "\"C07\\n.jpg\"", "control",
                "\"   \"", "blank",
                "\"javascript:alert(1)//x\"", "/",
                "\"https://example.org/a b.jpg\"", "white space in a link");
        hostile.forEach((name, why) -> {
            Api.Reply reply = admin.post("/api/visits", visit("EV-1", "[\"ok.jpg\"," + name + "]"));
            assertThat(isClearProblem(reply, 400)).as(name + " " + reply.body()).isTrue();
            assertThat(paths(reply)).as(name).containsExactly("/findings/0/evidence/1");
        });
        assertThat(admin.get("/api/visits/EV-1").status()).isEqualTo(404);
        // the bundle format's web links stay evidence, shown as links, never read as files
        Api.Reply linked = admin.post("/api/visits", visit("EV-3", "[\"https://pan.example.org/s/visit-C07.jpg\"]"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(admin.get("/inspection/visits/EV-3").body())
                .contains("href=\"https://pan.example.org/s/visit-C07.jpg\"").doesNotContain("photos/https");

        ObjectNode bundle = (ObjectNode) Api.JSON.readTree(Fixtures.bytes(Fixtures.WORKED_EXAMPLE));
        ((ObjectNode) bundle.get("visits").get(0).get("findings").get(0)).putArray("evidence").add("../secret.jpg");
        ((ObjectNode) bundle.get("visits").get(1).get("findings").get(0)).putArray("evidence").add("a.jpg")
                .add("C:\\photos\\b.jpg");
        Api.Reply imported = admin.post("/api/import", bundle.toString());
        assertThat(isClearProblem(imported, 400)).as(imported.body()).isTrue();
        assertThat(paths(imported)).containsExactly("/visits/0/findings/0/evidence/0", "/visits/1/findings/0/evidence/1");
    }

    @Test
    void an_import_reports_every_bad_organization_name() {
        ObjectNode bundle = (ObjectNode) Api.JSON.readTree(Fixtures.bytes(Fixtures.WORKED_EXAMPLE));
        ((ObjectNode) bundle.get("organizations").get(2)).put("name", " \t ");
        ((ObjectNode) bundle.get("organizations").get(3)).put("name", "石桥村\u0007党支部");
        ((ObjectNode) bundle.get("organizations").get(4)).put("name", "  幸福社区党委  ");
        Api.Reply imported = admin.post("/api/import", bundle.toString());
        assertThat(isClearProblem(imported, 400)).as(imported.body()).isTrue();
        assertThat(paths(imported)).containsExactly("/organizations/2/name", "/organizations/3/name");
    }

    @Test
    void evidence_names_are_percent_encoded_in_the_visit_page() {
        Api.Reply stored = admin.post("/api/visits", visit("EV-2", "[\"照片 #1?.jpg\",\"a%2e.jpg\"]"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        Api.Reply page = admin.get("/inspection/visits/EV-2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/inspection/visits/EV-2/photos/%E7%85%A7%E7%89%87%20%231%3F.jpg")
                .contains("/inspection/visits/EV-2/photos/a%252e.jpg")
                .doesNotContain("photos/照片");
    }

    @Test
    void organization_names_are_trimmed_and_never_blank_or_holding_control_characters() {
        String body = "{\"name\": \"%s\", \"type\": \"VILLAGE\", \"level\": \"BRANCH\", \"parentCode\": \"XQ-T01\"}";
        Api.Reply created = admin.put("/api/organizations/V-TRIM", body.formatted("  \\u3000新建村党支部 \\t"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("新建村党支部");
        assertThat(admin.get("/api/organizations/V-TRIM").json().get("name").asString()).isEqualTo("新建村党支部");
        for (String name : List.of("", "   ", "\\u3000", "新建\\u0000村", "新建\\r\\n村", "新建\\u202e村")) {
            Api.Reply reply = admin.put("/api/organizations/V-TRIM", body.formatted(name));
            assertThat(isClearProblem(reply, 400)).as(name + " " + reply.body()).isTrue();
            assertThat(paths(reply)).as(name).containsExactly("/name");
        }
        assertThat(admin.get("/api/organizations/V-TRIM").json().get("name").asString()).isEqualTo("新建村党支部");
    }

    // 7. the API's description

    @Test
    void the_api_description_needs_a_signed_in_user() {
        Api anonymous = admin.anonymous();
        Api.Reply docs = anonymous.get("/v3/api-docs");
        assertThat(isClearProblem(docs, 401)).as(docs.status() + " " + docs.body()).isTrue();
        assertThat(anonymous.get("/v3/api-docs/swagger-config").status()).isEqualTo(401);
        Api.Reply ui = anonymous.get("/swagger-ui/index.html");
        assertThat(ui.status()).isIn(302, 401);
        assertThat(ui.body()).doesNotContainIgnoringCase("swagger");
        assertThat(admin.as(REP, REP_PASSWORD).get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(admin.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    // 8. errors the container and the firewall answer

    @Test
    void container_and_firewall_errors_are_problems_for_the_api_and_the_chinese_page_for_browsers() {
        String json = "application/json";
        String html = "text/html,application/xhtml+xml";
        Map<String, Raw> api = new LinkedHashMap<>();
        api.put("GET /error", raw("GET", "/error", json));
        api.put("TRACE /api/me", raw("TRACE", "/api/me", json));
        api.put("TRACE /api/me as a browser", raw("TRACE", "/api/me", html));
        api.put("GET /api/organizations;x=1", raw("GET", "/api/organizations;x=1", json));
        api.put("GET /api/organizations/XQ;jsessionid=1", raw("GET", "/api/organizations/XQ;jsessionid=1", json));
        api.put("GET /api/organizations/XQ%2FXQ-T01", raw("GET", "/api/organizations/XQ%2FXQ-T01", json));
        api.put("GET /api/organizations/XQ%2fXQ-T01", raw("GET", "/api/organizations/XQ%2fXQ-T01", html));
        api.put("GET /api/organizations/XQ%5CXQ-T01", raw("GET", "/api/organizations/XQ%5CXQ-T01", json));
        api.put("GET /api/organizations/%00", raw("GET", "/api/organizations/%00", json));
        api.put("GET /api/../api/me", raw("GET", "/api/../api/me", json));
        Map<String, String> wrong = new LinkedHashMap<>();
        api.forEach((name, r) -> {
            if (r.status() < 400 || r.status() >= 500 || !r.contentType().startsWith("application/problem+json")
                    || !r.body().matches("(?s).*\"title\":\"[^\"]*\\p{IsHan}.*") || r.isContainerPage()) {
                wrong.put(name, r.status() + " " + r.contentType() + " " + r.body());
            }
        });
        Map<String, Raw> pages = new LinkedHashMap<>();
        pages.put("GET /error", raw("GET", "/error", html));
        pages.put("TRACE /", raw("TRACE", "/", html));
        pages.put("GET /office;x=1", raw("GET", "/office;x=1", html));
        pages.put("GET /org/XQ%2FXQ-T01", raw("GET", "/org/XQ%2FXQ-T01", html));
        pages.put("GET /org/%00", raw("GET", "/org/%00", html));
        pages.put("GET /org/XQ%5C", raw("GET", "/org/XQ%5C", html));
        pages.forEach((name, r) -> {
            if (r.status() < 400 || r.status() >= 500 || !r.contentType().startsWith("text/html")
                    || !r.body().contains("lang=\"zh-CN\"") || !r.body().contains("返回首页") || r.isContainerPage()) {
                wrong.put("page " + name, r.status() + " " + r.contentType() + " " + r.body());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(api.get("TRACE /api/me").status()).isEqualTo(405);
        assertThat(api.get("GET /error").status()).isEqualTo(404);
        assertThat(api.get("GET /api/organizations;x=1").status()).isEqualTo(400);
        assertThat(api.get("GET /api/organizations/XQ%2FXQ-T01").status()).isEqualTo(400);
    }

    /** A response read off the socket, as the server wrote it (no client normalizes the path or the method). */
    record Raw(int status, String contentType, String body) {

        boolean isContainerPage() {
            return body.contains("Whitelabel") || body.contains("Apache Tomcat") || body.contains("HTTP Status")
                    || body.contains("\"timestamp\"") || body.contains("Exception");
        }
    }

    private Raw raw(String method, String path, String accept) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: " + accept
                    + "\r\nAuthorization: " + TestUsers.admin() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(status, contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        String rest = chunked;
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int lineEnd = indexOf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            i = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    // 9. staff names hidden from an organization's representative

    @Test
    void an_organization_representative_does_not_see_who_ran_or_published_an_evaluation() {
        Api rep = admin.as(REP, REP_PASSWORD);
        JsonNode mine = rep.get("/api/evaluations").json();
        assertThat(mine.size()).isPositive();
        for (JsonNode e : mine) {
            assertThat(e.get("createdBy").asString()).isEqualTo(RectificationView.HIDDEN_ACTOR);
        }
        JsonNode summary = rep.get("/api/evaluations/" + evaluation + "/summary").json();
        assertThat(summary.get("createdBy").asString()).isEqualTo(RectificationView.HIDDEN_ACTOR);
        assertThat(summary.get("publishedBy").asString()).isEqualTo(RectificationView.HIDDEN_ACTOR);
        assertThat(rep.get("/api/evaluations?period=2026").body()).doesNotContain("\"" + TestUsers.ADMIN + "\"");
        assertThat(rep.get("/api/evaluations/" + evaluation + "/organizations/V-HONGQI").body())
                .doesNotContain("\"" + TestUsers.ADMIN + "\"");
        // staff still see who did it
        JsonNode staff = admin.get("/api/evaluations/" + evaluation + "/summary").json();
        assertThat(staff.get("createdBy").asString()).isEqualTo(TestUsers.ADMIN);
        assertThat(staff.get("publishedBy").asString()).isEqualTo(TestUsers.ADMIN);
    }
}
