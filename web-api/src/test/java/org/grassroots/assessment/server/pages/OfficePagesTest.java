package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The evaluation office runs and publishes an evaluation (with confirmation) and downloads the xlsx. */
class OfficePagesTest extends BrowserTest {

    @Test
    void the_office_runs_publishes_and_exports_an_evaluation() {
        signIn("evaluator");
        checkPage("office-home");
        int before = browser.findElements(By.cssSelector("#evaluations tbody tr")).size();

        find("#period").clear();
        find("#period").sendKeys("20x6");
        find("#run-form button[type=submit]").click();
        // the form is sent by script while it shows its progress: wait for the page that comes back
        waitFor(d -> !d.findElements(By.id("run-error")).isEmpty());
        assertThat(text("#run-error")).isEqualTo("考评期间“20x6”无效：应为年份（如 2026）或季度（如 2026-Q3）");

        find("#period").clear();
        find("#period").sendKeys("2026");
        find("#run-form button[type=submit]").click();
        waitFor(d -> d.getPageSource().contains("评估已完成"));
        assertThat(browser.findElements(By.cssSelector("#evaluations tbody tr"))).hasSize(before + 1);
        String id = text("#evaluations tbody tr td");

        find("#evaluation-" + id + " form[action$='/publish'] button").click();
        assertThat(browser.switchTo().alert().getText()).contains("确认发布");
        browser.switchTo().alert().accept();
        waitFor(d -> d.getPageSource().contains("已发布"));
        assertThat(text("#evaluation-" + id + " .state")).isEqualTo("已发布");

        // issue 14, defect 8: no other evaluation of the published period is offered for publishing
        java.util.List<org.openqa.selenium.WebElement> others = browser.findElements(By.cssSelector("#evaluations tbody tr"))
                .stream().filter(r -> r.findElements(By.tagName("td")).get(1).getText().equals("2026"))
                .filter(r -> !r.getAttribute("id").equals("evaluation-" + id)).toList();
        assertThat(others).as("the demo district's own 2026 evaluation").isNotEmpty();
        for (org.openqa.selenium.WebElement other : others) {
            assertThat(other.findElements(By.cssSelector("form[action$='/publish'] button"))).as(other.getText()).isEmpty();
            assertThat(other.findElement(By.cssSelector(".not-publishable")).getText())
                    .isEqualTo("本期已发布评估 #" + id + "，不能再发布");
        }

        String href = find("#evaluation-" + id + " a[href*='format=xlsx']").getAttribute("href");
        Object download = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[1];"
                + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
                + "  var bytes = new Uint8Array(b); done(r.status + ' ' + r.headers.get('content-type') + ' '"
                + "    + String.fromCharCode(bytes[0], bytes[1]) + ' ' + b.byteLength); }); });", href);
        String[] answer = download.toString().split(" ");
        assertThat(answer[0]).isEqualTo("200");
        assertThat(answer[1]).contains("spreadsheetml");
        assertThat(answer[2]).as("an xlsx is a zip").isEqualTo("PK");
        assertThat(Integer.parseInt(answer[3])).isGreaterThan(1000);
    }

    /** Issue 14 (office): a trial run is discarded from the page; a published evaluation never is. */
    @Test
    void the_office_discards_an_unpublished_evaluation_but_never_a_published_one() {
        signIn("evaluator");
        find("#period").clear();
        find("#period").sendKeys("2026");
        find("#run-form button[type=submit]").click();
        waitFor(d -> d.getPageSource().contains("评估已完成"));
        String id = text("#evaluations tbody tr td");

        find("#evaluation-" + id + " button.discard").click();
        assertThat(browser.switchTo().alert().getText()).contains("确认删除评估 " + id);
        browser.switchTo().alert().accept();
        waitFor(d -> d.getPageSource().contains("已删除"));
        assertThat(browser.findElements(By.id("evaluation-" + id))).isEmpty();
        org.grassroots.assessment.server.importing.Api evaluator = new org.grassroots.assessment.server.importing.Api(
                port, org.grassroots.assessment.server.TestUsers.basic("evaluator", DEMO_PASSWORD));
        assertThat(evaluator.get("/api/evaluations/" + id + "/summary").status()).isEqualTo(404);

        for (org.openqa.selenium.WebElement row : browser.findElements(By.cssSelector("#evaluations tbody tr"))) {
            boolean published = row.findElement(By.cssSelector(".state")).getText().equals("已发布");
            assertThat(row.findElements(By.cssSelector("button.discard"))).as(row.getText()).hasSize(published ? 0 : 1);
            if (published) {
                String publishedId = row.getAttribute("id").replace("evaluation-", "");
                assertThat(evaluator.post("/office/evaluations/" + publishedId + "/discard", "{}").status())
                        .as("a published evaluation is never discarded").isEqualTo(409);
            }
        }
        checkPage("office-home-discarded");
    }

    /** Issue 14, defect 9: on a phone the evaluations are cards and none of their buttons is cut off. */
    @Test
    void on_a_phone_every_evaluation_button_is_within_the_screen() {
        signIn("evaluator");
        browser.manage().window().setSize(PHONE);
        java.util.List<org.openqa.selenium.WebElement> buttons = browser.findElements(
                By.cssSelector("#evaluations button, #evaluations .button"));
        assertThat(buttons).isNotEmpty();
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        for (org.openqa.selenium.WebElement button : buttons) {
            org.openqa.selenium.Rectangle r = button.getRect();
            assertThat(r.getX()).as(button.getText()).isGreaterThanOrEqualTo(0);
            assertThat(r.getX() + r.getWidth()).as(button.getText() + " ends within " + width + " px")
                    .isLessThanOrEqualTo((int) width);
        }
        checkPage("office-home-cards");
    }
}
