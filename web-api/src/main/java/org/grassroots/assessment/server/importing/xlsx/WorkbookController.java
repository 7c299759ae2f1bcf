package org.grassroots.assessment.server.importing.xlsx;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.web.InvalidRequestException;
import java.util.Map;
import org.grassroots.assessment.server.export.ExportFileName;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/import/template.xlsx}: the empty import workbook with its 说明 sheet;
 * {@code GET /api/import/export.xlsx?period=}: the same filled with a period's stored data.
 */
@RestController
class WorkbookController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final WorkbookLayouts layouts;
    private final WorkbookExport export;

    WorkbookController(WorkbookLayouts layouts, WorkbookExport export) {
        this.layouts = layouts;
        this.export = export;
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

    @Operation(summary = "导出期间数据为导入工作簿 Export a period's stored data as the import workbook",
            description = "与导入模板相同的工作簿，填入全部组织、该期间的期间指标和党员记录、以及该期间内的明察暗访（含发现问题）；"
                    + "修改后可直接导入，未修改的记录导入后不变。 The template filled with the stored data: every organization,"
                    + " the period's facts and member records and the visits dated in it; importing it unchanged changes nothing.")
    @GetMapping("/api/import/export.xlsx")
    void export(@RequestParam String period, HttpServletResponse response) throws IOException {
        Period p;
        try {
            p = Period.parse(period);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("参数 period 不是有效的考评期间（如 2026 或 2026-Q1）",
                    List.of(new Problem("/period", "must be a period YYYY or YYYY-Qn (n 1–4), got \"" + period + "\"")));
        }
        attachment(response, "考评数据-" + p + ".xlsx", "assessment-data-" + p + ".xlsx");
        export.write(p, response.getOutputStream());
    }

    static void attachment(HttpServletResponse response, String name, String asciiName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, new ExportFileName(name, asciiName).contentDisposition());
    }
}
