package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators' accounts page (用户管理) in a signed-in session with its CSRF token: the list
 * shows each user's e-mail address (邮箱); a new user and a change take the address; a malformed one
 * is refused with the field named in Chinese and nothing stored; an empty field removes the address;
 * other roles are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AccountPagesTest.DATA_DIR, "assessment.demo=false"})
class AccountPagesTest {

    static final String DATA_DIR = "target/test-data/account-pages";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    private SessionClient admin() {
        return SessionClient.signedIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private static String form(SessionClient session, String... pairs) {
        StringBuilder b = new StringBuilder("_csrf=" + enc(session.token()));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            b.append('&').append(pairs[i]).append('=').append(enc(pairs[i + 1]));
        }
        return b.toString();
    }

    private static HttpResponse<String> post(SessionClient session, String path, String... pairs) {
        return session.post(path, "application/x-www-form-urlencoded", form(session, pairs));
    }

    @Test
    void an_administrator_adds_a_user_with_an_address_and_sees_it_listed() {
        SessionClient session = admin();
        HttpResponse<String> page = session.get("/admin/users");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("用户管理", "<th scope=\"col\">邮箱</th>", "id=\"user-admin\"", "id=\"email\"");

        HttpResponse<String> created = post(session, "/admin/users", "username", "p-wang", "password", "secret-pass-1",
                "displayName", "督查二组 王强", "role", "INSPECTOR", "orgCode", "", "email", " wang.qiang@example.gov.cn ",
                "enabled", "true");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/admin/users");
        assertThat(session.get("/admin/users").body()).contains("已新增用户 p-wang", "wang.qiang@example.gov.cn");
        assertThat(new Api(port).get("/api/users/p-wang").json().get("email").asString())
                .isEqualTo("wang.qiang@example.gov.cn");
    }

    @Test
    void a_malformed_address_is_refused_with_the_field_named_and_nothing_stored() {
        SessionClient session = admin();
        HttpResponse<String> refused = post(session, "/admin/users", "username", "p-bad", "password", "secret-pass-1",
                "displayName", "测试用户", "role", "EVALUATOR", "orgCode", "", "email", "p-bad at example", "enabled", "true");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("用户未保存", "邮箱：不是有效的邮箱地址", "value=\"p-bad\"",
                "value=\"p-bad at example\"").doesNotContain("secret-pass-1");
        assertThat(new Api(port).get("/api/users/p-bad").status()).isEqualTo(404);
    }

    @Test
    void the_edit_form_changes_the_address_and_an_empty_field_removes_it() {
        SessionClient session = admin();
        assertThat(post(session, "/admin/users", "username", "p-li", "password", "secret-pass-1", "displayName", "李华",
                "role", "EVALUATOR", "orgCode", "", "email", "li@example.gov.cn", "enabled", "true").statusCode())
                .isEqualTo(302);
        String role = "EVALUATOR";
        String org = "";
        HttpResponse<String> edit = session.get("/admin/users/p-li");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("编辑用户：p-li", "value=\"li@example.gov.cn\"");

        assertThat(post(session, "/admin/users/p-li", "displayName", "李华", "role", role, "orgCode", org, "email",
                "li.hua@example.gov.cn", "enabled", "true").statusCode()).isEqualTo(302);
        assertThat(new Api(port).get("/api/users/p-li").json().get("email").asString()).isEqualTo("li.hua@example.gov.cn");

        HttpResponse<String> refused = post(session, "/admin/users/p-li", "displayName", "李华", "role", role,
                "orgCode", org, "email", "li@", "enabled", "true");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("邮箱：不是有效的邮箱地址");
        assertThat(new Api(port).get("/api/users/p-li").json().get("email").asString()).isEqualTo("li.hua@example.gov.cn");

        assertThat(post(session, "/admin/users/p-li", "displayName", "李华", "role", role, "orgCode", org, "email", "",
                "enabled", "true").statusCode()).isEqualTo(302);
        assertThat(new Api(port).get("/api/users/p-li").json().get("email").isNull()).isTrue();
        assertThat(new Api(port).get("/api/users/p-li").json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void other_roles_do_not_reach_the_page() {
        assertThat(post(admin(), "/admin/users", "username", "p-eval", "password", "secret-pass-1", "displayName",
                "考核办 测试", "role", "EVALUATOR", "email", "", "enabled", "true").statusCode()).isEqualTo(302);
        SessionClient evaluator = SessionClient.signedIn(port, "p-eval", "secret-pass-1");
        assertThat(evaluator.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(post(evaluator, "/admin/users/p-eval", "displayName", "x", "role", "ADMIN", "email",
                "me@example.com", "enabled", "true").statusCode()).isEqualTo(403);
        assertThat(new Api(port).get("/api/users/p-eval").json().get("role").asString()).isEqualTo("EVALUATOR");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
