package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * A session ends on the very next request when its account is disabled, demoted, moved to another
 * organization or given a new password, by an administrator or by the user; so does a remembered
 * HTTP Basic sign-in, also when the change comes straight from the database (another instance).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + SessionsFollowAccountsTest.DATA_DIR, "assessment.demo=false"})
class SessionsFollowAccountsTest {

    static final String DATA_DIR = "target/test-data/sessions-follow-accounts";
    static final String PASSWORD = "secret-pass-1";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void workedExample() {
        assertThat(new Api(port).post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
    }

    private void createUser(String username, String role, String orgCode) {
        String org = orgCode == null ? "null" : "\"" + orgCode + "\"";
        Api.Reply r = new Api(port).post("/api/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"测试用户\",\"role\":\"" + role + "\",\"orgCode\":" + org + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void update(String username, String json) {
        Api.Reply r = new Api(port).put("/api/users/" + username, json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void assertEnded(SessionClient session, String page) {
        assertThat(session.get("/api/me").statusCode()).as("the API with the old session").isEqualTo(401);
        HttpResponse<String> p = session.get(page);
        assertThat(p.statusCode()).as("a page with the old session").isEqualTo(302);
        assertThat(p.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void disabling_ends_the_session() {
        createUser("s-disabled", "INSPECTOR", null);
        SessionClient session = SessionClient.signedIn(port, "s-disabled", PASSWORD);
        assertThat(session.get("/inspection").statusCode()).isEqualTo(200);
        update("s-disabled", "{\"displayName\":\"测试用户\",\"role\":\"INSPECTOR\",\"enabled\":false}");
        assertEnded(session, "/inspection");
    }

    @Test
    void demoting_an_administrator_ends_the_session_before_it_can_add_an_administrator() {
        createUser("s-admin2", "ADMIN", null);
        SessionClient session = SessionClient.signedIn(port, "s-admin2", PASSWORD);
        assertThat(session.get("/api/users").statusCode()).isEqualTo(200);
        String token = session.token();
        update("s-admin2", "{\"displayName\":\"测试用户\",\"role\":\"EVALUATOR\"}");
        HttpResponse<String> create = session.post("/api/users", "application/json", "{\"username\":\"s-sneaky\","
                + "\"password\":\"" + PASSWORD + "\",\"displayName\":\"x\",\"role\":\"ADMIN\"}", "X-CSRF-TOKEN", token);
        assertThat(create.statusCode()).isEqualTo(401);
        assertThat(new Api(port).get("/api/users/s-sneaky").status()).isEqualTo(404);
        assertEnded(session, "/office");
    }

    @Test
    void moving_a_representative_to_another_organization_ends_the_session() {
        createUser("s-rep", "ORG_REP", "V-HONGQI");
        SessionClient session = SessionClient.signedIn(port, "s-rep", PASSWORD);
        assertThat(session.get("/org/V-HONGQI").statusCode()).isEqualTo(200);
        update("s-rep", "{\"displayName\":\"测试用户\",\"role\":\"ORG_REP\",\"orgCode\":\"V-SHIQIAO\"}");
        assertEnded(session, "/org/V-HONGQI");
        SessionClient again = SessionClient.signedIn(port, "s-rep", PASSWORD);
        assertThat(again.get("/org/V-HONGQI").statusCode()).as("the new organization only").isEqualTo(404);
        assertThat(again.get("/org/V-SHIQIAO").statusCode()).isEqualTo(200);
    }

    @Test
    void a_new_password_set_by_an_administrator_ends_the_session() {
        createUser("s-reset", "EVALUATOR", null);
        SessionClient session = SessionClient.signedIn(port, "s-reset", PASSWORD);
        assertThat(session.get("/api/me").statusCode()).isEqualTo(200);
        update("s-reset", "{\"displayName\":\"测试用户\",\"role\":\"EVALUATOR\",\"password\":\"another-pass-2\"}");
        assertEnded(session, "/office");
    }

    @Test
    void a_user_changing_their_own_password_ends_their_other_sessions() {
        createUser("s-own", "EVALUATOR", null);
        SessionClient other = SessionClient.signedIn(port, "s-own", PASSWORD);
        Api basic = new Api(port).as("s-own", PASSWORD);
        assertThat(basic.get("/api/me").status()).isEqualTo(200);
        SessionClient session = SessionClient.signedIn(port, "s-own", PASSWORD);
        HttpResponse<String> change = session.postJson("/api/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-pass-2\"}");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(204);
        assertEnded(other, "/office");
        assertEnded(session, "/office");
        assertThat(basic.get("/api/me").status()).as("the old password over Basic").isEqualTo(401);
    }

    @Test
    void a_change_made_straight_in_the_database_counts_at_once_for_sessions_and_remembered_basic_sign_ins() {
        createUser("s-elsewhere", "ADMIN", null);
        SessionClient session = SessionClient.signedIn(port, "s-elsewhere", PASSWORD);
        Api basic = new Api(port).as("s-elsewhere", PASSWORD);
        assertThat(basic.get("/api/users").status()).isEqualTo(200);
        assertThat(session.get("/api/users").statusCode()).isEqualTo(200);
        // as another instance on the same database would: no cache of this one is told
        jdbc.update("update app_user set role = 'INSPECTOR' where username = 's-elsewhere'");
        assertThat(basic.get("/api/users").status()).as("the remembered Basic sign-in is checked again").isEqualTo(403);
        assertThat(basic.get("/api/me").status()).as("the password still holds").isEqualTo(200);
        assertEnded(session, "/inspection");
        jdbc.update("update app_user set enabled = false where username = 's-elsewhere'");
        assertThat(basic.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void a_display_name_change_keeps_the_session() {
        createUser("s-renamed", "INSPECTOR", null);
        SessionClient session = SessionClient.signedIn(port, "s-renamed", PASSWORD);
        update("s-renamed", "{\"displayName\":\"新名字\",\"role\":\"INSPECTOR\"}");
        assertThat(session.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(new Api(port).get("/api/me").status()).as("the administrator's own Basic").isEqualTo(200);
    }
}
