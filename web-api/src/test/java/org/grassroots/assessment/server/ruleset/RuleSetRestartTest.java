package org.grassroots.assessment.server.ruleset;

import org.grassroots.assessment.server.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.importing.Servers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An activation survives a restart; an active version that no longer compiles is not used (the
 * shipped set is, and the database is left as it is). Drafts and validation also take multipart files.
 */
class RuleSetRestartTest {

    static final String DATA_DIR = "target/test-data/rule-set-restart";

    @Test
    void the_activated_version_survives_a_restart_and_a_broken_one_falls_back_to_the_shipped_set() throws Exception {
        Api.deleteDirectory(DATA_DIR);
        String shipped = RuleSetLoader.defaultRuleSet().checksum();
        long draft;
        String draftChecksum;
        try (ConfigurableApplicationContext first = Servers.start(DATA_DIR, false)) {
            int port = ((WebServerApplicationContext) first).getWebServer().getPort();
            HttpResponse<String> v = multipart(port, "/api/rules/validate", RuleFiles.brokenOnLine17(), null);
            assertThat(v.statusCode()).as(v.body()).isEqualTo(200);
            JsonNode validation = ResultJson.mapper().readTree(v.body());
            assertThat(validation.get("valid").asBoolean()).isFalse();
            assertThat(validation.get("errors").get(0).get("line").asInt()).isEqualTo(17);

            HttpResponse<String> d = multipart(port, "/api/rules/drafts", RuleFiles.cb05Weight50(), "CB-05 50% 上传");
            assertThat(d.statusCode()).as(d.body()).isEqualTo(201);
            JsonNode created = ResultJson.mapper().readTree(d.body());
            draft = created.get("id").asLong();
            draftChecksum = created.get("checksum").asString();
            assertThat(created.get("comment").asString()).isEqualTo("CB-05 50% 上传");
            Api api = Servers.api(first);
            SecondPerson.approve(port, draft);
            assertThat(api.post("/api/rules/versions/" + draft + "/activate", "").status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = Servers.start(DATA_DIR, false)) {
            Api api = Servers.api(second);
            JsonNode active = api.get("/api/rules/active").json();
            assertThat(active.get("id").asLong()).isEqualTo(draft);
            assertThat(active.get("checksum").asString()).isEqualTo(draftChecksum);
            assertThat(active.get("fallback").asBoolean()).isFalse();
            assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
            Api.Reply e = api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}");
            assertThat(e.status()).as(e.body()).isEqualTo(201);
            JsonNode evaluation = api.get("/api/evaluations/" + e.json().get("id").asLong()).json();
            assertThat(evaluation.get("ruleSet").get("version").asString()).isEqualTo(RuleFiles.CB05_VERSION);
            assertThat(evaluation.get("ruleSet").get("checksum").asString()).isEqualTo(draftChecksum);
            // the stored files of the active version get broken behind the server's back
            second.getBean(JdbcTemplate.class).update("update rule_set_version set files_json = ? where id = ?",
                    ResultJson.mapper().writeValueAsString(RuleFiles.brokenOnLine17()), draft);
            // and the database no longer holds the shipped set (as after an upgrade that ships a new one)
            second.getBean(JdbcTemplate.class).update("update rule_set_version set checksum = 'sha256:older'"
                    + " where checksum = ?", shipped);
        }

        try (ConfigurableApplicationContext third = Servers.start(DATA_DIR, false)) {
            Api api = Servers.api(third);
            JsonNode active = api.get("/api/rules/active").json();
            assertThat(active.get("checksum").asString()).isEqualTo(shipped);
            assertThat(active.get("fallback").asBoolean()).isTrue();
            assertThat(active.get("id").isNull()).isTrue();
            assertThat(third.getBean(JdbcTemplate.class).queryForObject(
                    "select status from rule_set_version where id = ?", String.class, draft)).isEqualTo("ACTIVE");
            JsonNode newest = api.get("/api/rules/versions").json().get(0);
            assertThat(newest.get("checksum").asString()).as("the new shipped set is offered as a draft").isEqualTo(shipped);
            assertThat(newest.get("status").asString()).isEqualTo("DRAFT");
        }
    }

    private static HttpResponse<String> multipart(int port, String path, Map<String, String> files, String comment)
            throws Exception {
        String boundary = "----rules-boundary-41a9";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + f.getKey() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (comment != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + comment + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", TestUsers.admin())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
