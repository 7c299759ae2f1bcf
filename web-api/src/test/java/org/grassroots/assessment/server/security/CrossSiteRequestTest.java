package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.SharedServer;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a forged request can do, at the HTTP level: the CSRF token for every request with a session
 * cookie, cross-origin writes refused whatever credentials they carry, JSON-only API bodies, no
 * Basic challenge to browsers, and the session cookie's SameSite.
 */
class CrossSiteRequestTest extends SharedServer {

    static final String EVIL = "http://evil.example";

    @LocalServerPort
    int port;

    private SessionClient admin() {
        return SessionClient.signedIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    @Test
    void a_session_request_needs_the_token_even_with_an_authorization_header() {
        SessionClient session = admin();
        HttpResponse<String> forged = session.post("/api/evaluations", "application/json", "{}",
                "Authorization", TestUsers.admin());
        assertThat(forged.statusCode()).as("session cookie + Basic, no token").isEqualTo(403);
        HttpResponse<String> noToken = session.post("/api/evaluations", "application/json", "{}");
        assertThat(noToken.statusCode()).as("session cookie, no token").isEqualTo(403);
        HttpResponse<String> withToken = session.postJson("/api/evaluations", "{}",
                "Authorization", TestUsers.admin());
        assertThat(withToken.statusCode()).as("with the token: past CSRF to validation").isEqualTo(400);
    }

    @Test
    void an_api_client_with_basic_and_no_session_needs_no_token() {
        Api.Reply r = new Api(port).post("/api/evaluations", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        Api.Reply me = new Api(port).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
    }

    @Test
    void api_calls_never_create_a_session() {
        HttpResponse<String> anonymous = raw("GET", "/api/me", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> basic = raw("POST", "/api/evaluations", "application/json", "{}",
                "Authorization", TestUsers.admin());
        assertThat(basic.statusCode()).isEqualTo(400);
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_write_from_another_origin_is_refused_whatever_credentials_it_carries() {
        String[][] forgedHeaders = {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", EVIL}, {"Origin", "null"}};
        for (String[] h : forgedHeaders) {
            HttpResponse<String> r = raw("POST", "/api/evaluations", "application/json", "{}",
                    "Authorization", TestUsers.admin(), h[0], h[1]);
            assertThat(r.statusCode()).as(h[0] + ": " + h[1]).isEqualTo(403);
            assertThat(r.body()).contains("跨站请求被拒绝");
        }
        SessionClient session = admin();
        HttpResponse<String> withToken = session.postJson("/api/evaluations", "{}", "Sec-Fetch-Site", "cross-site");
        assertThat(withToken.statusCode()).as("even with a (stolen) token").isEqualTo(403);
        // the server's own pages: same-origin, or an Origin naming this host (browsers without Sec-Fetch-Site)
        assertThat(raw("POST", "/api/evaluations", "application/json", "{}", "Authorization", TestUsers.admin(),
                "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(400);
        assertThat(raw("POST", "/api/evaluations", "application/json", "{}", "Authorization", TestUsers.admin(),
                "Origin", "http://localhost:" + port).statusCode()).isEqualTo(400);
        // reads are not refused (a link from another site to a page still works)
        assertThat(raw("GET", "/api/me", null, null, "Authorization", TestUsers.admin(),
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
    }

    @Test
    void json_endpoints_refuse_other_bodies_with_415() {
        Api admin = new Api(port);
        String bundle = new String(Fixtures.bytes(Fixtures.WORKED_EXAMPLE), StandardCharsets.UTF_8);
        String[][] forged = {{"/api/visits", "text/plain"}, {"/api/visits", "application/x-www-form-urlencoded"},
                {"/api/visits", "multipart/form-data; boundary=x"}, {"/api/import", "text/plain"},
                {"/api/import", "application/x-www-form-urlencoded"}, {"/api/rules/drafts", "text/plain"},
                {"/api/evaluations", "text/plain;charset=UTF-8"}, {"/api/users", "text/plain"},
                {"/api/me/password", "text/plain"}};
        for (String[] f : forged) {
            HttpResponse<String> r = raw("POST", f[0], f[1], bundle, "Authorization", TestUsers.admin());
            assertThat(r.statusCode()).as(f[0] + " with " + f[1]).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        HttpResponse<String> put = raw("PUT", "/api/organizations/X", "text/plain", "{}",
                "Authorization", TestUsers.admin());
        assertThat(put.statusCode()).isEqualTo(415);
        HttpResponse<String> noType = raw("POST", "/api/visits", null, "{}", "Authorization", TestUsers.admin());
        assertThat(noType.statusCode()).as("a body without a type").isEqualTo(415);
        // what stays open: JSON (also +json), multipart where documented, and no body at all
        assertThat(raw("POST", "/api/import", "application/json; charset=UTF-8", bundle,
                "Authorization", TestUsers.admin()).statusCode()).isEqualTo(200);
        assertThat(raw("POST", "/api/evaluations", "application/merge-patch+json", "{}",
                "Authorization", TestUsers.admin()).statusCode()).isEqualTo(400);
        assertThat(admin.upload("/api/import", "file", "bundle.json", Fixtures.bytes(Fixtures.WORKED_EXAMPLE))
                .status()).isEqualTo(200);
        assertThat(raw("POST", "/api/evaluations/999999/publish", null, null, "Authorization", TestUsers.admin())
                .statusCode()).as("a POST without a body").isEqualTo(404);
    }

    @Test
    void browsers_are_never_sent_the_basic_challenge() {
        HttpResponse<String> curl = raw("GET", "/api/me", null, null, "Accept", "*/*");
        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");

        HttpResponse<String> page = raw("GET", "/api/me", null, null, "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "Sec-Fetch-Mode", "navigate");
        assertThat(page.statusCode()).as("a browser opening an API address").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> fetch = raw("GET", "/api/me", null, null, "Accept", "*/*", "Sec-Fetch-Mode", "cors",
                "Sec-Fetch-Site", "cross-site");
        assertThat(fetch.statusCode()).isEqualTo(401);
        assertThat(fetch.headers().firstValue("WWW-Authenticate")).as("a script's fetch").isEmpty();
        assertThat(fetch.headers().firstValue("Content-Type").orElse("")).contains("problem+json");

        HttpResponse<String> wrong = raw("GET", "/api/me", null, null, "Sec-Fetch-Mode", "no-cors",
                "Authorization", TestUsers.basic("admin", "wrong-password-1"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).as("wrong Basic from a browser").isEmpty();
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() {
        String cookie = admin().signInResponse().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    private HttpResponse<String> raw(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
