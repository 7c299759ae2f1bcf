package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 (representatives, inspection teams): a representative uploads photos and a PDF as a
 * rectification item's evidence; a disguised file is refused by what it is, naming it; the files are
 * served with their type, sandboxed, only to those who may see the item; the inspection queue shows
 * the organization's name, the submission date, a late submission flagged, the evidence openable,
 * and orders itself as asked.
 */
class EvidenceUploadPagesTest extends BrowserTest {

    private static final String ORG = "Z01-V04";

    @Test
    void a_representative_uploads_evidence_that_the_inspector_opens_and_no_one_else_can() throws IOException {
        Api admin = new Api(port, TestUsers.admin());
        Api rep = new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD));
        JsonNode overdue = rep.get("/api/rectifications?orgCode=" + ORG + "&overdue=true&status=OPEN").json().get("items");
        assertThat(overdue.size()).as("an overdue open item of 东岗村 in the demo district").isPositive();
        long id = overdue.get(0).get("id").asLong();
        LocalDate deadline = LocalDate.parse(overdue.get(0).get("deadline").asString());

        signIn("donggang");
        open("/org/" + ORG);
        Path disguised = file("photo.png", "<html><script>alert(document.cookie)</script></html>"
                .getBytes(StandardCharsets.UTF_8));
        find("#files-" + id).sendKeys(disguised.toString());
        find("#item-" + id + " form.submit-form button").click();
        waitFor(d -> !d.findElements(By.id("error-" + id)).isEmpty());
        assertThat(text("#error-" + id)).isEqualTo("“photo.png”不是可接受的文件（只接受jpg、png、gif、webp、heic 照片或 PDF 文件）");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the refused field has the focus")
                .isEqualTo("files-" + id);
        assertThat(stored(id)).as("nothing kept of a refused submission").isEmpty();

        find("#files-" + id).sendKeys(file("整改后.png", png()) + "\n" + file("整改台账.pdf", pdf()));
        find("#evidence-" + id).sendKeys("https://example.org/台账");
        find("#item-" + id + " form.submit-form button").click();
        waitFor(d -> d.getPageSource().contains("整改材料已提交"));
        assertThat(stored(id)).hasSize(2);

        // issue 14, defect 8: one time zone (assessment.zone, Asia/Shanghai here), shown with the time
        assertThat(text("#item-" + id + " ol.steps"))
                .containsPattern("记录于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（UTC\\+08:00）");
        List<WebElement> files = browser.findElements(By.cssSelector("#item-" + id + " a.evidence-file"));
        assertThat(files).extracting(WebElement::getText).containsExactly("整改后.png", "整改台账.pdf");
        assertThat(find("#item-" + id + " a.evidence-link").getAttribute("rel")).contains("noopener");
        checkPage("organization-evidence-uploaded");
        String png = path(files.get(0).getAttribute("href"));
        String pdf = path(files.get(1).getAttribute("href"));
        assertThat(fetch(png)).startsWith("200 image/png ").contains("sandbox");
        assertThat(fetch(pdf)).startsWith("200 application/pdf ");

        Api inspector = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        assertThat(inspector.get(png).status()).isEqualTo(200);
        assertThat(admin.post("/api/users", "{\"username\":\"rep-z02\",\"password\":\"long-enough-pw-1\","
                + "\"displayName\":\"另一村联系人\",\"role\":\"ORG_REP\",\"orgCode\":\"Z02-V02\"}").status()).isEqualTo(201);
        Api stranger = new Api(port, TestUsers.basic("rep-z02", "long-enough-pw-1"));
        assertThat(stranger.get(png).status()).as("another organization's representative").isEqualTo(404);
        assertThat(stranger.get(png.replace("/org/" + ORG + "/", "/org/Z02-V02/")).status()).isEqualTo(404);
        assertThat(rep.get(png.replaceAll("/evidence/.*", "/evidence/..%2F..%2Fapplication.properties")).status())
                .isIn(400, 404);

        find("form.signout button").click();
        waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
        signIn("inspector");
        open("/inspection");
        WebElement queued = find("#queue-" + id);
        String orgName = rep.get("/api/organizations/" + ORG).json().get("name").asString();
        assertThat(queued.findElement(By.cssSelector(".org-name")).getText()).isEqualTo(orgName);
        assertThat(queued.findElement(By.cssSelector(".submitted")).getText()).isEqualTo("提交于 " + LocalDate.now(clock));
        assertThat(deadline).isBefore(LocalDate.now(clock));
        assertThat(queued.findElement(By.cssSelector(".late")).getText()).isEqualTo("逾期提交");
        assertThat(queued.findElements(By.cssSelector("a.evidence-file"))).extracting(WebElement::getText)
                .containsExactly("整改后.png", "整改台账.pdf");
        assertThat(fetch(path(queued.findElement(By.cssSelector("a.evidence-file")).getAttribute("href"))))
                .startsWith("200 image/png ");
        for (WebElement item : browser.findElements(By.cssSelector(".queue-item"))) {
            String[] dates = item.findElement(By.cssSelector("p.muted")).getText()
                    .replaceAll("^提交于 (\\S+) · 期限 (\\S+).*$", "$1 $2").split(" ");
            boolean late = !dates[0].equals("—") && LocalDate.parse(dates[0]).isAfter(LocalDate.parse(dates[1]));
            assertThat(item.findElements(By.cssSelector(".late"))).as(item.getText()).hasSize(late ? 1 : 0);
        }
        checkPage("inspection-queue");

        browser.findElements(By.cssSelector("#queue-order a")).stream().filter(a -> a.getText().equals("整改期限"))
                .findFirst().orElseThrow().click();
        waitFor(d -> d.getCurrentUrl().contains("order=DEADLINE"));
        List<String> deadlines = browser.findElements(By.cssSelector(".queue-item p.muted")).stream()
                .map(p -> p.getText().replaceAll("^.*期限 (\\S+).*$", "$1")).toList();
        assertThat(deadlines).isSorted();
    }

    private String fetch(String path) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[1];"
                + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
                + "  done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength + ' '"
                + "    + r.headers.get('content-security-policy')); }); });", path);
    }

    private static String path(String href) {
        return href.replaceFirst("^https?://[^/]+", "");
    }

    private static List<Path> stored(long id) throws IOException {
        Path dir = Path.of(DATA_DIR, "uploads", "rectifications", Long.toString(id));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static Path file(String name, byte[] content) {
        try {
            Path dir = Files.createTempDirectory("evidence");
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
