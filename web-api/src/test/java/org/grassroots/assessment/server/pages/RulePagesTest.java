package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/** A rule maintainer uploads a draft with an error and sees its line, then a valid draft and its what-if table. */
class RulePagesTest extends BrowserTest {

    private static final String COMBAT = "50-combat.drl";

    @TempDir
    Path dir;

    @Test
    void a_maintainer_sees_the_error_line_then_the_what_if_of_a_valid_draft() throws IOException {
        Api maintainer = new Api(port, TestUsers.basic("maintainer", DEMO_PASSWORD));
        long activeId = maintainer.get("/api/rules/active").json().get("id").asLong();
        JsonNode files = maintainer.get("/api/rules/versions/" + activeId).json().get("files");

        signIn("maintainer");
        assertThat(browser.getCurrentUrl()).endsWith("/rules");
        checkPage("rules-home");

        StringBuilder broken = new StringBuilder("package org.grassroots.assessment.rules;\n");
        for (int line = 2; line <= 16; line++) {
            broken.append("// line ").append(line).append('\n');
        }
        broken.append("this is not a rule\n// line 18\n");
        upload(write("99-broken.drl", broken.toString()));
        // the refused upload comes back as a page of its own: wait for it before reading (failed once under load)
        waitFor(d -> !d.findElements(By.id("upload-error")).isEmpty());
        assertThat(text("#upload-error")).contains("未通过编译");
        assertThat(browser.findElements(By.cssSelector("tr.error-line")).stream()
                .map(e -> e.getAttribute("data-line"))).contains("17");
        assertThat(text("tr.error-line[data-line='17']")).contains("this is not a rule", "第 17 行");
        checkPage("rules-error");

        String combat = files.get(COMBAT).asString();
        String changed = combat.replace("final double WEIGHT_PERCENT = 25;", "final double WEIGHT_PERCENT = 50;");
        assertThat(changed).isNotEqualTo(combat);
        String properties = files.get("ruleset.properties").asString()
                .replaceAll("(?m)^version=.*$", "version=2026.9-page-test");
        upload(write(COMBAT, changed) + "\n" + write("ruleset.properties", properties));
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+"));
        assertThat(text("h1")).contains("2026.9-page-test");
        assertThat(text("#scenario-summary")).contains("未通过");
        assertThat(text("#coverage")).startsWith("规则覆盖");
        assertThat(browser.findElements(By.cssSelector("#what-if tbody tr"))).isNotEmpty();
        assertThat(text("#what-if")).contains("CB-05");
        checkPage("rules-draft");

        assertThat(browser.findElements(By.cssSelector("form[action*='/activate']")))
                .as("its own scenarios fail: activation is not offered").isEmpty();
        assertThat(text("#activation-blocked")).contains("不能启用");
        assertThat(maintainer.get("/api/rules/active").json().get("id").asLong()).isEqualTo(activeId);
    }

    /**
     * Four-eyes activation: the maintainer's draft is not offered for activation until the evaluator
     * has read its impact notice and approved it; then the maintainer activates it, and rolls back
     * without a second approval.
     */
    @Test
    void a_maintainer_activates_a_draft_the_evaluator_approved_and_rolls_back() throws IOException {
        Api maintainer = new Api(port, TestUsers.basic("maintainer", DEMO_PASSWORD));
        long before = maintainer.get("/api/rules/active").json().get("id").asLong();
        JsonNode files = maintainer.get("/api/rules/versions/" + before).json().get("files");
        String properties = files.get("ruleset.properties").asString()
                .replaceAll("(?m)^version=.*$", "version=2026.9-comment-only");

        signIn("maintainer");
        upload(write(COMBAT, files.get(COMBAT).asString() + "\n// a comment: nothing changes\n") + "\n"
                + write("ruleset.properties", properties));
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+"));
        assertThat(text("#scenario-summary")).contains("未通过 0 个");
        assertThat(text("#what-if-summary")).contains("有变化的组织 0 个");
        String draftPage = browser.getCurrentUrl();
        long draft = Long.parseLong(draftPage.replaceAll(".*/rules/drafts/(\\d+).*", "$1"));
        assertThat(browser.findElements(By.cssSelector("form[action*='/activate']"))).as("not approved yet").isEmpty();
        assertThat(text("#activation-unapproved")).contains("尚未批准");
        assertThat(maintainer.post("/api/rules/versions/" + draft + "/activate", "").status()).isEqualTo(409);

        // the evaluator finds the draft, reads its impact notice and approves it
        browser.manage().deleteAllCookies();
        signIn("evaluator");
        find("#nav-approvals").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/rules/approvals"));
        assertThat(text("#drafts tr[data-id='" + draft + "']")).contains("2026.9-comment-only", "待审批");
        checkPage("rules-approvals");
        find("#drafts tr[data-id='" + draft + "'] a").click();
        waitFor(d -> d.getCurrentUrl().contains("/rules/approvals/" + draft));
        assertThat(text("#what-if-summary")).contains("有变化的组织 0 个");
        String digest = text("#notice-digest").replace("影响通知摘要：", "");
        assertThat(digest).startsWith("sha256:");
        checkPage("rules-approval");
        find("#approve-form button").click();
        waitFor(d -> !d.findElements(By.id("approved")).isEmpty());
        assertThat(text("#approvals")).contains("evaluator", digest);

        browser.manage().deleteAllCookies();
        signIn("maintainer");
        open(draftPage.replaceAll("^http://[^/]+", ""));
        assertThat(text("#approval-status")).contains("已批准");
        find("form[action*='/activate'] button").click();
        browser.switchTo().alert().accept();
        waitFor(d -> d.getCurrentUrl().endsWith("/rules"));
        assertThat(text(".alert.ok")).contains("2026.9-comment-only", "已启用");
        assertThat(text("#active-version")).isEqualTo("2026.9-comment-only");

        assertThat(text("#version-" + before + " form button")).isEqualTo("回滚到此版本");
        find("#version-" + before + " form button").click();
        assertThat(browser.switchTo().alert().getText()).contains("确认回滚");
        browser.switchTo().alert().accept();
        waitFor(d -> d.getPageSource().contains("（版本 #" + before + "）已启用"));
        assertThat(maintainer.get("/api/rules/active").json().get("id").asLong()).as("rolled back").isEqualTo(before);
    }

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toAbsolutePath().toString();
    }

    private void upload(String paths) {
        find("#files").sendKeys(paths);
        find("#comment").sendKeys("页面测试");
        find("#upload-form button[type=submit]").click();
    }
}
