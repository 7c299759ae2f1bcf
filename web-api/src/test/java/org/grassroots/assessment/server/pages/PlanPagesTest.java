package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16, the lead's whole task on a phone and on a desktop: from the menu to a plan for 青山镇
 * (XQ-Z03, the lead's own township: his team keeps away from it), proposed from the due list; a
 * visit moved to his own team is refused (回避), moved to another team and day is taken; the plan is
 * confirmed; a visit recorded from the plan's row counts as done. The office sees no plan (404).
 */
class PlanPagesTest extends BrowserTest {

    private static final String TOWNSHIP = "XQ-Z03";

    @Test
    void the_lead_plans_a_township_adjusts_confirms_and_records_a_visit_against_the_plan() {
        LocalDate today = LocalDate.now(clock);
        signIn("inspector");
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            String width = size == PHONE ? "phone" : "desktop";
            browser.manage().window().setSize(size);
            open("/");
            find("#nav-plans").click();
            waitFor(d -> d.getCurrentUrl().endsWith("/inspection/plans"));
            checkPage("plans-" + width);
            browser.manage().window().setSize(size);

            find("#name").sendKeys("青山镇督查（" + width + "）");
            find("#rootOrgCode").sendKeys(TOWNSHIP);
            find("#plan-form button[type=submit]").click();
            waitFor(d -> d.getCurrentUrl().matches(".*/inspection/plans/\\d+(#.*)?"));
            assertThat(text(".alert.ok")).contains("已按应检查清单提出计划");
            assertThat(text("#plan-status")).isEqualTo("草拟");
            List<WebElement> rows = browser.findElements(By.cssSelector("#plan-visits tbody tr"));
            assertThat(rows).isNotEmpty();
            assertThat(rows.stream().map(r -> r.findElement(By.cssSelector(".team")).getText().strip()))
                    .as("回避: 李明 of 督查一组 belongs to 青山镇").doesNotContain("督查一组");
            checkPage("plan-" + width);
            browser.manage().window().setSize(size);

            WebElement first = rows.get(0);
            String rowId = first.getAttribute("id");
            String org = first.getAttribute("data-org");
            boolean covert = text("#" + rowId + " .mode").equals("暗访");
            new Select(find("#" + rowId + " select")).selectByValue("督查一组");
            find("#" + rowId + " button[type=submit]").click();
            waitFor(d -> !d.findElements(By.cssSelector("#" + rowId + " .field-error")).isEmpty());
            assertThat(text("#" + rowId + " .field-error")).contains("回避").contains("督查一组");

            String team = text("#" + rowId + " .team").equals("督查二组") ? "督查三组" : "督查二组";
            new Select(find("#" + rowId + " select")).selectByValue(team);
            setDate(find("#" + rowId + " input[type=date]"), today.plusDays(2));
            find("#" + rowId + " button[type=submit]").click();
            waitFor(d -> shows(".alert.ok", "已调整"));
            assertThat(text("#" + rowId + " .team")).isEqualTo(team);
            assertThat(text("#" + rowId + " .planned-on")).isEqualTo(today.plusDays(2).toString());

            find("#confirm-plan").click();
            waitFor(d -> shows("#plan-status", "已确认"));
            String planUrl = browser.getCurrentUrl().replaceAll("#.*", "");

            find("#" + rowId + " a.button").click();
            waitFor(d -> d.getCurrentUrl().contains("/inspection/visits/new"));
            if (covert) {
                find("input[name=mode][value=COVERT]").click();
            }
            find("#team").sendKeys(team);
            find("#inspectors").sendKeys("李明");
            find("#visit-form button[type=submit]").click();
            waitFor(d -> d.getCurrentUrl().matches(".*/inspection/visits/WEB-.*"));

            browser.get(planUrl);
            assertThat(find("#" + rowId).getAttribute("data-state")).isEqualTo("DONE");
            assertThat(text("#count-done")).isEqualTo("1");
            assertThat(text("#" + rowId)).contains("检查记录");
            assertThat(org).isNotBlank();
        }

        // the office, the rule maintainers and the organizations never see that there is a plan
        String plan = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD)).get("/api/inspection-plans").json()
                .get(0).get("id").asString();
        for (String user : List.of("evaluator", "maintainer", "liuhe")) {
            browser.manage().deleteAllCookies();
            signIn(user);
            open("/inspection/plans/" + plan);
            assertThat(text("h1")).as(user).isEqualTo("页面不存在");
            open("/inspection/plans");
            assertThat(text("h1")).as(user).isEqualTo("页面不存在");
            assertThat(browser.findElements(By.id("nav-plans"))).isEmpty();
        }
    }

    /** Whether an element shows a text; false while the page is being replaced (its elements go stale). */
    private boolean shows(String css, String text) {
        try {
            return browser.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text));
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    private void setDate(WebElement input, LocalDate day) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, day.toString());
    }
}
