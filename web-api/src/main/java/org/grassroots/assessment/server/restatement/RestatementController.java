package org.grassroots.assessment.server.restatement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.grassroots.assessment.server.evaluation.EvaluationInputs;
import org.grassroots.assessment.server.security.AccessScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** History restated (按现行规则重算): restate an evaluation under another rule version and compare. */
@RestController
class RestatementController {

    private static final String PROBLEM = "application/problem+json";

    private final Restatements restatements;
    private final AccessScope scope;

    RestatementController(Restatements restatements, AccessScope scope) {
        this.restatements = restatements;
        this.scope = scope;
    }

    @Operation(summary = "按其他规则版本重算考评 Restate an evaluation under another rule version",
            description = "以该考评当时读取并留存的输入数据（事实、党员、明察暗访、整改台账步骤、上期定级）按所给规则集版本重新评估，"
                    + "结果作为“重算”保存在正式考评旁边，正式考评不变。 Evaluates the inputs the evaluation kept under the"
                    + " stored rule version (id or label) and stores the restatement beside it; the official evaluation"
                    + " never changes.")
    @ApiResponse(responseCode = "201", description = "the restatement's record; Location: its comparison")
    @ApiResponse(responseCode = "400", description = "ruleVersion missing", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown evaluation or rule version", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "the evaluation was stored before evaluations kept their inputs",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/evaluations/{id}/restate")
    ResponseEntity<RestatementRecord> restate(@PathVariable long id,
            @Parameter(description = "规则集版本编号或版本号 a stored rule version's id or label") @RequestParam(required = false)
            String ruleVersion) {
        RestatementRecord h = restatements.restate(id, ruleVersion);
        return ResponseEntity.created(URI.create("/api/evaluations/" + id + "/restatements/" + h.id())).body(h);
    }

    @Operation(summary = "下载考评留存的输入数据 Download the inputs an evaluation kept",
            description = "该考评当时读取并留存的数据，作为数据包（docs/formats.md 第 1 节）下载，可用离线命令行"
                    + " `evaluate --bundle 文件 --period 期间 --as-of 截至日期 --rules 目录` 按任一规则版本复算。"
                    + " The kept inputs as a bundle JSON (docs/formats.md section 1) that the offline CLI evaluates"
                    + " with `--rules` of any version; previous tiers are not part of a bundle: `/previous-tiers`"
                    + " answers them for the CLI's `--previous-tiers` (without it, the CLI evaluates the previous"
                    + " period from the bundle's facts).")
    @ApiResponse(responseCode = "200", description = "the bundle, as an attachment", content = @Content(
            mediaType = "application/json", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "unknown evaluation", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "the evaluation was stored before evaluations kept their inputs",
            content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/inputs")
    void inputs(@PathVariable long id, HttpServletResponse response) throws IOException {
        restatements.checkInputs(id);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation-" + id + "-inputs.json\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        restatements.writeInputs(id, response.getOutputStream());
        response.flushBuffer();
    }

    @Operation(summary = "考评比较升降所用的上期定级 The previous tiers an evaluation's movement compared with",
            description = "该考评计算升降（晋位、降位、整顿转化）时比较的上期定级，随输入数据留存；离线命令行"
                    + " `evaluate --previous-tiers 文件` 读取此答复，与 `/inputs` 一起即可逐字段复算该考评或其重算。"
                    + " As kept with the inputs, by organization code; the offline CLI reads this answer as"
                    + " `--previous-tiers FILE`, so that the inputs and these tiers reproduce the evaluation, or a"
                    + " restatement, field by field.")
    @ApiResponse(responseCode = "200", description = "period (the previous one), source, tiers by organization code")
    @ApiResponse(responseCode = "404", description = "unknown evaluation", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "the evaluation was stored before evaluations kept their inputs",
            content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/previous-tiers")
    EvaluationInputs.PreviousTiers previousTiers(@PathVariable long id) {
        return restatements.previousTiers(id);
    }

    @Operation(summary = "考评的重算列表 An evaluation's restatements", description = "按时间先后。 Oldest first.")
    @ApiResponse(responseCode = "404", description = "unknown evaluation", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/restatements")
    List<RestatementRecord> list(@PathVariable long id) {
        List<RestatementRecord> list = restatements.list(id);
        return scope.organizationRepresentative() ? list.stream().map(RestatementRecord::withStaffHidden).toList()
                : list;
    }

    @Operation(summary = "重算与正式考评对照 A restatement beside the official evaluation",
            description = "每个组织的正式与重算定级、排名、综合得分、三力、升降和每一行依据，列出不同之处；组织代表只见本组织及下级。"
                    + " Per organization: tier, rank, composite, forces, movement and every explanation line under both,"
                    + " and the fields that differ; a representative sees only its subtree's rows.")
    @ApiResponse(responseCode = "404", description = "unknown evaluation or restatement", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/restatements/{restatementId}")
    RestatementView view(@PathVariable long id, @PathVariable long restatementId,
            @Parameter(description = "只列结果不同的组织 only the organizations whose result differs")
            @RequestParam(defaultValue = "false") boolean changedOnly) {
        RestatementView view = restatements.view(id, restatementId, scope.current(), changedOnly);
        return scope.organizationRepresentative() ? view.withStaffHidden() : view;
    }

    @Operation(summary = "导出重算对照表 Export a restatement beside the official evaluation",
            description = "XLSX：对照表（正式与重算两列并排）、依据变化、说明三个工作表。 XLSX: sheets 对照 (official and"
                    + " restated columns), 依据变化 (the explanation lines that differ), 说明 (what was compared).")
    @ApiResponse(responseCode = "200", description = "the file, as an attachment", content = @Content(
            mediaType = RestatementXlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "unknown evaluation or restatement", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/restatements/{restatementId}/export")
    void export(@PathVariable long id, @PathVariable long restatementId, HttpServletResponse response) throws IOException {
        RestatementView view = restatements.view(id, restatementId, scope.current(), false);
        response.setContentType(RestatementXlsx.MEDIA_TYPE);
        String name = "restatement-" + id + "-" + restatementId + ".xlsx";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        RestatementXlsx.write(view, response.getOutputStream());
        response.flushBuffer();
    }
}
