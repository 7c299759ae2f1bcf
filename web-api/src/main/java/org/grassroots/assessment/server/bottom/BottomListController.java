package org.grassroots.assessment.server.bottom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reverse-ranked list explained (倒排说明) and the sensitivity of an evaluation. */
@RestController
class BottomListController {

    private static final String PROBLEM = "application/problem+json";

    private final BottomListService bottomList;
    private final SensitivityService sensitivity;

    BottomListController(BottomListService bottomList, SensitivityService sensitivity) {
        this.bottomList = bottomList;
        this.sensitivity = sensitivity;
    }

    @Operation(summary = "倒排说明 The reverse-ranked list explained",
            description = "按类型：倒排分界线（倒排中排名最高者的综合得分）、倒排组织及分界线上下 BORDERLINE_POINTS 分以内的临界组织，"
                    + "每个组织与本类组织中位数相比失分最多的三项（规则、得分、中位数、依据）。"
                    + " Per type: the cut-off, the organizations on the list and those within BORDERLINE_POINTS (rules)"
                    + " of it, each with the three lines where it lost most against its type's median.")
    @ApiResponse(responseCode = "200", description = "the list explained, types in the policy's order")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not on the staff", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such evaluation, or its rule set states no BORDERLINE_POINTS",
            content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/bottom-list")
    BottomList bottomList(@PathVariable long id) {
        return bottomList.of(id);
    }

    @Operation(summary = "敏感性分析结果 The sensitivity of an evaluation",
            description = "综合得分权重与定级阈值各上调、下调 10% 时定级变化和跨越倒排分界线的组织数，及计算进度。"
                    + " For each constant of the composite and grading rules moved by ±10 %: how many organizations"
                    + " change tier or cross the reverse-ranking cut-off; and the progress of a run.")
    @ApiResponse(responseCode = "200", description = "the kept rows and the run's state (NONE, RUNNING, DONE, FAILED)")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not the evaluation office", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such evaluation", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/evaluations/{id}/sensitivity")
    SensitivityService.Status status(@PathVariable long id) {
        return sensitivity.status(id);
    }

    @Operation(summary = "开始敏感性分析 Start the sensitivity analysis",
            description = "在后台以规则引擎试算（与规则草稿试算相同）尚未保存的各项；constant 只算该常量。立即返回 202 与进度。"
                    + " Computes in the background, by what-if runs of the engine, the rows not kept yet (only those"
                    + " of `constant` when given); answers 202 at once with the progress.")
    @ApiResponse(responseCode = "202", description = "started (or already running, or everything kept)")
    @ApiResponse(responseCode = "400", description = "the constant is stated nowhere in the composite and grading rules",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not the evaluation office", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such evaluation, or its rule set is unknown",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/evaluations/{id}/sensitivity")
    ResponseEntity<SensitivityService.Status> start(@PathVariable long id,
            @RequestParam(required = false) String constant) {
        return ResponseEntity.accepted().body(sensitivity.start(id, constant));
    }
}
