package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Rejection reasons reach the organization (issue 14, defect 2): a representative submits an item, an
 * inspector sends it back with a reason; the representative sees "已退回：<reason>" where the form to
 * submit again is, and the item's whole history (submitted with its evidence, rejected with the reason,
 * then verified), staff names hidden.
 */
class RejectionReasonPagesTest extends BrowserTest {

    private static final String ORG = "Z01-V04";

    @Test
    void a_representative_learns_why_an_item_was_sent_back_and_sees_its_whole_history() {
        signIn("donggang");
        open("/org/" + ORG);
        List<WebElement> forms = browser.findElements(By.cssSelector("form.submit-form"));
        assertThat(forms).as("an open item to submit").isNotEmpty();
        String id = forms.get(forms.size() - 1).getAttribute("action").replaceAll(".*/rectifications/(\\d+)/submit", "$1");
        find("#evidence-" + id).sendKeys("整改照片-第一次.jpg");
        find("#note-" + id).sendKeys("已整改");
        find("#item-" + id + " form.submit-form button").click();
        waitFor(d -> d.getPageSource().contains("整改材料已提交"));

        Api inspector = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        Api.Reply rejected = inspector.post("/api/rectifications/" + id + "/reject", "{\"reason\": \"照片看不清，请补充台账\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        open("/org/" + ORG);
        assertThat(text("#item-" + id + " p.sent-back")).isEqualTo("已退回：照片看不清，请补充台账");
        WebElement sentBack = find("#item-" + id + " p.sent-back");
        WebElement form = find("#item-" + id + " form.submit-form");
        assertThat(sentBack.getLocation().getY()).as("the reason stands above the form").isLessThan(form.getLocation().getY());
        String history = text("#item-" + id + " ol.steps");
        assertThat(history).contains("提交整改材料", "整改照片-第一次.jpg", "退回", "退回原因：照片看不清，请补充台账", "（工作人员）");
        assertThat(history).as("staff names hidden from a representative").doesNotContain("inspector");
        checkPage("organization-item-sent-back");

        find("#evidence-" + id).sendKeys("整改台账.pdf");
        find("#item-" + id + " form.submit-form button").click();
        waitFor(d -> d.getPageSource().contains("整改材料已提交"));
        assertThat(browser.findElements(By.cssSelector("#item-" + id + " p.sent-back"))).as("submitted again").isEmpty();
        assertThat(inspector.post("/api/rectifications/" + id + "/verify", "{\"note\": \"台账齐全\"}").status()).isEqualTo(200);

        open("/org/" + ORG);
        assertThat(browser.findElements(By.id("item-" + id))).as("no longer among the open items").isEmpty();
        List<String> steps = browser.findElements(By.cssSelector("#closed-" + id + " ol.steps li strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).containsExactly("提交整改材料", "退回", "提交整改材料", "核验销号");
        assertThat(text("#closed-" + id + " ol.steps")).contains("整改台账.pdf", "说明：台账齐全");
        checkPage("organization-item-verified");
    }
}
