package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, the inspectors' calendar (督查日历) on the demo district: the lead (李明) plans 白马镇
 * (XQ-Z04) for the next three weeks; his calendar shows every planned visit on its day, as a month
 * grid on a desktop and a list of days on a phone, today marked; 督查二组's 陈刚 sees his team's visits
 * only; the office and the representatives get 404, as for the plans.
 */
class PlanCalendarPagesTest extends BrowserTest {

    private static final String TEAM_TWO = "督查二组";

    @Test
    void the_lead_and_a_team_see_their_planned_visits_on_their_days_at_both_widths() {
        Api lead = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(20);
        Api.Reply created = lead.post("/api/inspection-plans", """
                {"name": "日历测试计划", "rootOrgCode": "XQ-Z04", "startsOn": "%s", "endsOn": "%s"}""".formatted(today, last));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode plan = created.json();
        long id = plan.get("summary").get("id").asLong();
        List<JsonNode> visits = new ArrayList<>();
        plan.get("visits").forEach(visits::add);
        assertThat(visits).as("白马镇 has organizations due a visit").hasSizeGreaterThan(1);
        // 督查二组 (home 柳河镇) may go to 白马镇: make sure it has a visit, on today's date
        JsonNode forTwo = visits.stream().filter(v -> TEAM_TWO.equals(v.get("team").asString())).findFirst()
                .orElse(visits.get(0));
        Api.Reply assigned = lead.put("/api/inspection-plans/" + id + "/visits/" + forTwo.get("id").asLong(), """
                {"team": "%s", "plannedOn": "%s"}""".formatted(TEAM_TWO, today));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        visits.clear();
        assigned.json().get("visits").forEach(visits::add);
        Map<YearMonth, List<JsonNode>> byMonth = new TreeMap<>();
        visits.forEach(v -> byMonth.computeIfAbsent(YearMonth.from(LocalDate.parse(v.get("plannedOn").asString())),
                m -> new ArrayList<>()).add(v));

        signIn("inspector");
        find("#nav-calendar").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/calendar"));
        assertThat(find("#month").getAttribute("data-month")).isEqualTo(YearMonth.from(today).toString());
        WebElement todayCell = find("#calendar td.today");
        assertThat(todayCell.getAttribute("aria-current")).isEqualTo("date");
        assertThat(todayCell.getAttribute("data-date")).isEqualTo(today.toString());
        assertThat(browser.findElements(By.cssSelector("#calendar thead th")).stream().map(WebElement::getText).toList())
                .containsExactly("一", "二", "三", "四", "五", "六", "日");
        assertThat(browser.findElements(By.cssSelector("#calendar tbody tr")))
                .allSatisfy(week -> assertThat(week.findElements(By.tagName("td"))).hasSize(7));
        for (WebElement week : browser.findElements(By.cssSelector("#calendar tbody tr"))) {
            List<WebElement> days = week.findElements(By.tagName("td"));
            for (int i = 0; i < days.size(); i++) {
                String date = days.get(i).getAttribute("data-date");
                if (date != null) {
                    assertThat(LocalDate.parse(date).getDayOfWeek().getValue()).as("Monday first: " + date).isEqualTo(i + 1);
                }
            }
        }
        checkPage("inspection-calendar");
        boolean first = true;
        for (Map.Entry<YearMonth, List<JsonNode>> month : byMonth.entrySet()) {
            if (!first) {
                find("#next-month").click();
                waitFor(d -> d.getCurrentUrl().contains("month=" + month.getKey()));
            }
            first = false;
            assertThat(find("#month").getAttribute("data-month")).isEqualTo(month.getKey().toString());
            for (org.openqa.selenium.Dimension size : List.of(PHONE, DESKTOP)) {
                browser.manage().window().setSize(size);
                for (JsonNode v : month.getValue()) {
                    WebElement entry = entry(v.get("plannedOn").asString(), id, v.get("orgCode").asString());
                    assertThat(entry.isDisplayed()).as(v.toString()).isTrue();
                    assertThat(entry.findElement(By.cssSelector("a.org")).getText()).isEqualTo(v.get("orgName").asString());
                    assertThat(entry.findElement(By.cssSelector("a.org")).getAttribute("href"))
                            .endsWith("/inspection/visits/new?org=" + v.get("orgCode").asString());
                    assertThat(entry.findElement(By.cssSelector(".mode")).getText())
                            .isEqualTo(v.get("covert").asBoolean() ? "暗访" : "明察");
                    assertThat(entry.findElement(By.cssSelector(".team")).getText()).isEqualTo(v.get("team").asString());
                    assertThat(entry.findElement(By.cssSelector(".state")).getText()).isEqualTo("待检查");
                    assertThat(entry.findElement(By.cssSelector(".plan")).getText()).isEqualTo("计划：日历测试计划");
                }
                // a phone shows the days with visits (and today) only; a desktop every day of the month
                long shownDays = browser.findElements(By.cssSelector("#calendar td[data-date]")).stream()
                        .filter(WebElement::isDisplayed).count();
                if (size == PHONE) {
                    assertThat(browser.findElements(By.cssSelector("#calendar td.empty:not(.today)")))
                            .noneMatch(WebElement::isDisplayed);
                    assertThat(find("#calendar thead").getSize().getHeight()).isLessThanOrEqualTo(1);
                } else {
                    assertThat(shownDays).isEqualTo(month.getKey().lengthOfMonth());
                }
            }
            checkPage("inspection-calendar-" + month.getKey());
        }

        // the neighbouring months: each a click away, and back
        YearMonth shown = YearMonth.parse(find("#month").getAttribute("data-month"));
        find("#next-month").click();
        waitFor(d -> d.getCurrentUrl().contains("month=" + shown.plusMonths(1)));
        assertThat(text("#month")).isEqualTo(shown.plusMonths(1).getYear() + "年" + shown.plusMonths(1).getMonthValue() + "月");
        find("#previous-month").click();
        waitFor(d -> d.getCurrentUrl().contains("month=" + shown));
        assertThat(find("#month").getAttribute("data-month")).isEqualTo(shown.toString());
        open("/inspection/calendar?month=2026-13");
        assertThat(text("p.field-error")).contains("月份应写作");
        assertThat(find("#month").getAttribute("data-month")).isEqualTo(YearMonth.from(today).toString());

        // 陈刚 of 督查二组: his team's visits only, today's among them
        browser.manage().deleteAllCookies();
        signIn("inspector2");
        open("/inspection/calendar?month=" + YearMonth.from(today));
        List<WebElement> seen = browser.findElements(By.cssSelector("#calendar li.entry"));
        assertThat(seen).isNotEmpty().allSatisfy(e -> assertThat(e.getAttribute("data-team")).isEqualTo(TEAM_TWO));
        assertThat(entry(today.toString(), id, forTwo.get("orgCode").asString()).isDisplayed()).isTrue();
        for (JsonNode v : visits) {
            if (!TEAM_TWO.equals(v.get("team").asString())) {
                assertThat(browser.findElements(By.cssSelector(entrySelector(v.get("plannedOn").asString(), id,
                        v.get("orgCode").asString())))).as("another team's visit").isEmpty();
            }
        }
        checkPage("inspection-calendar-team");

        // the office and the organizations: 404, as for a page that does not exist, and no link to it
        for (String user : List.of("evaluator", "donggang")) {
            Api.Reply page = new Api(port, TestUsers.basic(user, DEMO_PASSWORD))
                    .get("/inspection/calendar?month=" + YearMonth.from(today));
            assertThat(page.status()).as(user).isEqualTo(404);
            assertThat(page.body()).doesNotContain("日历测试计划").doesNotContain(forTwo.get("orgName").asString());
            assertThat(new Api(port, TestUsers.basic(user, DEMO_PASSWORD)).get("/inspection/calendar?month=bad").status())
                    .as(user + ", a month that cannot be read").isEqualTo(404);
        }
        browser.manage().deleteAllCookies();
        signIn("evaluator");
        assertThat(browser.findElements(By.id("nav-calendar"))).isEmpty();
        open("/inspection/calendar");
        assertThat(text("h1")).isEqualTo("页面不存在");
    }

    private WebElement entry(String day, long plan, String org) {
        return find(entrySelector(day, plan, org));
    }

    private static String entrySelector(String day, long plan, String org) {
        return "#calendar td[data-date='" + day + "'] li.entry[data-plan='" + plan + "'][data-org='" + org + "']";
    }
}
