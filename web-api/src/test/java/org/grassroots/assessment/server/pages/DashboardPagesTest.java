package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The office's dashboard (charts, movement, reverse list, filtered ranking) and the ledger with overdue highlighted. */
class DashboardPagesTest extends BrowserTest {

    @Test
    void the_dashboard_counts_every_organization_and_filters_the_ranking() {
        signIn("evaluator");
        open("/office/dashboard?period=2026");
        waitFor(d -> d.findElements(By.cssSelector(".chart svg")).size() == 2);
        checkPage("office-dashboard");

        int organizations = browser.findElements(By.cssSelector("#ranking tbody tr")).size();
        String id = text("main p.muted").replaceAll("^评估 #(\\d+).*$", "$1");
        Api evaluator = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));
        assertThat(organizations).as("every organization of the evaluation is ranked")
                .isEqualTo(evaluator.get("/api/evaluations/" + id + "/summary").json().get("organizations").asInt());
        assertThat(sum("#by-type td.total")).isEqualTo(organizations);
        assertThat(sum("#by-parent td.total")).isEqualTo(organizations);
        assertThat(sum("#movement td")).isEqualTo(organizations);
        assertThat(browser.findElements(By.cssSelector("#reverse li"))).hasSize(10);
        List<String> ranked = browser.findElements(By.cssSelector("#ranking tbody td a")).stream()
                .map(WebElement::getText).toList();
        List<String> bottom = new java.util.ArrayList<>(ranked.subList(ranked.size() - 10, ranked.size()));
        java.util.Collections.reverse(bottom);
        assertThat(browser.findElements(By.cssSelector("#reverse li a")).stream().map(WebElement::getText))
                .as("the reverse list is the ranking from the bottom").containsExactlyElementsOf(bottom);

        new Select(find("#type")).selectByValue("VILLAGE");
        find("#ranking-filter button").click();
        waitFor(d -> d.getCurrentUrl().contains("type=VILLAGE"));
        List<WebElement> types = browser.findElements(By.cssSelector("#ranking td.type"));
        assertThat(types).isNotEmpty().hasSizeLessThan(organizations);
        assertThat(types).allSatisfy(t -> assertThat(t.getText()).isEqualTo("村"));
    }

    @Test
    void the_ledger_highlights_overdue_items() {
        signIn("evaluator");
        open("/office/rectifications");
        checkPage("office-rectifications");
        List<WebElement> rows = browser.findElements(By.cssSelector("#ledger tbody tr"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            boolean said = row.getText().contains("已逾期");
            assertThat(row.getAttribute("class").contains("overdue")).as(row.getText()).isEqualTo(said);
        }
        find("input[name=overdue]").click();
        find("#ledger-filter button").click();
        waitFor(d -> d.getCurrentUrl().contains("overdue=true"));
        assertThat(browser.findElements(By.cssSelector("#ledger tbody tr"))).allSatisfy(r ->
                assertThat(r.getAttribute("class")).contains("overdue"));
    }

    private int sum(String css) {
        return browser.findElements(By.cssSelector(css)).stream().mapToInt(e -> Integer.parseInt(e.getText().strip()))
                .sum();
    }
}
