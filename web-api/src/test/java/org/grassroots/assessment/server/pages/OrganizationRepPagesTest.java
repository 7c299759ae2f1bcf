package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An organization's representative: its own result, submitting a rectification, nothing of other organizations. */
class OrganizationRepPagesTest extends BrowserTest {

    @Test
    void a_representative_submits_a_rectification_with_evidence() {
        signIn("donggang");
        assertThat(browser.getCurrentUrl()).endsWith("/org/Z01-V04");
        checkPage("organization-rep");
        assertThat(text("main")).contains("得分说明", "凝聚力", "魅力", "战斗力", "整改事项");

        WebElement form = find("form.submit-form");
        String itemId = form.getAttribute("action").replaceAll(".*/rectifications/(\\d+)/submit", "$1");
        form.findElement(By.cssSelector("button")).click();
        assertThat(text("#error-" + itemId)).isEqualTo("请上传或填写至少一项整改证明材料");

        find("#evidence-" + itemId).sendKeys("整改报告.pdf");
        find("#note-" + itemId).sendKeys("已召开专题会议");
        find("#item-" + itemId + " button").click();
        waitFor(d -> d.getPageSource().contains("整改材料已提交"));
        assertThat(text("#item-" + itemId + " .status")).isEqualTo("待核验");

        Api.Reply item = new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD)).get("/api/rectifications/" + itemId);
        assertThat(item.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(item.body()).contains("整改报告.pdf", "已召开专题会议");
    }

    @Test
    void a_representative_cannot_open_another_organizations_page() {
        signIn("donggang");
        open("/org/Z02-V02");
        assertThat(text("h1")).isEqualTo("页面不存在");
        assertThat(browser.getPageSource()).doesNotContain("得分说明");
        open("/inspection");
        assertThat(browser.getPageSource()).doesNotContain("待核验的整改");
    }
}
