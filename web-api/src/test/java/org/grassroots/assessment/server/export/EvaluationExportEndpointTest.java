package org.grassroots.assessment.server.export;

import org.grassroots.assessment.server.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=target/test-data/export-endpoint", "assessment.demo=false"})
class EvaluationExportEndpointTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    EvaluationRunner runner;

    @Autowired
    EvaluationRepository evaluations;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The worked example's evaluation, imported and run once for the class. */
    private static Long id;

    @BeforeEach
    void worked_example_evaluated() throws Exception {
        if (id != null) {
            return;
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(uri("/api/import")).header("Authorization", TestUsers.admin())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes(Fixtures.WORKED_EXAMPLE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        id = runner.run(runner.target("2026", LocalDate.parse("2026-12-31")));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestUsers.admin()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String disposition(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Disposition").orElseThrow();
    }

    @Test
    void csv_download_with_bom_chinese_headers_and_a_utf8_file_name() throws Exception {
        HttpResponse<byte[]> response = get("/api/evaluations/" + id + "/export?format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t.replace(" ", "").toLowerCase()).isEqualTo("text/csv;charset=utf-8"));
        String disposition = disposition(response);
        assertThat(disposition).startsWith("attachment;")
                .contains("filename=\"evaluation-" + id + "-2026-2026-12-31.csv\"");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .isEqualTo("考评结果-2026-考评" + id + "-截至2026-12-31.csv");

        List<List<String>> records = CsvExporterTest.records(response.body());
        assertThat(records.get(0)).isEqualTo(CsvExporterTest.HEADERS);
        Map<String, Map<String, String>> rows = CsvExporterTest.rowsByCode(records);
        assertThat(rows.keySet()).containsExactly("V-HONGQI", "XQ-T01", "C-XINGFU", "E-HANGKE", "S-XIEHUI", "V-SHIQIAO");
        assertThat(rows.get("V-HONGQI")).containsEntry("排名", "1").containsEntry("综合得分", "97.08")
                .containsEntry("定级", "先进").containsEntry("上级组织", "城关街道党工委");
        assertThat(rows.get("XQ-T01")).containsEntry("上级组织", "X区党工委");
        assertThat(rows.get("V-SHIQIAO")).containsEntry("定级", "软弱涣散");
        assertThat(rows.get("V-SHIQIAO").get("软弱涣散情形")).startsWith("W-01 书记长期空缺；");
    }

    @Test
    void xlsx_download_is_the_default_with_four_sheets() throws Exception {
        HttpResponse<byte[]> response = get("/api/evaluations/" + id + "/export");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(XLSX);
        assertThat(disposition(response)).contains("filename=\"evaluation-" + id + "-2026-2026-12-31.xlsx\"")
                .contains("filename*=UTF-8''%E8%80%83%E8%AF%84%E7%BB%93%E6%9E%9C-2026-" + ExportFileName.encode("考评" + id)
                        + "-" + ExportFileName.encode("截至") + "2026-12-31.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("定级排名");
            assertThat(wb.getSheet("定级排名").getRow(2).getCell(1).getStringCellValue()).isEqualTo("V-HONGQI");
            assertThat(wb.getSheet("定级排名").getRow(2).getCell(8).getNumericCellValue()).isEqualTo(97.08);
            assertThat(ledgerIds(wb)).isNotEmpty().isEqualTo(apiLedgerIds(""));
            assertThat(wb.getSheet("说明")).isNotNull();
        }
        assertThat(get("/api/evaluations/" + id + "/export?format=XLSX").statusCode()).isEqualTo(200);
    }

    @Test
    void the_ledger_sheet_lists_what_the_ledger_lists_for_the_same_filters_as_of_the_evaluation() throws Exception {
        for (String filter : List.of("", "&orgCode=V-SHIQIAO", "&status=VERIFIED", "&overdue=true",
                "&orgCode=XQ-T01&status=OPEN")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                    get("/api/evaluations/" + id + "/export?format=xlsx" + filter).body()))) {
                assertThat(ledgerIds(wb)).as(filter).isEqualTo(apiLedgerIds(filter));
            }
        }
        assertThat(apiLedgerIds("&status=VERIFIED")).isNotEmpty();
        assertThat(apiLedgerIds("&overdue=true")).isNotEmpty();
    }

    /** The 整改编号 column of the 整改台账 sheet, in the sheet's order. */
    private static List<Long> ledgerIds(XSSFWorkbook wb) {
        Sheet sheet = wb.getSheet("整改台账");
        int column = -1;
        for (Cell c : sheet.getRow(1)) {
            if (c.getStringCellValue().equals("整改编号")) {
                column = c.getColumnIndex();
            }
        }
        List<Long> ids = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            ids.add((long) sheet.getRow(r).getCell(column).getNumericCellValue());
        }
        return ids;
    }

    /** The ids the rectification list (GET /api/rectifications) gives as of the evaluation's as-of date. */
    private List<Long> apiLedgerIds(String filter) throws Exception {
        HttpResponse<byte[]> list = get("/api/rectifications?asOf=2026-12-31" + filter);
        assertThat(list.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        ResultJson.mapper().readTree(list.body()).get("items")
                .forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void a_published_evaluation_says_so() throws Exception {
        // the test database outlives a run, and a period has one published evaluation: reuse it when there is one
        long published = evaluations.publishedOf("2026").orElseGet(() -> {
            long fresh = runner.run(runner.target("2026", LocalDate.parse("2026-12-31")));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/evaluations/" + fresh + "/publish")).header("Authorization", TestUsers.admin())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return fresh;
        });
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                get("/api/evaluations/" + published + "/export").body()))) {
            Map<String, String> facts = new HashMap<>();
            wb.getSheet("说明").forEach(row -> {
                if (row.getLastCellNum() >= 2) {
                    facts.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
                }
            });
            assertThat(facts).containsEntry("考评编号", Long.toString(published)).containsEntry("发布状态", "已发布");
        }
    }

    @Test
    void unknown_format_is_400_and_unknown_evaluation_404_as_problem_details() throws Exception {
        HttpResponse<byte[]> pdf = get("/api/evaluations/" + id + "/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new String(pdf.body(), StandardCharsets.UTF_8)).contains("/format");

        HttpResponse<byte[]> missing = get("/api/evaluations/987654321/export?format=csv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");

        assertThat(get("/api/evaluations/abc/export?format=csv").statusCode()).isEqualTo(400);
    }
}
