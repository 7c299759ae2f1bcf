package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 15, self-reports (自评 → 审核 → 确认), the whole flow in a browser: the office sets the
 * deadline; a village (前进村, its own representative) changes two facts and submits, after a
 * mistake is shown at its fact; the township (柳河镇党委) returns one fact with a reason and leaves
 * the other waiting; the office's evaluation on approved facts does not see the submitted values,
 * a trial on the latest facts does (and says so, and cannot be published); the village corrects
 * the returned fact; the township approves both; the office's evaluation on approved facts now
 * grades the village 软弱涣散 (W-01, the secretary vacant 7 months); the revisions are listed and
 * every step is in the audit trail.
 */
class SelfReportPagesTest extends BrowserTest {

    private static final String VILLAGE = "Z01-V05";
    private static final String PERIOD = "2026";
    private static final Pattern EVALUATION_ID = Pattern.compile("编号 (\\d+)");

    @Test
    void a_village_submits_the_township_returns_a_fact_the_village_corrects_it_and_the_approved_facts_are_evaluated() {
        Api admin = new Api(port, TestUsers.admin());
        Api.Reply created = admin.post("/api/users", "{\"username\":\"qianjin\",\"password\":\"" + DEMO_PASSWORD
                + "\",\"displayName\":\"前进村党支部 联络员\",\"role\":\"ORG_REP\",\"orgCode\":\"" + VILLAGE + "\"}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        Api evaluator = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));

        // the office sets the period's deadline
        signIn("evaluator");
        open("/office");
        find("a[href='/office/self-reports']").click();
        open("/office/self-reports?period=" + PERIOD);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-12-20'", find("#deadline-input"));
        find("#deadline-form summary").click();
        find("#deadline-form input[name=evidence][value=secretaryVacantMonths]").click();
        find("#deadline-form button").click();
        waitFor(d -> d.getPageSource().contains("自评截止日期已设为 2026-12-20"));
        assertThat(text("#deadline")).isEqualTo("2026-12-20");
        assertThat(text("#unit-XQ-Z01 th")).isEqualTo("柳河镇党委");
        checkPage("office-self-reports");
        signOut();

        // the village fills: a mistake is shown at its fact and nothing is stored
        signIn("qianjin");
        assertThat(browser.getCurrentUrl()).endsWith("/org/" + VILLAGE);
        assertThat(find("#self-report-link").getText()).isEqualTo("自评填报");
        open("/org/" + VILLAGE + "/self-report?period=" + PERIOD);
        assertThat(text("#reviewer")).isEqualTo("柳河镇党委");
        assertThat(text("#deadline")).isEqualTo("2026-12-20");
        assertThat(find("#fact-secretaryVacantMonths").getAttribute("value")).isEqualTo("0");
        assertThat(text("#fact-row-secretaryVacantMonths .previous")).isEqualTo("上期：0");
        assertThat(text("#fact-row-secretaryVacantMonths .rules")).contains("W-01");
        checkPage("self-report-form");
        type("secretaryVacantMonths", "7");
        type("volunteerActivities", "80");
        type("floatingMembersInContact", "5");
        find("#submit-report").click();
        waitFor(d -> !d.findElements(By.id("form-errors")).isEmpty());
        assertThat(text("#error-floatingMembersInContact")).isEqualTo("不能超过“流动党员（名）”（2）");
        assertThat(text("#error-secretaryVacantMonths")).startsWith("考核办要求本项附证明材料");
        assertThat(find("#fact-secretaryVacantMonths").getAttribute("value")).as("what was typed stays").isEqualTo("7");
        assertThat(text("#report-status")).isEqualTo("已批准");
        checkPage("self-report-mistake");
        type("floatingMembersInContact", "2");
        find("#evidence-secretaryVacantMonths").sendKeys(file("书记空缺说明.png", png()).toString());
        find("#submit-report").click();
        waitFor(d -> d.getPageSource().contains("已提交，等待柳河镇党委审核"));
        assertThat(text("#report-status")).isEqualTo("待审核");
        assertThat(rows("#revisions")).hasSize(2);
        signOut();

        // the township returns one fact with a reason and leaves the other waiting
        signIn("liuhe");
        open("/org/XQ-Z01");
        find("#reviews-link").click();
        open("/org/XQ-Z01/self-reports?period=" + PERIOD);
        assertThat(text("#report-" + VILLAGE)).contains("待审核", "2");
        find("#report-" + VILLAGE + " a").click();
        waitFor(d -> d.getCurrentUrl().contains("/self-report/review"));
        assertThat(text("#review-volunteerActivities .submitted")).isEqualTo("80");
        WebElement proof = find("#review-secretaryVacantMonths .evidence a");
        assertThat(proof.getText()).isEqualTo("书记空缺说明.png");
        String proofPath = proof.getAttribute("href").replaceFirst("^https?://[^/]+", "");
        assertThat(new Api(port, TestUsers.basic("liuhe", DEMO_PASSWORD)).get(proofPath).status()).isEqualTo(200);
        assertThat(new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD)).get(proofPath).status())
                .as("another village's representative").isEqualTo(404);
        checkPage("self-report-review");
        find("input[name='decision.volunteerActivities'][value='return']").click();
        find("#save-review").click();
        waitFor(d -> !d.findElements(By.id("form-errors")).isEmpty());
        assertThat(text("#error-volunteerActivities")).isEqualTo("退回须写明理由，告诉填报人要改什么");
        find("#reason-volunteerActivities").sendKeys("志愿服务活动 80 次与活动台账不符，请核对");
        find("#save-review").click();
        waitFor(d -> d.getPageSource().contains("审核已保存"));
        assertThat(text("#report-status")).isEqualTo("已退回");
        assertThat(text("#awaiting")).isEqualTo("1");
        signOut();

        // the office: approved facts do not have the submitted vacancy; a trial on the latest facts does
        signIn("evaluator");
        long approvedBefore = evaluate("APPROVED");
        assertThat(tier(evaluator, approvedBefore)).isNotEqualTo("WEAK");
        long trial = evaluate("LATEST");
        assertThat(tier(evaluator, trial)).isEqualTo("WEAK");
        assertThat(evaluator.get("/api/evaluations/" + trial + "/summary").json().get("factBasis").asString())
                .isEqualTo("LATEST");
        assertThat(text("#evaluation-" + trial + " .basis")).isEqualTo("最新填报数据（含未审核）");
        assertThat(browser.findElements(By.cssSelector("#evaluation-" + trial + " form[action$='/publish']"))).isEmpty();
        assertThat(evaluator.post("/api/evaluations/" + trial + "/publish", "").status()).isEqualTo(409);
        open("/office/self-reports?period=" + PERIOD);
        assertThat(find("#unit-XQ-Z01 td[data-status=RETURNED]").getText()).isEqualTo("1");
        signOut();

        // the village sees the reason and corrects the returned fact
        signIn("qianjin");
        open("/org/" + VILLAGE + "/self-report?period=" + PERIOD);
        assertThat(text("#fact-row-volunteerActivities .returned")).contains("与活动台账不符");
        type("volunteerActivities", "9");
        find("#submit-report").click();
        waitFor(d -> d.getPageSource().contains("已提交，等待柳河镇党委审核"));
        signOut();

        // the township approves both
        signIn("liuhe");
        open("/org/" + VILLAGE + "/self-report/review?period=" + PERIOD);
        assertThat(text("#review-volunteerActivities .submitted")).isEqualTo("9");
        find("input[name='decision.volunteerActivities'][value='approve']").click();
        find("#approve-rest").click();
        waitFor(d -> d.getPageSource().contains("审核已保存"));
        assertThat(text("#report-status")).isEqualTo("已批准");
        signOut();

        // the office's evaluation on approved facts now has them
        signIn("evaluator");
        long approvedAfter = evaluate("APPROVED");
        assertThat(tier(evaluator, approvedAfter)).isEqualTo("WEAK");
        assertThat(evaluator.get("/api/evaluations/" + approvedAfter + "/organizations/" + VILLAGE).body())
                .contains("W-01");
        open("/org/" + VILLAGE + "/self-report?period=" + PERIOD);
        List<String> revisions = rows("#revisions").stream().map(WebElement::getText).toList();
        assertThat(revisions).hasSize(6);
        assertThat(String.join("\n", revisions)).contains("退回", "批准", "志愿服务活动 80 次与活动台账不符，请核对");
        checkPage("self-report-revisions");

        String audit = admin.get("/api/audit?target=selfreport:" + VILLAGE + "/" + PERIOD).body();
        assertThat(audit).contains("SELF_REPORT_SUBMITTED", "SELF_REPORT_REVIEWED");
        assertThat(admin.get("/api/audit?target=organization:" + VILLAGE + "/facts/" + PERIOD).body())
                .contains("FACTS_UPDATED");
    }

    @Test
    void a_representative_fills_only_its_own_organization_and_reviews_only_what_its_committee_reviews() {
        signIn("donggang");
        open("/org/" + VILLAGE + "/self-report?period=" + PERIOD);
        assertThat(text("h1")).as("another village is not found").isEqualTo("页面不存在");
        open("/org/Z01-V04/self-report/review?period=" + PERIOD);
        assertThat(text("h1")).isEqualTo("无权访问");
        Api donggang = new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD));
        assertThat(donggang.get("/org/XQ-Z01/self-reports").status()).isIn(403, 404);
        signOut();
        signIn("liuhe");
        open("/org/Z01-V04/self-report?period=" + PERIOD);
        assertThat(browser.findElements(By.cssSelector("form.self-report"))).as("the township reads, never fills").isEmpty();
        open("/org/XQ-Z01/self-report/review?period=" + PERIOD);
        assertThat(text("h1")).as("a township's own report is the office's to review").isEqualTo("无权访问");
    }

    private static Path file(String name, byte[] content) {
        try {
            return Files.write(Files.createTempDirectory("self-report").resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void type(String field, String value) {
        WebElement input = find("#fact-" + field);
        input.clear();
        input.sendKeys(value);
    }

    private List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector(table + " tbody tr"));
    }

    private long evaluate(String basis) {
        open("/office");
        WebElement period = find("#period");
        period.clear();
        period.sendKeys(PERIOD);
        find("#run-form input[name=facts][value=" + basis + "]").click();
        find("#run-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/office") && !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
        Matcher id = EVALUATION_ID.matcher(text(".alert.ok"));
        assertThat(id.find()).as(text(".alert.ok")).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static String tier(Api evaluator, long evaluation) {
        return evaluator.get("/api/evaluations/" + evaluation + "/organizations/" + VILLAGE).json().get("tier").asString();
    }

    private void signOut() {
        open("/org/tree");
        find("form.signout button").click();
        waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
    }
}
