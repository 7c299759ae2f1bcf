package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 section 3, inspector calibration on the demo district: the lead (李明) and the office get the
 * figures of every team and inspector from the API and the page (charts and tables, phone and desktop
 * widths, axe clean); another inspector (陈刚, not a lead) and a representative may not; a reversed range
 * is refused. Read only: the shared demo data is not changed.
 */
class CalibrationPagesTest extends BrowserTest {

    @Test
    void the_lead_and_the_office_see_the_calibration_and_others_may_not() {
        Api lead = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        Api.Reply reply = lead.get("/api/inspections/calibration?from=2020-01-01&to=2030-12-31");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.get("ruleVersion").asString()).isNotBlank();
        int visits = answer.get("visits").asInt();
        assertThat(visits).as("the demo district has recorded visits").isPositive();
        int byTeam = 0;
        List<String> teams = new ArrayList<>();
        for (JsonNode t : answer.get("teams")) {
            byTeam += t.get("visits").asInt();
            teams.add(t.get("name").asString());
            assertThat(t.get("meanDeduction").asDouble()).isGreaterThanOrEqualTo(0);
            JsonNode mix = t.get("severityMix");
            assertThat(mix.get("minor").asInt() + mix.get("major").asInt() + mix.get("critical").asInt()
                    + t.get("withdrawnFindings").asInt()).isEqualTo(t.get("findings").asInt());
        }
        assertThat(byTeam).as("every demo visit has a team").isEqualTo(visits);
        assertThat(answer.get("inspectors").size()).isPositive();
        assertThat(reply.body()).as("no planned visit in the answer").doesNotContain("plannedOn");

        assertThat(new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD))
                .get("/api/inspections/calibration?from=2020-01-01&to=2030-12-31").json()).isEqualTo(answer);
        assertThat(new Api(port, TestUsers.basic("inspector2", DEMO_PASSWORD)).get("/api/inspections/calibration")
                .status()).as("an inspector who does not lead").isEqualTo(403);
        assertThat(new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD)).get("/api/inspections/calibration")
                .status()).isEqualTo(403);
        Api.Reply reversed = lead.get("/api/inspections/calibration?from=2026-12-01&to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("/from");

        signIn("inspector");
        open("/inspection");
        find("#calibration-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/calibration"));
        open("/inspection/calibration?from=2020-01-01&to=2030-12-31");
        assertThat(text("#visit-count")).isEqualTo(String.valueOf(visits));
        assertThat(browser.findElements(By.cssSelector("#teams tbody tr")).stream()
                .map(r -> r.getAttribute("data-name")).toList()).containsExactlyElementsOf(teams);
        waitFor(d -> !d.findElements(By.cssSelector("#mean-chart svg, #mean-chart canvas")).isEmpty());
        checkPage("calibration");

        browser.manage().deleteAllCookies();
        signIn("evaluator");
        open("/office");
        find("#calibration-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/calibration"));
        assertThat(text("h1")).isEqualTo("督查校准");

        browser.manage().deleteAllCookies();
        signIn("inspector2");
        open("/inspection/calibration");
        assertThat(text("h1")).isEqualTo("无权访问");
    }
}
