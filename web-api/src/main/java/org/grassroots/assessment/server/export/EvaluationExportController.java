package org.grassroots.assessment.server.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/evaluations/{id}/export?format=csv|xlsx}: grades and ranks as a spreadsheet download. */
@RestController
class EvaluationExportController {

    private final EvaluationExports exports;

    EvaluationExportController(EvaluationExports exports) {
        this.exports = exports;
    }

    @Operation(summary = "导出考评结果 Export an evaluation",
            description = "CSV（UTF-8 带 BOM，Excel 可直接打开）：定级排名一张表，首行为表头；考评编号、期间、截至日期、规则版本等"
                    + "见文件名和 XLSX 的说明工作表。XLSX：定级排名、分类统计、整改台账、说明四个工作表；整改台账与台账页面"
                    + "在相同筛选条件、以考评截至日期列出的事项一致（含以前考核期未销号的事项）。"
                    + " CSV (UTF-8 with BOM, CRLF): the header row, then the grades and ranks; XLSX: sheets 定级排名"
                    + " (grades and ranks), 分类统计 (tier counts per type and per parent), 整改台账 (the ledger as the"
                    + " ledger page lists it for orgCode, status and overdue as of the evaluation's as-of date), 说明"
                    + " (evaluation id, period, as-of date, rule set version and checksum, generated at).")
    @ApiResponse(responseCode = "200", description = "the file, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "unknown format", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "unknown evaluation", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/evaluations/{id}/export")
    void export(
            @PathVariable long id,
            @Parameter(description = "csv 或 xlsx（默认） csv or xlsx (default)", schema = @Schema(allowableValues = {"csv", "xlsx"}))
            @RequestParam(defaultValue = "xlsx") String format,
            @Parameter(description = "整改台账：组织编码（含下级） the ledger sheet's organization, with its subtree")
            @RequestParam(required = false) String orgCode,
            @Parameter(description = "整改台账：状态（OPEN、SUBMITTED、VERIFIED、WITHDRAWN；默认除已撤销外全部） the ledger sheet's status")
            @RequestParam(required = false) String status,
            @Parameter(description = "整改台账：只列逾期 only overdue items in the ledger sheet")
            @RequestParam(defaultValue = "false") boolean overdue,
            HttpServletResponse response) throws IOException {
        ExportFormat f = ExportFormat.parse(format).orElseThrow(() ->
                new InvalidRequestException("/format", "format must be csv or xlsx, not \"" + format + "\""));
        EvaluationExport export = exports.load(id, orgCode, status, overdue);
        // written synchronously: a large district takes longer than an async request may
        response.setContentType(f.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ExportFileName.of(export, f).contentDisposition());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        f.exporter().write(export, response.getOutputStream());
        response.flushBuffer();
    }
}
