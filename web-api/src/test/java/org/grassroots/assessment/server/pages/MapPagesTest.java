package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16, the organizations on a map: the office opens it from its page and sees every demo
 * organization placed on its coordinates, coloured by grade, then by whether a visit is due (the
 * counts agree with the due list); the lead opens it from the inspection page; a representative may
 * not. Phone and desktop widths, axe clean.
 */
class MapPagesTest extends BrowserTest {

    @Test
    void the_office_and_the_lead_see_the_organizations_by_grade_and_by_visits_due() {
        int organizations = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD)).get("/api/organizations").json()
                .findValuesAsString("code").size();

        signIn("evaluator");
        open("/office");
        find("#map-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/map"));
        waitFor(d -> !d.findElements(By.cssSelector("#org-map svg")).isEmpty());
        assertThat(sum()).as("every demo organization has a place").isEqualTo(organizations);
        assertThat(categories()).containsExactly("先进", "较好", "一般", "软弱涣散", "未发布定级");
        assertThat(count("软弱涣散")).as("the demo's 2025 publication grades some organizations weak").isPositive();
        assertThat(browser.findElements(By.cssSelector("#org-map svg path")).size())
                .as("a point drawn per organization").isGreaterThanOrEqualTo(organizations);
        checkPage("map-tier");

        new Select(find("#colour")).selectByValue("DUE");
        find("form.inline-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().contains("colour=DUE"));
        waitFor(d -> !d.findElements(By.cssSelector("#org-map svg")).isEmpty());
        assertThat(categories()).containsExactly("应暗访", "应检查", "暂不需要检查");
        assertThat(sum()).isEqualTo(organizations);
        String asOf = text("#as-of");
        long dueOrgs = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD)).get("/api/inspections/due?asOf=" + asOf)
                .json().get("visits").findValuesAsString("orgCode").stream().distinct().count();
        assertThat(count("应暗访") + count("应检查")).as("the due list's organizations").isEqualTo((int) dueOrgs);
        checkPage("map-due");

        browser.manage().deleteAllCookies();
        signIn("inspector");
        open("/inspection");
        find("#map-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/map"));
        assertThat(sum()).isEqualTo(organizations);

        browser.manage().deleteAllCookies();
        signIn("donggang");
        open("/inspection/map");
        assertThat(text("h1")).isEqualTo("无权访问");
    }

    private List<String> categories() {
        return browser.findElements(By.cssSelector("#map-counts tbody tr")).stream()
                .map(r -> r.getAttribute("data-category")).toList();
    }

    private int count(String category) {
        for (WebElement row : browser.findElements(By.cssSelector("#map-counts tbody tr"))) {
            if (row.getAttribute("data-category").equals(category)) {
                return Integer.parseInt(row.findElement(By.cssSelector("td")).getText().strip());
            }
        }
        throw new AssertionError("no category " + category);
    }

    private int sum() {
        return categories().stream().mapToInt(this::count).sum();
    }
}
