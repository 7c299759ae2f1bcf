package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users, passwords, throttling, the sign-in form with its CSRF token, and the security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + SignInTest.DATA_DIR, "assessment.demo=false"})
class SignInTest {

    static final String DATA_DIR = "target/test-data/sign-in";

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

    private void createUser(String username, String role, String orgCode) {
        String org = orgCode == null ? "null" : "\"" + orgCode + "\"";
        Api.Reply r = admin().post("/api/users", "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"测试用户\",\"role\":\"" + role + "\",\"orgCode\":" + org + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void the_first_administrator_has_the_configured_password_stored_as_bcrypt() {
        Api.Reply me = admin().get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestUsers.ADMIN_PASSWORD);
        assertThat(admin().get("/api/users").body()).doesNotContain("bcrypt").doesNotContain("password");
    }

    @Test
    void wrong_passwords_are_401_and_then_the_name_is_locked_for_a_while() {
        createUser("throttled", "INSPECTOR", null);
        Api wrong = admin().as("throttled", "not-the-password");
        for (int i = 0; i < 5; i++) {
            Api.Reply r = wrong.get("/api/me");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).contains("problem+json");
        }
        Api.Reply locked = admin().as("throttled", "secret-pass-1").get("/api/me");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("登录失败次数过多");
        assertThat(admin().get("/api/me").status()).as("other users are not locked").isEqualTo(200);
    }

    @Test
    void a_disabled_user_is_refused_at_once_and_the_last_administrator_stays() {
        createUser("leaving", "EVALUATOR", null);
        Api leaving = admin().as("leaving", "secret-pass-1");
        assertThat(leaving.get("/api/me").status()).isEqualTo(200);
        Api.Reply disabled = admin().put("/api/users/leaving",
                "{\"displayName\":\"测试用户\",\"role\":\"EVALUATOR\",\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(leaving.get("/api/me").status()).isEqualTo(401);

        Api.Reply demote = admin().put("/api/users/admin", "{\"displayName\":\"管理员\",\"role\":\"EVALUATOR\"}");
        assertThat(demote.status()).isEqualTo(409);
    }

    @Test
    void user_fields_are_checked_with_their_paths() {
        Api.Reply r = admin().post("/api/users",
                "{\"username\":\"x\",\"password\":\"short\",\"displayName\":\"\",\"role\":\"ORG_REP\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("/username", "/password", "/displayName", "/orgCode");
        assertThat(admin().post("/api/users", "{\"username\":\"admin\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"重复\",\"role\":\"ADMIN\"}").status()).isEqualTo(409);
    }

    @Test
    void a_user_changes_their_own_password() {
        createUser("changer", "INSPECTOR", null);
        Api old = admin().as("changer", "secret-pass-1");
        assertThat(old.post("/api/me/password", "{\"currentPassword\":\"wrong-one\",\"newPassword\":\"new-secret-2\"}")
                .status()).isEqualTo(400);
        assertThat(old.post("/api/me/password",
                "{\"currentPassword\":\"secret-pass-1\",\"newPassword\":\"new-secret-2\"}").status()).isEqualTo(204);
        assertThat(old.get("/api/me").status()).isEqualTo(401);
        assertThat(admin().as("changer", "new-secret-2").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void the_sign_in_form_and_session_requests_need_the_csrf_token() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();

        HttpResponse<String> forged = browser.send(form("/login", "username=admin&password="
                + TestUsers.ADMIN_PASSWORD).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("sign-in without the token").isEqualTo(403);

        HttpResponse<String> signedIn = browser.send(form("/login", "username=admin&password="
                        + URLEncoder.encode(TestUsers.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        assertThat(browser.send(get("/api/me").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the session signs API reads in").isEqualTo(200);
        // the session rotates the token at sign-in: read the current one from a fresh form
        String again = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher current = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(again);
        assertThat(current.find()).isTrue();
        HttpResponse<String> noToken = browser.send(json("/api/evaluations", "{}").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("a session write without the token").isEqualTo(403);
        HttpResponse<String> withToken = browser.send(json("/api/evaluations", "{}")
                .header("X-CSRF-TOKEN", current.group(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as("past CSRF and authorization to validation").isEqualTo(400);
    }

    @Test
    void answers_carry_the_security_headers() {
        Api.Reply r = admin().get("/api/me");
        HttpResponse<String> raw = rawGet("/api/me");
        assertThat(r.status()).isEqualTo(200);
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(raw.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(raw.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(raw.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(raw.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    private HttpResponse<String> rawGet(String path) {
        try {
            return HttpClient.newHttpClient().send(get(path).header("Authorization", TestUsers.admin()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
