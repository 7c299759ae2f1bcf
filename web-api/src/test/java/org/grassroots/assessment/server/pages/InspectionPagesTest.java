package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
