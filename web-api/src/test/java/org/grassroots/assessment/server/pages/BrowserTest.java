package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.assessment.server.SharedContext;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages in a real browser: Debian's Chromium headless through Selenium, against a server on the
 * demo district (its demo users). Saves screenshots at phone and desktop widths to
 * target/screenshots and checks pages with axe-core (labels, contrast, names, language, title).
 * Skipped only where /usr/bin/chromedriver is missing (.ci/run installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + BrowserTest.DATA_DIR_BASE + "${assessment.test.fork:}", "assessment.demo=true"})
@Tag(BrowserTest.TAG)
@SharedContext
public abstract class BrowserTest {

    /**
     * The tag of every browser test. The suite on PostgreSQL leaves them out: a page reads through
     * the same repositories as the API, and the queries only the pages send (the ranking table's
     * filters, search, orders and paging) run there in {@code ranking.RankingSearchTest}.
     */
    public static final String TAG = "browser";

    static final String DATA_DIR_BASE = "target/test-data/pages";
    /** The shared server's data directory, one per test JVM (the build may run two, see the parent pom). */
    static final String DATA_DIR = DATA_DIR_BASE + System.getProperty("assessment.test.fork", "");
    static final String DEMO_PASSWORD = "demo2026";
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path AXE = Path.of("../.ci/node/node_modules/axe-core/axe.min.js");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** How often a wait checks its condition (the default, 500 ms, is mostly idle time here). */
    static final Duration POLL = Duration.ofMillis(100);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final String AXE_RULES = "['label', 'color-contrast', 'button-name', 'link-name', 'image-alt',"
            + " 'html-has-lang', 'document-title', 'select-name', 'input-button-name']";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    /** The application's clock, in its configured zone: "today" as the server sees it. */
    @Autowired
    protected Clock clock;
    private final List<WebDriver> others = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    /**
     * The browser the tests of this JVM share (see {@link #sharesBrowser()}): starting Chromium takes
     * seconds, so one is started once and reset before each test (cookies, storage, permissions,
     * dialogs, windows, size) instead of one started and quit per test. Quit when the JVM ends.
     */
    private static ChromeDriver shared;
    private static Path sharedProfile;
    private static boolean hookAdded;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: no " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        if (!sharesBrowser()) {
            browser = newBrowser(profiles);
            return;
        }
        browser = sharedBrowser();
    }

    /**
     * Whether this class's tests may run in the shared browser. A class that changes what a reset
     * does not undo (remembered HTTP credentials, extra request headers, geolocation) answers false
     * and gets a browser of its own per test, quit after it.
     */
    protected boolean sharesBrowser() {
        return true;
    }

    private ChromeDriver sharedBrowser() throws IOException {
        synchronized (BrowserTest.class) {
            if (shared != null && !reset(shared)) {
                quitShared();
            }
            if (shared == null) {
                List<Path> profile = new ArrayList<>();
                shared = newBrowser(profile);
                sharedProfile = profile.get(0);
                if (!hookAdded) {
                    hookAdded = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::quitShared, "quit-shared-browser"));
                }
            }
            return shared;
        }
    }

    private static void quitShared() {
        synchronized (BrowserTest.class) {
            if (shared != null) {
                try {
                    shared.quit();
                } catch (RuntimeException e) {
                    System.out.println("shared browser did not quit cleanly: " + e);
                }
                shared = null;
                Api.deleteDirectory(sharedProfile.toString());
            }
        }
    }

    /**
     * The shared browser as a new one would be for this test: no dialog open, one window on a blank
     * page at desktop size, no cookies, no storage of this server's origin, no granted or denied
     * permissions. False when the browser does not answer (it is then replaced).
     */
    private boolean reset(ChromeDriver chrome) {
        try {
            try {
                chrome.switchTo().alert().dismiss();
            } catch (NoAlertPresentException e) {
                // none open
            }
            List<String> windows = new ArrayList<>(chrome.getWindowHandles());
            for (String w : windows.subList(1, windows.size())) {
                chrome.switchTo().window(w).close();
            }
            chrome.switchTo().window(windows.get(0));
            chrome.get("about:blank");
            chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", url(""), "storageTypes", "all"));
            chrome.executeCdpCommand("Browser.resetPermissions", Map.of());
            chrome.manage().window().setSize(DESKTOP);
            return chrome.manage().getCookies().isEmpty();
        } catch (RuntimeException e) {
            System.out.println("shared browser replaced, its reset failed: " + e);
            return false;
        }
    }

    /** A second browser with its own profile (cookies, cache), quit after the test like the first. */
    protected ChromeDriver anotherBrowser() throws IOException {
        ChromeDriver another = newBrowser(profiles);
        others.add(another);
        return another;
    }

    private static ChromeDriver newBrowser(List<Path> profiles) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        started.manage().window().setSize(DESKTOP);
        return started;
    }

    @AfterEach
    void stopBrowser() {
        others.forEach(WebDriver::quit);
        others.clear();
        if (browser != null && browser != shared) {
            browser.quit();
        }
        browser = null;
        profiles.forEach(p -> Api.deleteDirectory(p.toString()));
        profiles.clear();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    protected void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30), POLL).until(condition::apply);
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected String text(String css) {
        return find(css).getText().strip();
    }

    /** Screenshots of the current page at phone and desktop widths, then the axe check at both. */
    protected void checkPage(String name) {
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            browser.manage().window().setSize(size);
            screenshot(name + "-" + (size == PHONE ? "phone" : "desktop"));
            assertAccessible(name + " at " + size.getWidth() + " px");
            assertLaidOut(name + " at " + size.getWidth() + " px");
        }
    }

    /**
     * Issue 14, defect 9: no table cell wraps one character per line (codes, ranks and numbers never
     * break at all), and no button outside a sideways-scrolling table sticks out of the window.
     */
    @SuppressWarnings("unchecked")
    private void assertLaidOut(String page) {
        List<String> problems = (List<String>) ((JavascriptExecutor) browser).executeScript(LAYOUT_CHECK);
        assertThat(problems).as("layout problems on " + page).isEmpty();
    }

    private static final String LAYOUT_CHECK = """
            var problems = [];
            function lines(el) {
              var range = document.createRange(); range.selectNodeContents(el);
              var tops = Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; })
                  .map(function (r) { return r.top; }).sort(function (a, b) { return a - b; });
              var count = 0, last = null;
              tops.forEach(function (t) { if (last === null || t - last > 4) { count++; last = t; } });
              return count;
            }
            document.querySelectorAll('main td, main th').forEach(function (cell) {
              if (cell.offsetParent === null) return;
              var text = cell.innerText.replace(/\s/g, '');
              if (text.length < 2) return;
              var n = lines(cell);
              var oneLine = cell.matches('.num, .code, .rank, .nowrap');
              if ((oneLine && n > 1) || (n > 1 && text.length / n < 2)) {
                problems.push('cell "' + cell.innerText.trim().slice(0, 30) + '" takes ' + n + ' lines');
              }
            });
            document.querySelectorAll('main button, main .button, main input[type=submit]').forEach(function (b) {
              if (b.offsetParent === null || b.closest('.table-wrap')) return;
              var r = b.getBoundingClientRect();
              if (r.left < -1 || r.right > document.documentElement.clientWidth + 1) {
                problems.push('button "' + b.innerText.trim() + '" is cut off (' + Math.round(r.left) + '..'
                    + Math.round(r.right) + ' of ' + document.documentElement.clientWidth + ' px)');
              }
            });
            return problems;
            """;

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @SuppressWarnings("unchecked")
    private void assertAccessible(String page) {
        assertThat(AXE).as("axe-core: npm install --prefix .ci/node axe-core (as .ci/run does)").exists();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // loaded once per page: the second width's check runs on the same page
        if (Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'undefined';"))) {
            js.executeScript(axeSource());
        }
        // only the violations reported: the same rules check every node, but axe no longer builds a
        // selector for each node that passed (every text on a long page, for the contrast rule)
        Object answer = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'rule', values: " + AXE_RULES + "}, resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) {"
                + "    return n.target.join(' ') + ' ' + (n.failureSummary || ''); }).join(' | '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        List<String> violations = (List<String>) answer;
        violations.forEach(v -> System.out.println("axe " + page + ": " + v));
        assertThat(violations).as("accessibility violations on " + page).isEmpty();
    }

}
