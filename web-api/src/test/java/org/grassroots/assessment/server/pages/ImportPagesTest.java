package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 15: the office imports the Excel workbook from a page. The template is downloaded; the
 * workbook is the same template filled (the district's 2026 data, as the office exports it) with two
 * mistakes made in it with POI; the upload is refused with both problems at their cells and nothing
 * imported; the annotated workbook downloads without choosing the file again, the two cells red with
 * their messages as comments, and only for the one who uploaded it; the fixed workbook imports and
 * the counts are shown.
 */
class ImportPagesTest extends BrowserTest {

    @Test
    void the_office_imports_a_workbook_fixes_two_mistakes_from_the_annotated_copy_and_sees_the_counts()
            throws IOException {
        signIn("evaluator");
        open("/office");
        find("a[href='/office/import']").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/office/import"));
        checkPage("office-import");
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(fetch("/api/import/template.xlsx")))) {
            assertThat(template.getSheet("组织")).isNotNull();
            assertThat(template.getSheet("说明")).isNotNull();
        }

        byte[] filled = fetch("/api/import/export.xlsx?period=2026");
        XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled));
        Cell date = cell(wb.getSheet("明察暗访"), "检查日期（日期）", 1);
        Cell meetings = cell(wb.getSheet("期间指标"), "支部党员大会（次）", 1);
        String dateRef = "明察暗访!" + new CellReference(date).formatAsString(false);
        String meetingsRef = "期间指标!" + new CellReference(meetings).formatAsString(false);
        date.setCellValue("上个月初");
        meetings.setCellValue("三次");
        Path wrong = write("东城镇-有错.xlsx", wb);

        Api evaluator = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));
        find("#file").sendKeys(wrong.toString());
        find("#import-form button[type=submit]").click();
        waitFor(d -> !d.findElements(By.id("import-problems")).isEmpty());
        assertThat(text("#import-problems")).as(text("#problems"))
                .contains("“东城镇-有错.xlsx”有 2 个问题，未导入任何数据");
        List<String> problems = browser.findElements(By.cssSelector("#problems tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(0).getText() + "!"
                        + r.findElements(By.tagName("td")).get(1).getText()).toList();
        assertThat(problems).containsExactlyInAnyOrder(dateRef, meetingsRef);
        checkPage("office-import-refused");

        String annotatedPath = find("#annotated-link").getAttribute("href").replaceFirst("^https?://[^/]+", "");
        try (XSSFWorkbook annotated = new XSSFWorkbook(new ByteArrayInputStream(fetch(annotatedPath)))) {
            for (String ref : List.of(dateRef, meetingsRef)) {
                CellReference at = new CellReference(ref);
                Cell c = annotated.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol());
                assertThat(c.getCellComment()).as(ref + " carries its problem").isNotNull();
                assertThat(c.getCellComment().getString().getString()).isNotBlank();
                XSSFColor fill = ((XSSFCellStyle) c.getCellStyle()).getFillForegroundColorColor();
                assertThat(fill).as(ref + " is filled").isNotNull();
                assertThat(fill.getARGBHex()).as(ref + " is red").matches("FF(F|E|D)\\w\\w\\w\\w\\w");
            }
        }
        Api inspector = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        assertThat(inspector.get(annotatedPath).status()).as("another role").isEqualTo(403);
        assertThat(inspector.get("/office/import").status()).isEqualTo(403);
        assertThat(evaluator.get(annotatedPath).status()).as("the one who uploaded it").isEqualTo(200);
        assertThat(new Api(port, TestUsers.admin()).post("/api/users", "{\"username\":\"office2\",\"password\":"
                + "\"long-enough-pw-2\",\"displayName\":\"考核办 二\",\"role\":\"EVALUATOR\"}").status()).isEqualTo(201);
        assertThat(new Api(port, TestUsers.basic("office2", "long-enough-pw-2")).get(annotatedPath).status())
                .as("another member of the office").isEqualTo(404);

        Path fixed = write("东城镇.xlsx", new XSSFWorkbook(new ByteArrayInputStream(filled)));
        find("#file").sendKeys(fixed.toString());
        find("#import-form button[type=submit]").click();
        waitFor(d -> !d.findElements(By.id("import-done")).isEmpty());
        assertThat(text("#import-done")).startsWith("“东城镇.xlsx”已导入：组织 ").contains("期间指标", "党员", "明察暗访");
        checkPage("office-import-done");
    }

    private byte[] fetch(String path) {
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[1];"
                + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); }).then(function (b) {"
                + "  var s = ''; var bytes = new Uint8Array(b);"
                + "  for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }"
                + "  done(btoa(s)); });", path);
        return Base64.getDecoder().decode(base64);
    }

    private static Cell cell(Sheet sheet, String header, int rowIndex) {
        Row headers = sheet.getRow(0);
        for (Cell h : headers) {
            if (h.getStringCellValue().strip().equals(header)) {
                Row row = sheet.getRow(rowIndex);
                Cell c = row.getCell(h.getColumnIndex());
                return c != null ? c : row.createCell(h.getColumnIndex());
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

    private static Path write(String name, XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        Path dir = Files.createTempDirectory("import-page");
        return Files.write(dir.resolve(name), out.toByteArray());
    }
}
