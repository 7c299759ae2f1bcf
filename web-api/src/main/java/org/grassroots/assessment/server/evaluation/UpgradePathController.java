package org.grassroots.assessment.server.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The path to upgrade (晋位路径) over HTTP: {@code GET /api/organizations/{code}/upgrade-path}. */
@RestController
class UpgradePathController {

    private static final String PROBLEM = "application/problem+json";

    private final UpgradePathService service;
    private final EvaluationRunner runner;
    private final AccessScope scope;

    UpgradePathController(UpgradePathService service, EvaluationRunner runner, AccessScope scope) {
        this.service = service;
        this.runner = runner;
        this.scope = scope;
    }

    @Operation(summary = "晋位路径 Path to upgrade",
            description = "在本期结束前还能做到的改变中（哪些事实可改变、可改变多少由规则 97-upgrade.drl 规定），"
                    + "找出使组织升至下一档定级（或 target 指定的定级）的最少改变，用现行规则集逐一试算；"
                    + "每项改变列出事实（或逾期整改事项 rectification:<id>，由 OPEN 提交为 SUBMITTED）、由 → 至、"
                    + "影响的规则编号和增加的分数；无路径时说明原因。"
                    + " The smallest set of changes within the organization's reach before the period ends that"
                    + " lifts it to the next tier (or to target), each candidate evaluated with the rule set in"
                    + " force; when no path exists, the reason.")
    @ApiResponse(responseCode = "200", description = "the path, or reachable = false with the reason")
    @ApiResponse(responseCode = "400", description = "invalid period, asOf or target", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown organization, no facts for the period, or outside the"
            + " representative's organizations", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "the search took longer than allowed", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/organizations/{code}/upgrade-path")
    UpgradePath upgradePath(@PathVariable String code,
            @Parameter(description = "考评期间，如 2026 或 2026-Q3 the period") @RequestParam String period,
            @Parameter(description = "截至日期，默认期末或今天 the as-of date, default the period end or today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "目标定级 WEAK/AVERAGE/GOOD/ADVANCED，默认高一档 the target tier, default the next")
            @RequestParam(required = false) String target) {
        scope.require(code);
        return service.find(code, runner.target(period, asOf), UpgradePathService.tier(target));
    }
}
