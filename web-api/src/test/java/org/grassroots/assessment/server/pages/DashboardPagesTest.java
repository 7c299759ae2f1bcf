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

    /** The ranking table's page size (the office's dashboard shows 50 organizations a page). */
    private static final int PAGE_SIZE = 50;

    @Test
    void the_dashboard_counts_every_organization_and_filters_the_ranking() {
        signIn("evaluator");
        open("/office/dashboard?period=2026");
        waitFor(d -> d.findElements(By.cssSelector(".chart svg")).size() == 2);
        checkPage("office-dashboard");

        String id = text("main p.muted").replaceAll("^评估 #(\\d+).*$", "$1");
        Api evaluator = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));
        int organizations = evaluator.get("/api/evaluations/" + id + "/summary").json().get("organizations").asInt();
        assertThat(text("#ranking-count")).as("the count is of every organization, not of the page")
                .startsWith("共 " + organizations + " 个组织");
        assertThat(sum("#by-type td.total")).isEqualTo(organizations);
        assertThat(sum("#by-parent td.total")).isEqualTo(organizations);
        assertThat(sum("#movement td")).isEqualTo(organizations);
        assertThat(browser.findElements(By.cssSelector("#reverse li"))).hasSize(10);

        List<String> bottom = evaluator.get("/api/evaluations/" + id + "/rankings?reverse=true&size=10").json()
                .get("entries").valueStream().map(e -> e.get("name").asString()).toList();
        assertThat(browser.findElements(By.cssSelector("#reverse li a")).stream().map(WebElement::getText))
                .as("the reverse list is the ranking from the bottom").containsExactlyElementsOf(bottom);

        new Select(find("#type")).selectByValue("VILLAGE");
        find("#ranking-filter button").click();
        waitFor(d -> d.getCurrentUrl().contains("type=VILLAGE"));
        List<WebElement> types = browser.findElements(By.cssSelector("#ranking td.type"));
        assertThat(types).isNotEmpty().hasSizeLessThan(organizations);
        assertThat(types).allSatisfy(t -> assertThat(t.getText()).isEqualTo("村"));
    }

    /** Issue 14, defect 6: the dashboard's stray table, the reverse list's double numbers, the tier order. */
    @Test
    void the_dashboard_has_nothing_after_its_main_numbers_the_reverse_list_once_and_orders_tiers_one_way() {
        signIn("evaluator");
        open("/office/dashboard?period=2026");
        assertThat(browser.findElements(By.cssSelector("main ~ *")).stream()
                .filter(e -> !e.getTagName().equals("script")).toList())
                .as("nothing but scripts after </main>").isEmpty();
        assertThat(browser.findElements(By.cssSelector("table"))).as("every table is inside main")
                .hasSameSizeAs(browser.findElements(By.cssSelector("main table")));

        for (WebElement item : browser.findElements(By.cssSelector("#reverse li"))) {
            String marker = item.getCssValue("list-style-type");
            assertThat(marker).as("a reverse-ranked line carries its rank once, as 第 N 名").isEqualTo("none");
            assertThat(item.getText()).matches("第 \\d+ 名.*");
        }

        List<String> bestFirst = List.of("先进", "较好", "一般", "软弱涣散");
        assertThat(headers("#by-type")).containsExactlyElementsOf(bestFirst);
        assertThat(headers("#by-parent")).containsExactlyElementsOf(bestFirst);
        assertThat(new Select(find("#tier")).getOptions().stream().skip(1).map(WebElement::getText))
                .containsExactlyElementsOf(bestFirst);
        @SuppressWarnings("unchecked")
        List<String> legend = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.querySelector('#type-h ~ .chart')).getOption().series"
                        + ".map(function (s) { return s.name; });");
        assertThat(legend).as("the chart stacks the tiers in the same order").containsExactlyElementsOf(bestFirst);
    }

    /** Issue 14, defect 6: filtered by type, the rank shown is the rank within the type (policy section 6). */
    @Test
    void a_ranking_filtered_by_type_shows_ranks_within_the_type() {
        signIn("evaluator");
        open("/office/dashboard?period=2026&type=VILLAGE");
        String id = text("main p.muted").replaceAll("^评估 #(\\d+).*$", "$1");
        Api evaluator = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));
        List<Integer> expected = evaluator.get("/api/evaluations/" + id + "/rankings?scope=type&type=VILLAGE&size=50")
                .json().get("entries").valueStream().map(e -> e.get("rank").asInt()).toList();
        assertThat(expected.get(0)).isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#ranking td.rank")).stream()
                .map(e -> Integer.parseInt(e.getText().strip())))
                .as("ranks within the type, as the API counts them").containsExactlyElementsOf(expected);
        assertThat(text("#ranking thead th")).isEqualTo("类型内排名");
        assertThat(browser.findElements(By.cssSelector("#ranking td.overall"))).as("the overall rank beside it")
                .hasSameSizeAs(expected);
        checkPage("office-dashboard-villages");
    }

    /** Issue 14, office: server-side pages of 50, search by name, sorting, movement counts that open their organizations, the period chosen on the page. */
    @Test
    void the_office_pages_searches_sorts_and_opens_the_organizations_behind_a_movement_count() {
        signIn("evaluator");
        open("/office/dashboard?period=2026");
        int organizations = Integer.parseInt(text("#ranking-count").replaceAll("^共 (\\d+) 个组织.*$", "$1"));
        assertThat(organizations).as("the demo district needs two pages").isGreaterThan(PAGE_SIZE);
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(PAGE_SIZE);
        String firstOfPageOne = text("#ranking tbody td.code");
        find(".pager a[rel=next]").click();
        waitFor(d -> d.getCurrentUrl().contains("page=2"));
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(organizations - PAGE_SIZE);
        assertThat(text("#ranking tbody td.code")).isNotEqualTo(firstOfPageOne);
        checkPage("office-dashboard-page-2");

        String name = browser.findElements(By.cssSelector("#ranking tbody td a")).get(3).getText();
        String part = name.substring(Math.max(0, name.length() - 4));
        open("/office/dashboard?period=2026");
        find("#q").sendKeys(part);
        find("#ranking-filter button").click();
        waitFor(d -> d.getCurrentUrl().contains("q="));
        List<String> found = browser.findElements(By.cssSelector("#ranking tbody td a")).stream()
                .map(WebElement::getText).toList();
        assertThat(found).contains(name).allSatisfy(n -> assertThat(n).contains(part));

        open("/office/dashboard?period=2026&sort=CODE");
        List<String> codes = browser.findElements(By.cssSelector("#ranking tbody td.code")).stream()
                .map(WebElement::getText).toList();
        assertThat(codes).isSorted();

        open("/office/dashboard?period=2026");
        WebElement count = browser.findElements(By.cssSelector("#movement td a")).get(0);
        int moved = Integer.parseInt(count.getText().strip());
        String kind = count.findElement(By.xpath("../..")).findElement(By.tagName("th")).getText();
        count.click();
        waitFor(d -> d.getCurrentUrl().contains("movement="));
        assertThat(text("#ranking-count")).startsWith("共 " + moved + " 个组织");
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr td:last-child")))
                .hasSize(Math.min(moved, PAGE_SIZE))
                .allSatisfy(c -> assertThat(c.getText()).isEqualTo(kind));

        new Select(find("#period-choice")).selectByValue("2025");
        find("#period-form button").click();
        waitFor(d -> d.getCurrentUrl().contains("period=2025"));
        assertThat(text("h1")).startsWith("2025");
        assertThat(text("main p.muted")).contains("已发布");
    }

    /** Issue 14: inspection teams read the rankings; the office reads visits (never withdrawing a finding). */
    @Test
    void an_inspector_reads_the_rankings_and_the_office_reads_a_visit() {
        signIn("inspector");
        browser.findElements(By.cssSelector("nav a")).stream().filter(a -> a.getText().equals("考评排名"))
                .findFirst().orElseThrow().click();
        waitFor(d -> d.getCurrentUrl().contains("/rankings"));
        assertThat(text("h1")).endsWith("期间考评排名");
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(PAGE_SIZE);
        assertThat(browser.findElements(By.cssSelector("a[href*='/export']"))).as("exports stay with the office").isEmpty();
        new Select(find("#type")).selectByValue("VILLAGE");
        find("#ranking-filter button").click();
        waitFor(d -> d.getCurrentUrl().contains("/rankings") && d.getCurrentUrl().contains("type=VILLAGE"));
        assertThat(text("#ranking tbody td.rank")).isEqualTo("1");
        checkPage("inspection-rankings");

        browser.manage().deleteAllCookies();
        signIn("evaluator");
        open("/office");
        find("a[href='/inspection/history']").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/history"));
        find("#history tbody tr a[href*='/inspection/visits/']").click();
        waitFor(d -> d.getCurrentUrl().matches(".*/inspection/visits/[^/]+$"));
        assertThat(text("h1")).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("form.withdraw-form"))).as("only inspection teams withdraw").isEmpty();
        checkPage("office-visit");
    }

    /** Issue 14, defect 6: the three forces' chart runs from 0 to 100 whatever the scores. */
    @Test
    void the_three_forces_chart_runs_from_0_to_100() {
        signIn("evaluator");
        open("/office/dashboard?period=2026");
        String code = text("#ranking tbody td.code");
        open("/org/" + code);
        waitFor(d -> d.findElements(By.cssSelector(".chart svg")).size() == 1);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> axis = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("var a = echarts.getInstanceByDom(document.querySelector('.chart')).getModel()"
                        + ".getComponent('yAxis').axis.scale.getExtent(); return {min: a[0], max: a[1]};");
        assertThat(((Number) axis.get("min")).doubleValue()).isZero();
        assertThat(((Number) axis.get("max")).doubleValue()).isEqualTo(100.0);
    }

    private List<String> headers(String table) {
        List<String> all = browser.findElements(By.cssSelector(table + " thead th.num")).stream()
                .map(WebElement::getText).toList();
        return all.subList(0, all.size() - 1);
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

    /** Issue 14, defect 8 and the office: the ledger's organization by name or code, pages of 50, ordered by deadline. */
    @Test
    void the_ledger_finds_an_organization_by_name_and_pages_and_orders_its_items() {
        signIn("evaluator");
        open("/office/rectifications");
        int total = Integer.parseInt(text("#ledger-count").replaceAll("^共 (\\d+) 项.*$", "$1"));
        assertThat(total).as("the demo ledger needs pages").isGreaterThan(PAGE_SIZE);
        assertThat(browser.findElements(By.cssSelector("#ledger tbody tr"))).hasSize(PAGE_SIZE);
        find(".pager a[rel=next]").click();
        waitFor(d -> d.getCurrentUrl().contains("page=2"));
        assertThat(text("#ledger-count")).contains("第 2 / ");

        String townName = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD)).get("/api/organizations/XQ-Z01")
                .json().get("name").asString();
        open("/office/rectifications");
        find("#org").sendKeys(townName);
        find("#ledger-filter button").click();
        waitFor(d -> d.getCurrentUrl().contains("org="));
        assertThat(text("#ledger-count")).startsWith(townName + "（XQ-Z01）及下级：");
        int town = Integer.parseInt(text("#ledger-count").replaceAll("^.*共 (\\d+) 项.*$", "$1"));
        open("/office/rectifications?org=XQ-Z01");
        assertThat(text("#ledger-count")).as("the name and the code find the same items").contains("共 " + town + " 项");

        open("/office/rectifications?org=" + java.net.URLEncoder.encode("村", java.nio.charset.StandardCharsets.UTF_8));
        List<WebElement> choices = browser.findElements(By.cssSelector("#org-choices a"));
        assertThat(choices).as("a name many organizations share asks which one").hasSizeBetween(2, 10);
        assertThat(browser.findElements(By.id("ledger"))).isEmpty();
        String chosen = choices.get(0).getText();
        choices.get(0).click();
        waitFor(d -> !d.findElements(By.id("ledger-count")).isEmpty());
        assertThat(text("#ledger-count")).startsWith(chosen);
        open("/office/rectifications?org=" + java.net.URLEncoder.encode("没有这个组织", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text("#org-choices")).isEqualTo("没有名称或编码包含“没有这个组织”的组织");
        checkPage("office-rectifications-no-match");

        open("/office/rectifications?order=DEADLINE");
        List<String> deadlines = browser.findElements(By.cssSelector("#ledger tbody td.date")).stream()
                .map(WebElement::getText).toList();
        assertThat(deadlines).isSorted();
        checkPage("office-rectifications-by-deadline");
    }

    private int sum(String css) {
        return browser.findElements(By.cssSelector(css)).stream().mapToInt(e -> Integer.parseInt(e.getText().strip()))
                .sum();
    }
}
