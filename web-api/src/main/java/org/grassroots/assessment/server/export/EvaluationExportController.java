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
            description = "CSV（UTF-8 带 BOM，Excel 可直接打开）：定级排名一张表，首行为考评编号、期间、截至日期、规则版本和校验和。"
                    + " XLSX：定级排名、分类统计、整改台账、说明四个工作表。"
                    + " CSV (UTF-8 with BOM, CRLF): the grades and ranks after one metadata line; XLSX: sheets 定级排名"
                    + " (grades and ranks), 分类统计 (tier counts per type and per parent), 整改台账 (rectification list), 说明.")
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
            HttpServletResponse response) throws IOException {
        ExportFormat f = ExportFormat.parse(format).orElseThrow(() ->
                new InvalidRequestException("/format", "format must be csv or xlsx, not \"" + format + "\""));
        EvaluationExport export = exports.load(id);
        // written synchronously: a large district takes longer than an async request may
        response.setContentType(f.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ExportFileName.of(export, f).contentDisposition());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        f.exporter().write(export, response.getOutputStream());
        response.flushBuffer();
    }
}
