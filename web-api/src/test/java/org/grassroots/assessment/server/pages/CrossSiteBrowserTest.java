package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The attacks of issue 12 in a real browser. A page served from another origin (a small HTTP server
 * of the test, reached both as another site, 127.0.0.1, and as the same site on another port,
 * localhost) posts forged forms and fetches to the API while the victim is signed in with a
 * session, or while the browser sends HTTP Basic credentials on its own; nothing changes. And an
 * account disabled, demoted or moved to another organization by an administrator in one browser is
 * refused on its very next request in another. On the worked example (its own server: the test
 * changes users and data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + CrossSiteBrowserTest.OWN_DATA_DIR, "assessment.demo=false"})
class CrossSiteBrowserTest extends BrowserTest {

    static final String OWN_DATA_DIR = "target/test-data/cross-site-browser";
    /** The attacker's server listens on the first free port of these (the test's port range). */
    static final int FIRST_PORT = 18301;
    static final int LAST_PORT = 18399;
    static final String PASSWORD = "secret-pass-1";

    /** A browser of its own per test: this class remembers HTTP Basic credentials and sets extra request headers. */
    @Override
    protected boolean sharesBrowser() {
        return false;
    }

    /** A covert visit that would be stored if the forged text/plain form got through ("a=b" is the note). */
    static final String VISIT_NAME = "{\"visitId\":\"AF-EVIL-%s\",\"orgCode\":\"V-SHIQIAO\",\"date\":\"2026-10-15\","
            + "\"mode\":\"COVERT\",\"team\":\"evil\",\"inspectors\":[\"x\"],\"findings\":[{\"item\":\"C02\",\"note\":\"a";
    static final String VISIT_VALUE = "b\"}]}";
    static final String ORG_NAME = "{\"organizations\":[{\"code\":\"EVIL-%s\",\"name\":\"E";
    static final String ORG_VALUE = "VIL\",\"type\":\"ORGAN\",\"level\":\"COMMITTEE\",\"parentCode\":null}]}";

    static {
        Api.deleteDirectory(OWN_DATA_DIR);
    }

    private HttpServer attacker;
    private int attackerPort;
    private Api admin;
    private String evaluationId;

    @BeforeEach
    void workedExampleAndAttacker() throws IOException {
        admin = new Api(port);
        if (admin.get("/api/organizations/V-SHIQIAO").status() == 404) {
            assertThat(admin.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
        }
        JsonNode evaluations = admin.get("/api/evaluations?period=2026").json();
        if (evaluations.isEmpty()) {
            Api.Reply run = admin.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}");
            assertThat(run.status()).as(run.body()).isEqualTo(201);
            evaluations = admin.get("/api/evaluations?period=2026").json();
        }
        evaluationId = evaluations.get(0).get("id").asString();
        attacker = startAttacker();
    }

    @AfterEach
    void stopAttacker() {
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    @Test
    void another_origin_cannot_change_anything_with_the_victims_session() {
        signIn(browser, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(browser.manage().getCookieNamed("JSESSIONID")).isNotNull();
        Snapshot before = snapshot();
        attack(browser, "session");
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        assertTheForgedRequestsWereValid("session");
        // the victim's own session still works: same-origin pages with the token go through
        open("/office");
        assertThat(browser.getCurrentUrl()).endsWith("/office");
    }

    @Test
    void another_origin_cannot_change_anything_with_basic_credentials_the_browser_sends() {
        // 1. the server never challenges a browser, so it never learns Basic credentials for this origin,
        //    not even from a URL that names them
        browser.get("http://" + TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD + "@localhost:" + port + "/api/me");
        waitUntil(browser, d -> d.getCurrentUrl().contains("/login"));
        assertThat(fetchStatus(browser, "/api/me")).as("the browser holds no credentials").isEqualTo(401);
        browser.manage().deleteAllCookies(); // the sign-in form's session

        // 2. a browser that does send them on its own (as one that once answered a challenge would)
        ((ChromeDriver) browser).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) browser).executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", TestUsers.admin())));
        open("/api/me");
        assertThat(browser.getPageSource()).as("the credentials are sent").contains("\"username\":\"admin\"");
        assertThat(browser.manage().getCookies()).as("and Basic never makes a session").isEmpty();

        Snapshot before = snapshot();
        attack(browser, "basic");
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        assertTheForgedRequestsWereValid("basic");
    }

    @Test
    void a_user_disabled_demoted_or_moved_in_one_browser_is_refused_on_the_next_request_in_another()
            throws IOException {
        createUser("b-inspector", "INSPECTOR", null);
        createUser("b-admin", "ADMIN", null);
        createUser("b-rep", "ORG_REP", "V-HONGQI");
        signIn(browser, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        WebDriver other = anotherBrowser();

        // disabled: the next page request goes to the sign-in form
        signIn(other, "b-inspector", PASSWORD);
        other.get(url("/inspection"));
        assertThat(other.getCurrentUrl()).endsWith("/inspection");
        changeUser("b-inspector", "{\"displayName\":\"测试用户\",\"role\":\"INSPECTOR\",\"enabled\":false}");
        other.navigate().refresh();
        waitUntil(other, d -> d.getCurrentUrl().contains("/login"));

        // demoted: the next API call is refused (401: the session is over), then pages too
        other.manage().deleteAllCookies();
        signIn(other, "b-admin", PASSWORD);
        assertThat(fetchStatus(other, "/api/users")).isEqualTo(200);
        changeUser("b-admin", "{\"displayName\":\"测试用户\",\"role\":\"EVALUATOR\"}");
        assertThat(fetchStatus(other, "/api/users")).isEqualTo(401);
        assertThat(fetchStatus(other, "/api/me")).isEqualTo(401);
        other.get(url("/office"));
        waitUntil(other, d -> d.getCurrentUrl().contains("/login"));

        // moved to another organization: the old organization's page is refused, the sign-in form shown
        other.manage().deleteAllCookies();
        signIn(other, "b-rep", PASSWORD);
        other.get(url("/org/V-HONGQI"));
        assertThat(other.getCurrentUrl()).endsWith("/org/V-HONGQI");
        changeUser("b-rep", "{\"displayName\":\"测试用户\",\"role\":\"ORG_REP\",\"orgCode\":\"V-SHIQIAO\"}");
        other.navigate().refresh();
        waitUntil(other, d -> d.getCurrentUrl().contains("/login"));
        signIn(other, "b-rep", PASSWORD);
        assertThat(other.findElement(By.tagName("h1")).getText()).as("signed in again: the old organization")
                .isEqualTo("页面不存在");
        other.get(url("/"));
        assertThat(other.getCurrentUrl()).as("the new organization is home").endsWith("/org/V-SHIQIAO");

        // the page a refused user lands on, at both widths
        browser.manage().deleteAllCookies();
        open("/office");
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        checkPage("session-ended-login");
    }

    /** What the forged requests would change. */
    record Snapshot(List<String> visits, boolean published, int ruleVersions, List<String> organizations) {
    }

    private Snapshot snapshot() {
        List<String> visits = admin.get("/api/visits?orgCode=V-SHIQIAO").json().valueStream()
                .map(v -> v.get("visitId").asString()).sorted().toList();
        boolean published = admin.get("/api/evaluations?period=2026").json().valueStream()
                .anyMatch(e -> e.get("published").asBoolean());
        int versions = admin.get("/api/rules/versions").json().size();
        List<String> organizations = admin.get("/api/organizations?flat=true").json().valueStream()
                .map(o -> o.get("code").asString()).sorted().toList();
        return new Snapshot(visits, published, versions, organizations);
    }

    /** The forged bodies were valid: sent properly by an API client they are stored (so nothing stored them before). */
    private void assertTheForgedRequestsWereValid(String tag) {
        Api.Reply visit = admin.post("/api/visits", VISIT_NAME.formatted(tag + "-form") + "=" + VISIT_VALUE);
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        Api.Reply org = admin.post("/api/import", ORG_NAME.formatted(tag) + "=" + ORG_VALUE);
        assertThat(org.status()).as(org.body()).isEqualTo(200);
    }

    /**
     * The victim's browser visits the attacker's pages, from another site (127.0.0.1) and from the
     * same site on another port (localhost, where SameSite does not help): each page posts at once.
     */
    private void attack(WebDriver victim, String tag) {
        for (String host : List.of("127.0.0.1", "localhost")) {
            String site = "http://" + host + ":" + attackerPort;
            String label = host.equals("localhost") ? "samesite" : "othersite";
            for (String page : List.of("visit-form", "import-form", "import-upload", "publish-form", "draft-upload")) {
                victim.get(site + "/" + page + "?tag=" + tag + "-" + label);
                waitUntil(victim, d -> d.getCurrentUrl().startsWith("http://localhost:" + port + "/"));
                String answer = victim.findElement(By.tagName("body")).getText();
                assertThat(answer).as(page + " from " + host).contains("跨站请求被拒绝");
            }
            victim.get(site + "/fetches?tag=" + tag + "-" + label);
            waitUntil(victim, d -> d.getTitle().startsWith("done"));
            assertThat(victim.getTitle()).as("fetches from " + host + " could not read any answer")
                    .isEqualTo("done opaque,opaque,blocked,blocked");
        }
    }

    private HttpServer startAttacker() throws IOException {
        for (int p = FIRST_PORT; p <= LAST_PORT; p++) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 0);
                server.createContext("/", exchange -> {
                    String path = exchange.getRequestURI().getPath().substring(1);
                    String query = exchange.getRequestURI().getQuery();
                    String tag = query == null ? "x" : query.replace("tag=", "").replaceAll("[^A-Za-z0-9.-]", "");
                    byte[] html = attackPage(path, tag).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
                    exchange.sendResponseHeaders(200, html.length);
                    exchange.getResponseBody().write(html);
                    exchange.close();
                });
                server.start();
                attackerPort = p;
                return server;
            } catch (BindException taken) {
                // try the next port of the range
            }
        }
        throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }

    private String attackPage(String page, String tag) {
        String app = "http://localhost:" + port;
        String body = switch (page) {
            case "visit-form" -> form(app + "/api/visits", "text/plain", VISIT_NAME.formatted(tag), VISIT_VALUE);
            case "import-form" -> form(app + "/api/import", "text/plain", ORG_NAME.formatted(tag), ORG_VALUE);
            case "import-upload" -> upload(app + "/api/import", "file", "bundle.json",
                    (ORG_NAME.formatted(tag + "-upload") + "=" + ORG_VALUE));
            case "publish-form" -> "<form id=\"f\" method=\"post\" action=\"" + app + "/api/evaluations/" + evaluationId
                    + "/publish\"></form><script>document.getElementById('f').submit();</script>";
            case "draft-upload" -> upload(app + "/api/rules/drafts", "files", "rules/evil.drl",
                    "package evil; rule \"evil\" when then end");
            case "fetches" -> fetches(app, tag);
            default -> "";
        };
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>prize</title></head><body>"
                + body + "</body></html>";
    }

    /** An auto-submitting form; with text/plain the body is name=value, so the '=' hides inside a JSON string. */
    private static String form(String action, String enctype, String name, String value) {
        return "<form id=\"f\" method=\"post\" action=\"" + action + "\" enctype=\"" + enctype + "\">"
                + "<input type=\"hidden\" name='" + name + "' value='" + value + "'></form>"
                + "<script>document.getElementById('f').submit();</script>";
    }

    /** An auto-submitting multipart form with a file the script makes. */
    private static String upload(String action, String field, String fileName, String content) {
        String js = content.replace("'", "\\'");
        return "<form id=\"f\" method=\"post\" action=\"" + action + "\" enctype=\"multipart/form-data\">"
                + "<input type=\"file\" name=\"" + field + "\"></form><script>"
                + "var dt = new DataTransfer();"
                + "dt.items.add(new File(['" + js + "'], '" + fileName + "', {type: 'application/json'}));"
                + "var input = document.querySelector('input[type=file]'); input.files = dt.files;"
                + "document.getElementById('f').submit();</script>";
    }

    /** Fetches with the victim's credentials: two simple requests (no preflight) and two that need CORS. */
    private String fetches(String app, String tag) {
        String visit = (VISIT_NAME.formatted(tag + "-fetch") + "=" + VISIT_VALUE).replace("\"", "\\\"");
        return "<script>"
                + "function one(url, init) { init.credentials = 'include';"
                + "  return fetch(url, init).then(function (r) { return r.type; }, function () { return 'blocked'; }); }"
                + "Promise.all(["
                + " one('" + app + "/api/visits', {method: 'POST', mode: 'no-cors',"
                + "   headers: {'Content-Type': 'text/plain'}, body: \"" + visit + "\"}),"
                + " one('" + app + "/api/evaluations/" + evaluationId + "/publish', {method: 'POST', mode: 'no-cors'}),"
                + " one('" + app + "/api/visits', {method: 'POST',"
                + "   headers: {'Content-Type': 'application/json'}, body: \"" + visit + "\"}),"
                + " one('" + app + "/api/evaluations/" + evaluationId + "/publish', {method: 'POST'})"
                + "]).then(function (r) { document.title = 'done ' + r.join(','); });"
                + "</script>";
    }

    private void createUser(String username, String role, String orgCode) {
        String org = orgCode == null ? "null" : "\"" + orgCode + "\"";
        Api.Reply r = admin.post("/api/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"测试用户\",\"role\":\"" + role + "\",\"orgCode\":" + org + "}");
        assertThat(r.status()).as(r.body()).isIn(201, 409);
    }

    /** The administrator changes a user from a page of their own session, as a page script would (token header). */
    private void changeUser(String username, String json) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var header = document.querySelector('meta[name=\"_csrf_header\"]').content;"
                        + "var token = document.querySelector('meta[name=\"_csrf\"]').content;"
                        + "var headers = {'Content-Type': 'application/json'}; headers[header] = token;"
                        + "fetch('/api/users/' + arguments[0], {method: 'PUT', headers: headers, body: arguments[1]})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(String(e)); });",
                username, json);
        assertThat(status).as("the administrator's change of " + username).isEqualTo(200L);
    }

    private void signIn(WebDriver driver, String username, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(driver, d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The status of a same-origin fetch from the page the browser shows (a page of the app). */
    private long fetchStatus(WebDriver driver, String path) {
        if (!driver.getCurrentUrl().startsWith(url("/"))) {
            driver.get(url("/login"));
        }
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {headers: {'Accept': 'application/json'}})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(-1); });", path);
        return (Long) status;
    }

    private static void waitUntil(WebDriver driver, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30), POLL).until(condition::apply);
    }
}
