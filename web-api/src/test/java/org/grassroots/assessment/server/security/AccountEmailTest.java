package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A user's e-mail address through the administrators' API: optional, checked (a malformed address,
 * a second header smuggled after a line break, one longer than SMTP carries: 400 at /email, nothing
 * stored), kept by a change that does not mention it, removed by an empty one; the other fields of a
 * user stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AccountEmailTest.DATA_DIR, "assessment.demo=false"})
class AccountEmailTest {

    static final String DATA_DIR = "target/test-data/account-email";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api admin() {
        return new Api(port);
    }

    private Api.Reply create(String username, String emailJson) {
        return admin().post("/api/users", "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"测试用户\",\"role\":\"INSPECTOR\"" + (emailJson == null ? "" : ",\"email\":" + emailJson)
                + "}");
    }

    @Test
    void an_address_is_stored_stripped_and_shown_with_the_other_fields() {
        Api.Reply created = create("e-inspector", "\"  wang.ming@example.gov.cn \"");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("email").asString()).isEqualTo("wang.ming@example.gov.cn");
        JsonNode read = admin().get("/api/users/e-inspector").json();
        assertThat(read.get("email").asString()).isEqualTo("wang.ming@example.gov.cn");
        assertThat(read.propertyNames()).contains("username", "displayName", "role", "roleLabel", "orgCode", "enabled",
                "createdAt", "createdBy", "updatedAt", "updatedBy", "email");
        assertThat(jdbc.queryForObject("select email from app_user where username = 'e-inspector'", String.class))
                .isEqualTo("wang.ming@example.gov.cn");
    }

    @Test
    void a_user_without_an_address_has_none() {
        assertThat(create("e-none", null).status()).isEqualTo(201);
        assertThat(admin().get("/api/users/e-none").json().get("email").isNull()).isTrue();
        assertThat(create("e-blank", "\"  \"").status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select email from app_user where username = 'e-blank'", String.class)).isNull();
    }

    @Test
    void a_bad_address_is_refused_at_its_place_and_nothing_is_stored() {
        for (String bad : List.of("\"not-an-address\"", "\"wang@\"", "\"wang@example.gov.cn\\r\\nBcc: spy@example.com\"",
                // well formed, but longer than 254 characters
                "\"" + "w".repeat(60) + "@" + (("d".repeat(60) + ".").repeat(4)) + "cn\"")) {
            Api.Reply r = create("e-bad", bad);
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").valueStream().map(e -> e.get("path").asString()).toList())
                    .containsExactly("/email");
            assertThat(r.body()).contains("邮箱");
            assertThat(admin().get("/api/users/e-bad").status()).isEqualTo(404);
        }
    }

    @Test
    void a_change_without_the_field_keeps_the_address_an_empty_one_removes_it() {
        assertThat(create("e-change", "\"li@example.gov.cn\"").status()).isEqualTo(201);
        Api.Reply kept = admin().put("/api/users/e-change", "{\"displayName\":\"改名\",\"role\":\"INSPECTOR\"}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("email").asString()).isEqualTo("li@example.gov.cn");
        assertThat(kept.json().get("displayName").asString()).isEqualTo("改名");

        Api.Reply changed = admin().put("/api/users/e-change",
                "{\"displayName\":\"改名\",\"role\":\"INSPECTOR\",\"email\":\"li.new@example.gov.cn\"}");
        assertThat(changed.json().get("email").asString()).isEqualTo("li.new@example.gov.cn");

        Api.Reply refused = admin().put("/api/users/e-change",
                "{\"displayName\":\"改名\",\"role\":\"INSPECTOR\",\"email\":\"li at example\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(admin().get("/api/users/e-change").json().get("email").asString()).isEqualTo("li.new@example.gov.cn");

        Api.Reply removed = admin().put("/api/users/e-change",
                "{\"displayName\":\"改名\",\"role\":\"INSPECTOR\",\"email\":\"\"}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("email").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select email from app_user where username = 'e-change'", String.class)).isNull();
    }

    @Test
    void only_administrators_set_an_address() {
        assertThat(create("e-self", "\"self@example.gov.cn\"").status()).isEqualTo(201);
        Api.Reply r = admin().as("e-self", "secret-pass-1").put("/api/users/e-self",
                "{\"displayName\":\"测试用户\",\"role\":\"INSPECTOR\",\"email\":\"other@example.com\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(admin().get("/api/users/e-self").json().get("email").asString()).isEqualTo("self@example.gov.cn");
    }
}
