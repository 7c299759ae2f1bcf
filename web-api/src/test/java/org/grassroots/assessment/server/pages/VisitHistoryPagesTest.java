package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An inspection team's history and corrections (issue 14): the visits of an organization and of an
 * inspector, each opening its record; a finding withdrawn from the visit's page with a reason (a
 * reason is required), after which it shows as withdrawn with who and why and no longer counts.
 */
class VisitHistoryPagesTest extends BrowserTest {

    private static final String ORG = "Z01-V04";
    private static final String VISIT = "HIST-2026-001";

    @Test
    void an_inspector_finds_a_visit_by_organization_and_by_inspector_and_withdraws_a_finding() {
        Api inspector = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        Api.Reply posted = inspector.post("/api/visits", """
                {"visitId": "%s", "orgCode": "%s", "date": "2026-10-15", "mode": "COVERT", "team": "第九督查组",
                 "inspectors": ["历史测试员甲", "历史测试员乙"],
                 "findings": [ {"item": "C02", "note": "值班室无人"}, {"item": "C06", "note": "标识不全"} ]}""".formatted(VISIT, ORG));
        assertThat(posted.status()).as(posted.body()).isIn(200, 201);

        signIn("inspector");
        find("#history-link").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/inspection/history"));
        find("#org").sendKeys(ORG);
        find("#history-form button").click();
        waitFor(d -> d.getCurrentUrl().contains("org=" + ORG));
        assertThat(browser.findElements(By.cssSelector("#history tr[data-visit='" + VISIT + "']"))).hasSize(1);
        assertThat(text("#history tr[data-visit='" + VISIT + "']")).contains("暗访", "第九督查组", "历史测试员甲");
        checkPage("inspection-history");

        find("#history tr[data-visit='" + VISIT + "'] a[href*='inspector=']").click();
        waitFor(d -> d.getCurrentUrl().contains("inspector="));
        assertThat(text("h1")).isEqualTo("检查记录：历史测试员甲");
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(1);
        find("#history tr[data-visit='" + VISIT + "'] a[href*='/inspection/visits/']").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/inspection/visits/" + VISIT));
        assertThat(browser.findElements(By.cssSelector(".alert.ok"))).as("viewing is not saving").isEmpty();

        find("#finding-1 form button").click();
        assertThat(find("#reason-1").getAttribute("validationMessage")).as("a reason is required").isNotEmpty();
        find("#reason-1").sendKeys("标识已于检查当日更换，误记");
        find("#finding-1 form button").click();
        assertThat(browser.switchTo().alert().getText()).contains("确认撤销问题 C06");
        browser.switchTo().alert().accept();
        waitFor(d -> !d.findElements(By.cssSelector("#finding-1 p.withdrawn")).isEmpty());
        assertThat(text("#finding-1 p.withdrawn")).contains("已撤销", "inspector", "标识已于检查当日更换，误记");
        assertThat(browser.findElements(By.cssSelector("#finding-1 form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#finding-0 form"))).hasSize(1);
        checkPage("inspection-visit-withdrawn");

        assertThat(inspector.get("/api/visits/" + VISIT).body()).contains("标识已于检查当日更换，误记");
        open("/inspection/history?org=" + ORG);
        assertThat(text("#history tr[data-visit='" + VISIT + "'] td.num")).as("one finding left").isEqualTo("1");
    }
}
