package org.grassroots.assessment.server.importing.xlsx;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.grassroots.assessment.server.export.ExportFileName;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/import/template.xlsx}: the empty import workbook with its 说明 sheet. */
@RestController
class WorkbookController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final WorkbookLayouts layouts;

    WorkbookController(WorkbookLayouts layouts) {
        this.layouts = layouts;
    }

    @Operation(summary = "下载数据导入模板 The import workbook template",
            description = "每种记录一张工作表（组织、期间指标、党员、明察暗访、发现问题），中文列名带单位，下拉列表、日期和数值范围校验，"
                    + "冻结首行，另有说明工作表列出每一列的含义和读取它的规则编号。 One sheet per kind of bundle record"
                    + " with data validation, and a 说明 sheet naming the rules each column feeds.")
    @GetMapping("/api/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        WorkbookLayouts.Current current = layouts.current();
        attachment(response, "考评数据导入模板.xlsx", "import-template.xlsx");
        new TemplateWriter(current.layout(), current.readers()).write(response.getOutputStream(), Map.of(),
                "基层党组织考评数据导入模板");
    }

    static void attachment(HttpServletResponse response, String name, String asciiName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, new ExportFileName(name, asciiName).contentDisposition());
    }
}
