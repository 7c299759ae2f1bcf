package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, the due list on the demo district (2025 published when the demo was loaded, today; other
 * tests may publish more): 61 days after the latest publication every organization whose latest
 * published grade is 软弱涣散 is due a covert visit (PL-01),
 * and the organizations never visited since the records began are due a visit (PL-02); the
 * inspection team's page lists them most urgent first; representatives and maintainers never see it.
 */
class DuePagesTest extends BrowserTest {

    @Test
    void the_inspection_team_sees_the_organizations_due_a_visit_most_urgent_first() {
        Api inspector = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        // the published evaluations, newest publication first (other tests may publish more than the demo's 2025)
        List<JsonNode> published = new ArrayList<>();
        inspector.get("/api/evaluations").json().forEach(e -> {
            if (e.get("published").asBoolean()) {
                published.add(e);
            }
        });
        assertThat(published).as("the demo publishes 2025").isNotEmpty();
        published.sort(Comparator.comparing((JsonNode e) -> Instant.parse(e.get("publishedAt").asString())).reversed());
        LocalDate publishedOn = LocalDate.ofInstant(Instant.parse(published.get(0).get("publishedAt").asString()),
                clock.getZone());
        String asOf = publishedOn.plusDays(61).toString();

        JsonNode list = inspector.get("/api/inspections/due?asOf=" + asOf).json();
        assertThat(list.get("asOf").asString()).isEqualTo(asOf);
        List<String> weakDue = new ArrayList<>();
        long previousOverdue = Long.MAX_VALUE;
        for (JsonNode d : list.get("visits")) {
            assertThat(d.get("overdueDays").asLong()).as("most overdue first").isLessThanOrEqualTo(previousOverdue);
            previousOverdue = d.get("overdueDays").asLong();
            if (d.get("rule").asString().equals("PL-01")) {
                weakDue.add(d.get("orgCode").asString());
                assertThat(d.get("covert").asBoolean()).isTrue();
                assertThat(d.get("reason").asString()).contains("最近发布的定级为软弱涣散").contains("满 60 天应暗访一次");
            }
        }
        assertThat(weakDue).as("the organizations graded weak").isNotEmpty();
        for (String code : weakDue) {
            // its latest published grade: the newest published evaluation that holds it
            String tier = null;
            for (JsonNode e : published) {
                Api.Reply r = inspector.get("/api/evaluations/" + e.get("id").asLong() + "/organizations/" + code);
                if (r.status() == 200) {
                    tier = r.json().get("tier").asString();
                    break;
                }
            }
            assertThat(tier).as(code).isEqualTo("WEAK");
        }
        // never visited: counted from the start of the earliest period on record (2025 in the demo; other
        // tests of this server may store earlier facts)
        assertThat(list.get("visits").findValuesAsString("reason"))
                .anyMatch(r -> r.matches("自 \\d{4}-01-01 起没有检查记录，每 365 天应至少检查一次.*"));

        JsonNode town = inspector.get("/api/inspections/due?asOf=" + asOf + "&orgCode=XQ-Z01").json();
        assertThat(town.get("visits").findValuesAsString("orgCode")).isNotEmpty()
                .allMatch(c -> c.equals("XQ-Z01") || c.startsWith("Z01-"));

        signIn("inspector");
        find("#due-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/due"));
        open("/inspection/due?asOf=" + asOf);
        assertThat(text("#as-of")).isEqualTo(asOf);
        List<WebElement> rows = browser.findElements(By.cssSelector("#due tbody tr"));
        assertThat(rows).hasSize(list.get("total").asInt());
        assertThat(rows.stream().map(r -> r.getAttribute("data-rule")).toList()).contains("PL-01", "PL-02");
        checkPage("inspection-due");
    }

    @Test
    void representatives_and_maintainers_never_see_the_due_list() {
        assertThat(new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD)).get("/api/inspections/due").status())
                .isEqualTo(403);
        assertThat(new Api(port, TestUsers.basic("maintainer", DEMO_PASSWORD)).get("/api/inspections/due").status())
                .isEqualTo(403);
        signIn("donggang");
        open("/inspection/due");
        assertThat(text("h1")).isEqualTo("无权访问");
    }
}
