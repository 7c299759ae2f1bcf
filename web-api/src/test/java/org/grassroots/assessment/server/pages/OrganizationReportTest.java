package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

/**
 * A representative prints its organization's report: from its page to the report (A4 print
 * stylesheet, the published grade apart from today's provisional result) and the PDF, which PDFBox
 * reads back: the organization's name and every rule id of its lines in the text, Chinese drawn with
 * an embedded font. Another organization's report is not found.
 */
class OrganizationReportTest extends BrowserTest {

    private static final String OWN = "Z01-V04";

    @Test
    void a_representative_opens_prints_and_downloads_its_report() throws Exception {
        signIn("donggang");
        open("/org/" + OWN + "?period=2026");
        find("#report-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/org/" + OWN + "/report"));
        assertThat(text("h1")).endsWith("考评报告");
        assertThat(text("#provisional")).startsWith("当前结果（临时，未发布");
        assertThat(browser.findElements(By.cssSelector("table.lines tbody tr"))).isNotEmpty();
        String printRules = (String) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.styleSheets).flatMap(s => Array.from(s.cssRules))"
                        + ".map(r => r.cssText).filter(t => t.startsWith('@page') || t.startsWith('@media print')).join('\\n');");
        assertThat(printRules).containsIgnoringCase("size: A4").contains("@media print");
        checkPage("organization-report");
        assertThat(find("#report-pdf").getAttribute("href")).contains("/org/" + OWN + "/report.pdf");

        Api rep = new Api(port, TestUsers.basic("donggang", DEMO_PASSWORD));
        JsonNode result = rep.get("/api/organizations/" + OWN + "/result?period=2026").json().get("result");
        Set<String> ruleIds = new LinkedHashSet<>();
        result.get("explanation").forEach(line -> ruleIds.add(line.get("rule").asString()));
        assertThat(ruleIds).isNotEmpty();

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/org/" + OWN + "/report.pdf?period=2026"))).header("Authorization", TestUsers.basic("donggang", DEMO_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("content-disposition").orElseThrow()).contains(OWN).contains("attachment");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(result.get("name").asString(), "考评报告", "三力得分", "当前结果（临时，未发布");
            assertThat(ruleIds).allSatisfy(id -> assertThat(text).contains(id));
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).as("the Chinese font is embedded").anySatisfy(f -> {
                assertThat(f.isEmbedded()).isTrue();
                assertThat(f.getName()).containsIgnoringCase("WenQuanYi");
            });
        }
    }

    @Test
    void another_organizations_report_is_not_found() throws IOException, InterruptedException {
        HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/org/Z02-V02/report.pdf"))).header("Authorization", TestUsers.basic("donggang", DEMO_PASSWORD))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("%PDF");
    }
}
