package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A rule maintainer's pages (issue 14, defect 7 and the maintainers' tools): a draft that fails its
 * scenarios is not offered for activation; the what-if summary counts what its table shows, marks and
 * filters tier and rank changes, for a period chosen on the page; no two versions share a label; the
 * compile-error view keeps indentation and opens at the first error; "roll back" only for older
 * versions; the files of any version viewed and downloaded; a diff page; the editor in the browser.
 */
class RuleMaintainerPagesTest extends BrowserTest {

    /** A rule that adds 10 combat points to organizations without a new member: tiers and ranks move. */
    private static final String BONUS = """
            package org.grassroots.assessment.rules;

            import org.grassroots.assessment.evaluation.*;
            import org.grassroots.assessment.model.*;

            rule "PT-01 page test bonus 页面测试加分"
                salience 700
            when
                PeriodFacts( $o : orgCode, newMembers == 0 )
            then
                insert(new Line($o, "PT-01", Dimension.COMBAT, 10, "页面测试加 10 分"));
            end
            """;

    @TempDir
    Path dir;

    private Api maintainer() {
        return new Api(port, TestUsers.basic("maintainer", DEMO_PASSWORD));
    }

    @Test
    void a_draft_failing_its_scenarios_is_not_offered_and_its_what_if_counts_what_it_shows() throws IOException {
        signIn("maintainer");
        upload("页面测试：加分规则", "", write("97-page-bonus.drl", BONUS));
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+.*"));
        assertThat(text("#scenario-summary")).doesNotContain("未通过 0 个");
        assertThat(browser.findElements(By.cssSelector("form[action*='/activate']"))).as("no activation offered").isEmpty();
        assertThat(text("#activation-blocked")).contains("不能启用");

        int shown = browser.findElements(By.cssSelector("#what-if tbody tr")).size();
        assertThat(text("#what-if-summary")).contains("有变化的组织 " + shown + " 个");
        int tierMarks = browser.findElements(By.cssSelector("#what-if td.tier-after mark")).size();
        int rankMarks = browser.findElements(By.cssSelector("#what-if td.rank-after mark")).size();
        assertThat(text("#what-if-summary")).contains("等次变化 " + tierMarks + " 个", "排名变化 " + rankMarks + " 个");
        assertThat(rankMarks).as("the bonus moves ranks").isPositive();
        checkPage("rules-what-if");

        find(".filters a[data-filter='rank']").click();
        waitFor(d -> d.getCurrentUrl().contains("show=rank"));
        assertThat(browser.findElements(By.cssSelector("#what-if tbody tr"))).hasSize(rankMarks);
        assertThat(browser.findElements(By.cssSelector("#what-if td.rank-after mark"))).hasSize(rankMarks);
        assertThat(text("#what-if-shown")).contains("下表列出 " + rankMarks + " 个组织");

        WebElement period = find("#period");
        period.clear();
        period.sendKeys("2025");
        find("#period-form button").click();
        waitFor(d -> d.getCurrentUrl().contains("period=2025"));
        assertThat(text("#whatif-h")).contains("2025 期间");
    }

    @Test
    void two_versions_never_share_a_label() throws IOException {
        Api api = maintainer();
        long activeId = api.get("/api/rules/active").json().get("id").asLong();
        String activeLabel = api.get("/api/rules/active").json().get("version").asString();

        signIn("maintainer");
        upload("同一版本号", "", write("97-page-bonus.drl", BONUS));
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+.*"));
        assertThat(text(".alert.ok")).contains("草稿已保存");
        assertThat(text("h1")).doesNotContain("规则集 " + activeLabel + "（");

        Map<String, String> files = filesOf(api, activeId);
        files.put("97-other.drl", BONUS.replace("PT-01", "PT-02"));
        Api.Reply refused = api.post("/api/rules/drafts", Api.JSON.writeValueAsString(Map.of("files", files)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("版本号 " + activeLabel + " 已被版本 #");
        List<String> labels = api.get("/api/rules/versions").json().valueStream()
                .map(v -> v.get("version").asString()).toList();
        assertThat(labels).doesNotHaveDuplicates();
    }

    @Test
    void the_compile_error_view_keeps_indentation_and_opens_at_the_first_error() throws IOException {
        StringBuilder broken = new StringBuilder("package org.grassroots.assessment.rules;\n");
        for (int line = 2; line <= 80; line++) {
            broken.append("// line ").append(line).append('\n');
        }
        broken.append("rule \"PT-09 broken\"\nwhen\n        this is not a condition\nthen\nend\n");
        signIn("maintainer");
        browser.manage().window().setSize(PHONE);
        upload("编译错误", "", write("96-broken.drl", broken.toString()));
        waitFor(d -> !d.findElements(By.id("upload-error")).isEmpty());
        WebElement first = find("tr.error-line");
        assertThat(inView(first)).as("the page opens at the first error").isTrue();
        assertThat(find("#upload-error a.first-error-link").getAttribute("href")).contains("#first-error-");
        WebElement indented = find("tr[data-line='83'] code");
        assertThat(indented.getCssValue("white-space")).isEqualTo("pre");
        assertThat((String) ((JavascriptExecutor) browser).executeScript("return arguments[0].textContent;", indented))
                .startsWith("        this");
        checkPage("rules-compile-error");
    }

    @Test
    void roll_back_is_said_only_of_older_versions_and_any_version_is_viewed_downloaded_and_compared() throws IOException {
        Api api = maintainer();
        long before = api.get("/api/rules/active").json().get("id").asLong();
        Map<String, String> files = filesOf(api, before);
        files.put("50-combat.drl", files.get("50-combat.drl") + "\n// 只加一行注释：结果不变\n");
        files.put("ruleset.properties", files.get("ruleset.properties").replaceAll("(?m)^version=.*$", "version=2026.9-rollback"));
        Api.Reply created = api.post("/api/rules/drafts", Api.JSON.writeValueAsString(Map.of("files", files, "comment", "注释")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long newer = created.json().get("id").asLong();
        org.grassroots.assessment.server.ruleset.SecondPerson.approve(port, newer);
        assertThat(api.post("/api/rules/versions/" + newer + "/activate", "{}").status()).isEqualTo(200);
        try {
            signIn("maintainer");
            open("/rules");
            assertThat(text("#version-" + before + " form button")).isEqualTo("回滚到此版本");
            find("#version-" + before + " form button").click();
            browser.switchTo().alert().accept();
            waitFor(d -> d.getPageSource().contains("（版本 #" + before + "）已启用"));
            assertThat(text("#version-" + newer + " form button")).as("newer than the active one").isEqualTo("重新启用");
            assertThat(browser.findElements(By.xpath("//tr[@id='version-" + newer + "']//button[text()='回滚到此版本']"))).isEmpty();

            open("/rules/versions/" + newer);
            assertThat(text("#file-list")).contains("50-combat.drl", "ruleset.properties");
            assertThat(browser.getPageSource()).contains("只加一行注释");
            checkPage("rules-version-files");
            String download = fetch("/rules/versions/" + newer + "/file?name=50-combat.drl");
            assertThat(download).isEqualTo(files.get("50-combat.drl"));
            assertThat(fetchHeader("/rules/versions/" + newer + "/files.zip", "content-type")).isEqualTo("application/zip");

            open("/rules/diff?from=" + before + "&to=" + newer);
            assertThat(text("#diff-summary")).contains("变化的文件 2 个");
            assertThat(browser.findElements(By.cssSelector("pre.diff span.add")).stream().map(WebElement::getText))
                    .contains("+// 只加一行注释：结果不变", "+version=2026.9-rollback");
            checkPage("rules-diff");
        } finally {
            api.post("/api/rules/versions/" + before + "/activate", "{}");
        }
    }

    @Test
    void the_editor_marks_compile_errors_on_their_lines_keeps_the_text_and_saves_a_draft() {
        Api api = maintainer();
        long activeId = api.get("/api/rules/active").json().get("id").asLong();
        signIn("maintainer");
        open("/rules/editor?base=" + activeId + "&file=50-combat.drl");
        waitFor(d -> !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        assertThat(find(".CodeMirror").getText()).contains("COMBAT 战斗力");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat((String) js.executeScript("return window.ruleEditor.getValue();")).contains("CB-05");
        checkPage("rules-editor");

        String original = (String) js.executeScript("return window.ruleEditor.getValue();");
        js.executeScript("window.ruleEditor.setValue(arguments[0]);", original + "\nrule \"CB-99 broken\"\nwhen\n    nonsense here\nthen\nend\n");
        find("#version").sendKeys("2026.9-editor");
        find("#editor-form button[type=submit]").click();
        waitFor(d -> !d.findElements(By.id("edit-error")).isEmpty());
        assertThat(text("#edit-error")).contains("未通过编译");
        assertThat(browser.findElements(By.cssSelector("#editor-errors li[data-line]"))).isNotEmpty();
        waitFor(d -> !d.findElements(By.cssSelector(".CodeMirror .cm-error-line")).isEmpty());
        assertThat((String) js.executeScript("return window.ruleEditor.getValue();")).contains("nonsense here");
        checkPage("rules-editor-errors");

        js.executeScript("window.ruleEditor.setValue(arguments[0]);", original + "\n// 编辑器保存的注释\n");
        find("#editor-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+.*"));
        assertThat(text("h1")).contains("2026.9-editor");
        long draft = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rules/drafts/(\\d+).*", "$1"));
        assertThat(filesOf(api, draft).get("50-combat.drl")).endsWith("// 编辑器保存的注释\n");
    }

    private boolean inView(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    private String fetch(String path) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", path);
    }

    private String fetchHeader(String path, String header) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.headers.get(arguments[1])));",
                path, header);
    }

    private static Map<String, String> filesOf(Api api, long id) {
        JsonNode files = api.get("/api/rules/versions/" + id).json().get("files");
        Map<String, String> map = new java.util.TreeMap<>();
        files.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toAbsolutePath().toString();
    }

    private void upload(String comment, String label, String paths) {
        find("#files").sendKeys(paths);
        find("#comment").sendKeys(comment);
        if (!label.isEmpty()) {
            find("#version").sendKeys(label);
        }
        find("#upload-form button[type=submit]").click();
    }
}
