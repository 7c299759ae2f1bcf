package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An inspection team records a covert visit with two findings and sees the score change; verifies an item. */
class InspectionPagesTest extends BrowserTest {

    private static final String ORG = "Z02-V02";

    @Test
    void an_inspector_records_a_covert_visit_with_two_findings_and_sees_the_score_change() {
        signIn("inspector");
        open("/org/" + ORG);
        String compositeBefore = text("#composite");
        checkPage("organization");

        open("/inspection");
        checkPage("inspection-home");
        find("#q").sendKeys(ORG);
        waitFor(d -> !d.findElements(By.cssSelector("#results li a")).isEmpty());
        find("#results li a").click();
        waitFor(d -> d.getCurrentUrl().contains("/inspection/visits/new"));
        checkPage("visit-form");

        find("#team").sendKeys("第二督查组");
        find("#visit-form button[type=submit]").click();
        assertThat(text(".alert.error")).contains("未保存");
        assertThat(browser.findElements(By.cssSelector(".field-error")).stream().map(e -> e.getText()))
                .contains("请填写至少一名检查人员");

        find("input[name=mode][value=COVERT]").click();
        find("#inspectors").sendKeys("王明，李强");
        find("#item_C02").click();
        new Select(find("#severity_C02")).selectByValue("MAJOR");
        find("#note_C02").sendKeys("值班室无人");
        find("#item_C07").click();
        find("#note_C07").sendKeys("账目不清");
        find("#photo_C07").sendKeys(photo().toAbsolutePath().toString());
        find("#visit-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().matches(".*/inspection/visits/WEB-.*"));
        checkPage("visit-result");

        assertThat(text("#visit-score")).isNotEmpty();
        assertThat(Double.parseDouble(text("#visit-score"))).isLessThan(100);
        assertThat(text("main")).contains("C02", "值班室无人", "C07", "暗访");
        assertThat(text("#composite")).as("the organization's composite after the visit").isNotEqualTo(compositeBefore);

        String visitId = browser.getCurrentUrl().replaceAll(".*/inspection/visits/", "");
        Api.Reply stored = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD)).get("/api/visits/" + visitId);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("mode").asString()).isEqualTo("COVERT");
        assertThat(stored.json().get("findings").size()).isEqualTo(2);
        assertThat(stored.body()).contains("C07.png");

        WebElement image = find("img.photo");
        assertThat(image.getAttribute("alt")).isEqualTo("C07 现场照片");
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", image))
                .intValue()).as("the photo is served back").isEqualTo(4);
        assertThat(Path.of(DATA_DIR, "uploads", "visits", visitId, "C07.png")).exists();
    }

    /**
     * Issue 14, defects 8 and 9: on a phone an item's fields appear only once it is ticked; a form sent
     * back with errors opens at a summary that links to each field to fix.
     */
    @Test
    void on_a_phone_the_visit_form_shows_an_items_fields_once_ticked_and_its_errors_where_the_inspector_looks() {
        signIn("inspector");
        browser.manage().window().setSize(PHONE);
        open("/inspection/visits/new?org=" + ORG);
        assertThat(find("#note_C03").isDisplayed()).as("an item not ticked shows only its name").isFalse();
        assertThat(find("#severity_C03").isDisplayed()).isFalse();
        assertThat(find("#photo_C03").isDisplayed()).isFalse();
        assertThat(find("#item_C03").isDisplayed()).isTrue();
        find("#item_C03").click();
        assertThat(find("#note_C03").isDisplayed()).as("ticked, its fields appear").isTrue();
        assertThat(find("#severity_C03").isDisplayed()).isTrue();
        find("#item_C03").click();
        assertThat(find("#note_C03").isDisplayed()).as("unticked again, they go").isFalse();

        find("#item_C12").click();
        find("#visit-form button[type=submit]").click();
        waitFor(d -> !d.findElements(By.id("form-errors")).isEmpty());
        WebElement summary = find("#form-errors");
        assertThat(browser.switchTo().activeElement()).as("the error summary has the focus").isEqualTo(summary);
        Number top = (Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().top;", summary);
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
        assertThat(top.doubleValue()).as("the summary is on the screen").isBetween(0.0, height.doubleValue());
        List<String> links = browser.findElements(By.cssSelector("#form-errors a")).stream()
                .map(WebElement::getText).toList();
        assertThat(links).contains("督查组：请填写督查组", "检查人员：请填写至少一名检查人员",
                "C12 情况说明：“其他问题”需要写明情况", "C12 扣分：“其他问题”需要填写 1–20 分的扣分");
        assertThat(find("#note_C12").isDisplayed()).as("the ticked item keeps its fields open").isTrue();
        browser.findElements(By.cssSelector("#form-errors a")).stream()
                .filter(a -> a.getText().startsWith("C12 扣分")).findFirst().orElseThrow().click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("deduction_C12");
        checkPage("visit-form-errors");
    }

    /** A 4×4 PNG, the photo evidence of a finding. */
    private Path photo() {
        try {
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            Path file = Files.createTempFile("evidence", ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void an_inspector_verifies_a_submitted_rectification_from_the_queue() {
        Api rep = new Api(port, TestUsers.basic("liuhe", DEMO_PASSWORD));
        long id = rep.get("/api/rectifications?orgCode=XQ-Z01&status=OPEN").json().get("items").get(0).get("id").asLong();
        assertThat(rep.post("/api/rectifications/" + id + "/submit", "{\"evidence\":[\"会议记录.pdf\"]}").status())
                .isEqualTo(200);

        signIn("inspector");
        open("/inspection");
        assertThat(text("#queue-" + id)).contains("会议记录.pdf");
        find("#queue-" + id + " form[action$='/verify'] button").click();
        browser.switchTo().alert().accept();
        waitFor(d -> d.getPageSource().contains("已核验销号"));
        assertThat(browser.findElements(By.id("queue-" + id))).isEmpty();
        assertThat(rep.get("/api/rectifications/" + id).json().get("status").asString()).isEqualTo("VERIFIED");
    }
}
