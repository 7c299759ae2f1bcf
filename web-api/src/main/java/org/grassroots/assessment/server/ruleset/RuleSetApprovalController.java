package org.grassroots.assessment.server.ruleset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Four-eyes activation (四眼原则): a version's impact notice (JSON and xlsx), its approval by a second
 * person after seeing the notice, and the approvals recorded with the notice each approver saw.
 */
@RestController
@RequestMapping("/api/rules/versions/{id}")
class RuleSetApprovalController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RuleSetApprovals approvals;

    RuleSetApprovalController(RuleSetApprovals approvals) {
        this.approvals = approvals;
    }

    /** {@code digest}: the digest of the impact notice the approver saw; {@code period}/{@code asOf} as for that notice. */
    record ApproveRequest(String period, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, String digest,
            String comment) {
    }

    @Operation(summary = "规则集版本的影响通知 The impact notice of a version: the period's what-if against the set in force, with its digest")
    @ApiResponse(responseCode = "200", description = "the notice")
    @ApiResponse(responseCode = "400", description = "no or an invalid period", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "unknown version", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/notice")
    ImpactNotice notice(@PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return approvals.notice(id, period, asOf);
    }

    @Operation(summary = "影响通知导出为 Excel The impact notice as an xlsx workbook")
    @ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = XLSX,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "no or an invalid period", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "unknown version", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/notice.xlsx")
    ResponseEntity<byte[]> noticeXlsx(@PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ImpactNotice notice = approvals.notice(id, period, asOf);
        String name = "影响通知-" + notice.version().replaceAll("[^\\p{L}\\p{N}._-]+", "_") + "-" + notice.period() + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Notice-Digest", notice.digest())
                .body(ImpactNoticeXlsx.write(notice));
    }

    @Operation(summary = "批准规则集版本（四眼原则） Approves a version after its impact notice: a second person, EVALUATOR or ADMIN, not its author")
    @ApiResponse(responseCode = "200", description = "the approval and the notice it recorded")
    @ApiResponse(responseCode = "400", description = "no digest, no or an invalid period", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "the approver is the version's author (audited), or the role may not approve",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "unknown version", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "the version is in force, or the notice changed since it was seen",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/approve")
    RuleSetApprovals.ApprovalRecord approve(@PathVariable long id, @RequestBody(required = false) ApproveRequest request) {
        ApproveRequest r = request == null ? new ApproveRequest(null, null, null, null) : request;
        return approvals.approve(id, r.period(), r.asOf(), r.digest(), r.comment());
    }

    @Operation(summary = "规则集版本的审批记录 The approvals of a version, newest first")
    @ApiResponse(responseCode = "404", description = "unknown version", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/approvals")
    List<RuleSetApprovals.Approval> approvals(@PathVariable long id) {
        return approvals.approvals(id);
    }

    @Operation(summary = "一次审批及其当时看到的影响通知 One approval with the impact notice its approver saw")
    @ApiResponse(responseCode = "404", description = "unknown version or approval", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/approvals/{approval}")
    RuleSetApprovals.ApprovalRecord approval(@PathVariable long id, @PathVariable long approval) {
        return approvals.approval(id, approval);
    }
}
