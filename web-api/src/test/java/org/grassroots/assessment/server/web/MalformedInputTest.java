package org.grassroots.assessment.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile and broken input: wrong types, huge strings, deep nesting, invalid UTF-8, negative counts,
 * unknown enum values, dates out of range, oversized bodies. Each gets a 4xx problem in plain words
 * (no stack trace, class or SQL) and changes nothing in any table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + MalformedInputTest.DATA_DIR, "assessment.demo=false",
                "assessment.limits.request-size=3MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    static final String DATA_DIR = "target/test-data/malformed-input";
    static final List<String> TABLES = List.of("organization", "period_facts", "member_roll", "member_roll_ids", "visit", "finding",
            "rectification_item", "rectification_step", "evaluation", "evaluation_result", "rule_set_version",
            "app_user", "audit_entry");

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private long item;

    @BeforeAll
    void workedExampleImportedAndEvaluated() {
        api = new Api(port);
        assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
        assertThat(api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}").status()).isEqualTo(201);
        item = api.get("/api/rectifications").json().get("items").get(0).get("id").asLong();
    }

    private static String visit(String replace, String with) {
        String valid = "{\"visitId\":\"MAL-1\",\"orgCode\":\"XQ-T01\",\"date\":\"2026-03-02\",\"mode\":\"OPEN\","
                + "\"team\":\"第一督查组\",\"inspectors\":[\"王明\"],\"findings\":[{\"item\":\"C07\",\"note\":\"记录\"}]}";
        assertThat(valid).contains(replace);
        return valid.replace(replace, with);
    }

    private static String nested(int depth) {
        return "{\"evidence\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    @Test
    void every_malformed_request_is_a_clear_4xx_and_changes_nothing() {
        Map<String, Long> before = counts();
        Map<String, Api.Reply> replies = new LinkedHashMap<>();
        // wrong types
        replies.put("visit with a number for its id", api.post("/api/visits", visit("\"MAL-1\"", "12")));
        replies.put("visit with an object for its date", api.post("/api/visits", visit("\"2026-03-02\"", "{}")));
        replies.put("evaluation with a list for its period", api.post("/api/evaluations", "{\"period\":[2026]}"));
        replies.put("rectification evidence as a number", api.post("/api/rectifications/" + item + "/submit",
                "{\"evidence\":42}"));
        replies.put("user with a number for its role", api.post("/api/users", "{\"username\":\"u1\",\"role\":5}"));
        // huge strings
        replies.put("visit note of two million characters",
                api.post("/api/visits", visit("\"记录\"", "\"" + "长".repeat(2_000_000) + "\"")));
        replies.put("rectification note of 1.5 million characters", api.post("/api/rectifications/" + item
                + "/submit", "{\"evidence\":[\"a.jpg\"],\"note\":\"" + "x".repeat(1_500_000) + "\"}"));
        // deep nesting
        replies.put("submit nested 10000 deep", api.post("/api/rectifications/" + item + "/submit", nested(10_000)));
        replies.put("visit nested 10000 deep", api.post("/api/visits", visit("[\"王明\"]",
                "[".repeat(10_000) + "]".repeat(10_000))));
        replies.put("import nested 5000 deep", api.post("/api/import", "[".repeat(5000) + "]".repeat(5000)));
        // invalid UTF-8
        replies.put("visit with invalid UTF-8", api.post("/api/visits", invalidUtf8(visit("记录", "@@"))));
        replies.put("evaluation with invalid UTF-8", api.post("/api/evaluations",
                invalidUtf8("{\"period\":\"@@\"}")));
        // negative counts
        replies.put("facts with a negative member count", api.put("/api/organizations/XQ-T01/facts/2026",
                factsWith("\"members\":\\s*\\d+", "\"members\":-5")));
        replies.put("rankings page -1", api.get("/api/rankings?period=2026&page=-1"));
        replies.put("rectifications size 0", api.get("/api/rectifications?size=0"));
        // unknown enum values
        replies.put("visit mode SECRET", api.post("/api/visits", visit("\"OPEN\"", "\"SECRET\"")));
        replies.put("user role KING", api.post("/api/users", "{\"username\":\"king\",\"password\":\"long-enough-1\","
                + "\"displayName\":\"王\",\"role\":\"KING\"}"));
        replies.put("rectification status FOO", api.get("/api/rectifications?status=FOO"));
        replies.put("ranking scope galaxy", api.get("/api/rankings?period=2026&scope=galaxy"));
        replies.put("export format pdf", api.get("/api/evaluations/1/export?format=pdf"));
        // dates out of range
        replies.put("visit on 2026-13-45", api.post("/api/visits", visit("2026-03-02", "2026-13-45")));
        replies.put("visit in the year 9999", api.post("/api/visits", visit("2026-03-02", "9999-01-01")));
        replies.put("evaluation of period 1899", api.post("/api/evaluations", "{\"period\":\"1899\"}"));
        replies.put("evaluation as of year 0", api.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"0000-01-01\"}"));
        replies.put("rectifications as of 2026-02-30", api.get("/api/rectifications?asOf=2026-02-30"));
        // not even the right shape
        replies.put("id that is not a number", api.get("/api/rectifications/abc"));
        replies.put("empty visit body", api.post("/api/visits", ""));
        replies.put("import of a JSON string", api.post("/api/import", "\"bundle\""));
        replies.put("body over the request limit", api.post("/api/evaluations", "{\"period\":\"2026\",\"x\":\""
                + "x".repeat(3_200_000) + "\"}"));

        Map<String, String> wrong = new LinkedHashMap<>();
        replies.forEach((name, reply) -> {
            boolean clear = reply.status() >= 400 && reply.status() < 500
                    && reply.contentType().contains("problem+json")
                    && !reply.body().matches("(?s).*(Exception|\\tat |org\\.h2|SQL|tools\\.jackson|java\\.).*");
            if (!clear) {
                wrong.put(name, reply.status() + " " + reply.contentType() + " "
                        + reply.body().substring(0, Math.min(300, reply.body().length())));
            }
        });
        assertThat(wrong).as("requests not answered with a clear 4xx problem").isEmpty();
        assertThat(replies.get("body over the request limit").status()).isEqualTo(413);
        assertThat(replies.get("visit mode SECRET").body()).contains("/mode");
        assertThat(replies.get("facts with a negative member count").body()).contains("/members");
        assertThat(counts()).as("rows in every table").isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }

    private String factsWith(String regex, String with) {
        String facts = api.get("/api/organizations/XQ-T01/facts/2026").body();
        String changed = facts.replaceFirst(regex, with);
        assertThat(changed).isNotEqualTo(facts);
        return changed;
    }

    /** The JSON with its "@@" replaced by bytes that are not UTF-8 (a lone continuation byte, a truncated sequence). */
    private static byte[] invalidUtf8(String json) {
        String[] parts = json.split("@@", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0x80, (byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82});
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
