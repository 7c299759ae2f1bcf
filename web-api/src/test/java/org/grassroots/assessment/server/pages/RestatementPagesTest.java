package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 section 2, history restated, in the browser: the office follows 重算 of an evaluation from
 * its home page, restates it under the version in force, reads the comparison (the organizations
 * whose result differs, then all of them) at phone and desktop widths, axe clean, and downloads the
 * comparison's xlsx and the evaluation's kept inputs from the page's links.
 */
class RestatementPagesTest extends BrowserTest {

    @Test
    void the_office_restates_an_evaluation_and_reads_the_comparison() throws Exception {
        signIn("evaluator");
        open("/office");
        WebElement link = find("#evaluations tbody tr a[href$='/restatements']");
        String evaluationId = link.getAttribute("href").replaceAll(".*/evaluations/(\\d+)/restatements$", "$1");
        link.click();
        waitFor(d -> d.getCurrentUrl().endsWith("/office/evaluations/" + evaluationId + "/restatements"));
        assertThat(text("h1")).startsWith("按现行规则重算：评估 #" + evaluationId);

        Api office = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));
        long active = office.get("/api/rules/active").json().get("id").asLong();
        new Select(find("#ruleVersion")).selectByValue(String.valueOf(active));
        find("#restate-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().contains("restatement="));
        String restatementId = browser.getCurrentUrl().replaceAll(".*restatement=(\\d+).*", "$1");
        assertThat(text(".alert.ok")).contains("重算评估 #" + evaluationId, "重算 #" + restatementId);

        // the page says what the API says
        JsonNode view = office.get("/api/evaluations/" + evaluationId + "/restatements/" + restatementId).json();
        int changed = view.get("changed").asInt();
        assertThat(text("#changed-count")).isEqualTo(changed + " 个组织的结果不同");
        assertThat(browser.findElements(By.cssSelector("#restated-rows tbody tr"))).hasSize(changed);
        assertThat(browser.findElements(By.cssSelector("#restatements li a")).stream().map(WebElement::getText))
                .anyMatch(t -> t.startsWith("重算 #" + restatementId + "："));
        checkPage("restatement-changed");

        find("#comparison a[href*='changedOnly=false']").click();
        waitFor(d -> d.getCurrentUrl().contains("changedOnly=false"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#restated-rows tbody tr"));
        assertThat(rows).hasSize(view.get("rows").size()).isNotEmpty();
        JsonNode first = view.get("rows").get(0);
        WebElement firstRow = find("#row-" + first.get("code").asString());
        assertThat(firstRow.findElement(By.cssSelector("td[data-label='正式综合得分']")).getText())
                .isEqualTo(String.valueOf(first.get("official").get("composite").asDouble()));
        assertThat(firstRow.findElement(By.cssSelector("td[data-label='重算综合得分']")).getText())
                .isEqualTo(String.valueOf(first.get("restated").get("composite").asDouble()));
        checkPage("restatement-all");

        // the links: the comparison as xlsx, the kept inputs as a bundle
        HttpResponse<byte[]> xlsx = download(find("#export-link").getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("content-disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"restatement-" + evaluationId + "-" + restatementId + ".xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(view.get("rows").size());
        }
        HttpResponse<byte[]> inputs = download(find("#inputs-link").getAttribute("href"));
        assertThat(inputs.statusCode()).isEqualTo(200);
        JsonNode bundle = JsonMapper.shared().readTree(inputs.body());
        assertThat(bundle.get("organizations").size()).isGreaterThanOrEqualTo(view.get("rows").size());
        assertThat(bundle.get("visits")).allSatisfy(v -> assertThat(v.get("inspectors")).isNotEmpty());
    }

    private HttpResponse<byte[]> download(String href) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Authorization", TestUsers.basic("evaluator", DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
