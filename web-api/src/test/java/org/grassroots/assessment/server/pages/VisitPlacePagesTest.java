package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.visit.ExifJpeg;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, locations: the visit form takes the phone's position when the inspector asks and the
 * browser allows it (获取当前位置); the photo keeps the time and place its file embeds; a visit
 * recorded far from its organization, with a photo taken days before, is flagged 位置或时间存疑 on
 * its page and in the office's visit list, and still counts.
 */
class VisitPlacePagesTest extends BrowserTest {

    private static final String ORG = "Z04-V06";

    /** A browser of its own per test: this class grants and denies geolocation and overrides the position. */
    @Override
    protected boolean sharesBrowser() {
        return false;
    }

    @Test
    void a_visit_takes_the_phones_position_keeps_the_photos_time_and_is_flagged_when_far_away() throws IOException {
        JsonNode org = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD)).get("/api/organizations/" + ORG).json();
        double lat = org.get("latitude").asDouble();
        double lon = org.get("longitude").asDouble();
        LocalDate today = LocalDate.now(clock);
        LocalDate photoDay = today.minusDays(3);
        Path photo = Files.createTempFile("evidence", ".jpg");
        Files.write(photo, ExifJpeg.taken(photoDay.toString().replace('-', ':') + " 09:30:00", lat, lon));

        ChromeDriver chrome = (ChromeDriver) browser;
        signIn("inspector");
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("geolocation")));
        // 0.01° of latitude north of the organization: 1112 m
        chrome.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat + 0.01,
                "longitude", lon, "accuracy", 10));
        open("/inspection/visits/new?org=" + ORG);
        assertThat(find("#locate").isDisplayed()).as("with script the button shows").isTrue();
        assertThat(text("#position-status")).contains("未记录位置");
        find("#locate").click();
        waitFor(d -> !d.findElement(By.id("latitude")).getDomProperty("value").isEmpty());
        assertThat(text("#position-status")).startsWith("已记录位置：纬度 ");
        checkPage("visit-form-position");

        find("input[name=mode][value=OPEN]").click();
        find("#team").sendKeys("第四督查组");
        find("#inspectors").sendKeys("赵刚");
        find("#item_C01").click();
        find("#photo_C01").sendKeys(photo.toAbsolutePath().toString());
        find("#visit-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().matches(".*/inspection/visits/WEB-.*"));
        String visitId = browser.getCurrentUrl().replaceAll(".*/inspection/visits/", "");

        assertThat(text("#visit-location")).isEqualTo(String.format(Locale.ROOT, "检查位置：纬度 %.6f，经度 %.6f",
                lat + 0.01, lon));
        assertThat(text("#visit-doubts")).contains("位置或时间存疑", "1112 米", "超过 500 米",
                "照片 C01.jpg 的拍摄日期为 " + photoDay, "相差超过 1 天");
        // the file holds seconds to 1/100 (about 0.3 m): the place read back is that close
        java.util.regex.Matcher meta = java.util.regex.Pattern.compile(
                "照片 C01\\.jpg 拍摄于 (\\S+ \\S+) 拍摄位置：纬度 (\\d+\\.\\d{6})，经度 (\\d+\\.\\d{6})")
                .matcher(text(".photo-meta"));
        assertThat(meta.matches()).as(text(".photo-meta")).isTrue();
        assertThat(meta.group(1)).isEqualTo(photoDay + " 09:30");
        assertThat(Double.parseDouble(meta.group(2))).isCloseTo(lat, offset(1e-5));
        assertThat(Double.parseDouble(meta.group(3))).isCloseTo(lon, offset(1e-5));
        assertThat(find("#visit-score").getText()).as("the visit still counts").isNotEmpty();
        checkPage("visit-in-doubt");

        JsonNode stored = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD)).get("/api/visits/" + visitId).json();
        assertThat(stored.get("doubts").size()).isEqualTo(2);
        assertThat(stored.get("photos").get(0).get("takenAt").asString()).isEqualTo(photoDay + "T09:30:00");

        browser.manage().deleteAllCookies();
        signIn("evaluator");
        open("/inspection/history?org=" + ORG);
        assertThat(text("tr[data-visit='" + visitId + "']")).contains("位置或时间存疑", "1112 米");
        checkPage("history-in-doubt");
    }

    @Test
    void without_the_browsers_permission_the_visit_is_recorded_without_a_position() {
        ChromeDriver chrome = (ChromeDriver) browser;
        signIn("inspector");
        chrome.executeCdpCommand("Browser.setPermission", Map.of("origin", url(""),
                "permission", Map.of("name", "geolocation"), "setting", "denied"));
        open("/inspection/visits/new?org=" + ORG);
        find("#locate").click();
        waitFor(d -> d.findElement(By.id("position-status")).getText().contains("未获得使用位置的许可"));
        assertThat(find("#latitude").getDomProperty("value")).isEmpty();
    }
}
