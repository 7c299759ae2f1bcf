package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger and its export agree (issue 14, defects 4 and 5), on the demo district with 2025
 * published and 2026 evaluated to date: items of an earlier period stand on the ledger with their
 * 考核期 and "上期遗留" saying why (items are keyed by organization, period and rule id, so a later
 * period's evaluation does not withdraw them), no (organization, period, rule) is listed twice, and
 * the export's 整改台账 sheet lists the very items of the page for the same filters and as-of date.
 */
class LedgerExportPagesTest extends BrowserTest {

    /** 杨家庄村党支部: weak in 2025 for a vacant secretary (W-01), turned round in 2026. */
    private static final String CONVERTED = "Z01-V03";
    private static final String TOWN = "XQ-Z01";

    @Autowired
    EvaluationRepository evaluations;

    /** One row of the ledger page; {@code id} -1 and {@code period} null where the page does not say. */
    record PageRow(long id, String org, String rule, String period, String status, String text) {
    }

    /**
     * The ledger table's rows, its cells found by their column headings: read in one script (the
     * cells' rendered text, as a user reads it) rather than one browser round trip per cell.
     */
    @SuppressWarnings("unchecked")
    private List<PageRow> pageRows() {
        List<Object> table = (List<Object>) ((JavascriptExecutor) browser).executeScript(ROWS);
        List<String> headings = (List<String>) table.get(0);
        List<PageRow> rows = new ArrayList<>();
        for (Object o : (List<Object>) table.get(1)) {
            Map<String, Object> tr = (Map<String, Object>) o;
            List<String> cells = (List<String>) tr.get("cells");
            String id = (String) tr.get("id");
            rows.add(new PageRow(id == null ? -1 : Long.parseLong(id),
                    ((String) tr.get("href")).replaceAll(".*/org/", ""),
                    cells.get(headings.indexOf("规则")),
                    headings.contains("考核期") ? cells.get(headings.indexOf("考核期")) : null,
                    cells.get(headings.indexOf("状态")), (String) tr.get("text")));
        }
        return rows;
    }

    /** The headings and, per row, its item id, first link, cells' text and whole text. */
    private static final String ROWS = """
            var text = function (el) { return el.innerText.replace(/[ \\t\\u00a0]+/g, ' ').trim(); };
            var headings = Array.from(document.querySelectorAll('#ledger thead th')).map(text);
            var rows = Array.from(document.querySelectorAll('#ledger tbody tr')).map(function (tr) {
              return {id: tr.getAttribute('data-item-id'), href: tr.querySelector('td a').href,
                  cells: Array.from(tr.querySelectorAll('td')).map(text), text: text(tr)};
            });
            return [headings, rows];
            """;

    /** Every page of the ledger's rows (50 a page), following "下一页" to the last. */
    private List<PageRow> allPageRows() {
        List<PageRow> rows = new ArrayList<>(pageRows());
        while (!browser.findElements(By.cssSelector(".pager a[rel=next]")).isEmpty()) {
            String before = browser.getCurrentUrl();
            find(".pager a[rel=next]").click();
            waitFor(d -> !d.getCurrentUrl().equals(before));
            List<PageRow> page = pageRows();
            assertThat(page).as("a page holds at most 50 items").hasSizeLessThanOrEqualTo(50).isNotEmpty();
            rows.addAll(page);
        }
        return rows;
    }

    @Test
    void an_item_of_an_earlier_period_shows_its_period_and_why_it_stands() {
        signIn("evaluator");
        open("/office/rectifications?org=" + CONVERTED);
        checkPage("office-rectifications-carried-over");
        List<PageRow> rows = pageRows();
        List<PageRow> w01 = rows.stream().filter(r -> r.rule().equals("W-01")).toList();
        // produced by the 2025 evaluation only: the 2026 one, which no longer finds it weak, made none
        assertThat(w01).as("the converted organization's W-01 items").hasSize(1);
        PageRow item = w01.get(0);
        assertThat(item.period()).isEqualTo("2025年度");
        assertThat(item.status()).startsWith("待整改").contains("已逾期");
        assertThat(item.text()).contains("上期遗留：2025年度考评认定", "以后各期考评不撤销");
        // items of the current period say nothing of the kind
        assertThat(rows).filteredOn(r -> r.period().equals("2026年度"))
                .allSatisfy(r -> assertThat(r.text()).doesNotContain("上期遗留"));
    }

    @Test
    void an_item_listed_twice_belongs_to_two_periods_and_the_earlier_one_says_why() {
        signIn("evaluator");
        open("/office/rectifications");
        assertThat(text("#ledger-count")).doesNotContain("显示前");
        List<PageRow> rows = allPageRows();
        Map<String, List<PageRow>> byOrgAndRule = new HashMap<>();
        for (PageRow r : rows) {
            if (r.rule().matches("[WS]-.*")) {
                byOrgAndRule.computeIfAbsent(r.org() + " " + r.rule(), k -> new ArrayList<>()).add(r);
            }
        }
        List<List<PageRow>> twice = byOrgAndRule.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(twice).as("items listed more than once").isNotEmpty();
        assertThat(twice).anySatisfy(l -> assertThat(l.get(0).rule()).isEqualTo("S-04"));
        for (List<PageRow> same : twice) {
            // keyed by (organization, period, rule id): never two of one period
            assertThat(same).as(same.toString()).allSatisfy(r -> assertThat(r.period()).isNotNull());
            assertThat(same.stream().map(PageRow::period).distinct().count()).as(same.toString()).isEqualTo(same.size());
            for (PageRow r : same) {
                if (r.period().equals("2025年度") && (r.status().startsWith("待整改") || r.status().startsWith("待核验"))) {
                    assertThat(r.text()).as(r.toString()).contains("上期遗留");
                }
            }
        }
    }

    @Test
    void the_export_lists_the_rows_of_the_ledger_page_for_the_same_filters_and_as_of_date() throws Exception {
        long id = evaluations.latestOf("2026").orElseThrow();
        EvaluationSummary evaluation = evaluations.summary(id);
        signIn("evaluator");
        for (String[] filter : List.of(new String[] {"", ""}, new String[] {"&org=" + TOWN, "&orgCode=" + TOWN},
                new String[] {"&org=" + TOWN + "&overdue=true", "&orgCode=" + TOWN + "&overdue=true"},
                new String[] {"&status=VERIFIED", "&status=VERIFIED"})) {
            open("/office/rectifications?asOf=" + evaluation.asOf() + filter[0]);
            assertThat(text("#ledger-count")).contains("截至 " + evaluation.asOf()).doesNotContain("显示前");
            List<Long> shown = allPageRows().stream().map(PageRow::id).toList();

            HttpResponse<byte[]> xlsx = download("/api/evaluations/" + id + "/export?format=xlsx" + filter[1]);
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = wb.getSheet("整改台账");
                assertThat(sheet.getLastRowNum() - 1).as("整改台账 rows for" + filter[0]).isEqualTo(shown.size());
                assertThat(sheetIds(sheet)).as("整改台账 for" + filter[0]).isEqualTo(shown);
            }
            assertThat(fileName(xlsx)).contains("考评" + id, "2026", evaluation.asOf().toString()).endsWith(".xlsx");
        }
        open("/office/rectifications?asOf=" + evaluation.asOf() + "&org=" + CONVERTED);
        checkPage("office-rectifications-as-of");
        assertThat(pageRows()).anySatisfy(r -> assertThat(r.text()).contains("上期遗留"));

        HttpResponse<byte[]> csv = download("/api/evaluations/" + id + "/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(fileName(csv)).contains("考评" + id, "2026").endsWith(".csv");
        assertThat(csv.headers().firstValue("content-disposition").orElseThrow())
                .contains("filename=\"evaluation-" + id + "-2026-");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        String first = text.substring(1, text.indexOf("\r\n"));
        assertThat(first).startsWith("排名,组织编码,组织名称,");
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", TestUsers.basic("evaluator", DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The RFC 5987 file name of a download. */
    private static String fileName(HttpResponse<?> response) {
        String disposition = response.headers().firstValue("content-disposition").orElseThrow();
        String marker = "filename*=UTF-8''";
        return URLDecoder.decode(disposition.substring(disposition.indexOf(marker) + marker.length()),
                StandardCharsets.UTF_8);
    }

    /** The 整改编号 column of the sheet, in its order. */
    private static List<Long> sheetIds(Sheet sheet) {
        int column = -1;
        for (Cell c : sheet.getRow(1)) {
            if (c.getStringCellValue().equals("整改编号")) {
                column = c.getColumnIndex();
            }
        }
        assertThat(column).as("a 整改编号 column").isNotNegative();
        List<Long> ids = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            ids.add((long) row.getCell(column).getNumericCellValue());
        }
        return ids;
    }
}
