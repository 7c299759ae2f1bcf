package org.grassroots.assessment.server.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import org.grassroots.assessment.server.evaluation.InspectorCalibration;
import org.grassroots.assessment.server.security.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inspector calibration over HTTP: {@code GET /api/inspections/calibration}. */
@RestController
class CalibrationController {

    private static final String PROBLEM = "application/problem+json";

    private final Calibrations calibrations;

    CalibrationController(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    @Operation(summary = "督查校准 Inspector calibration",
            description = "按现行规则集（CAL 规则，98-calibration.drl）比较各督查组、各督查员在期间内已记录的检查："
                    + "检查次数、平均每次扣分（C-DEDUCTION 计价）、问题严重程度构成、暗访与明察平均扣分之差、"
                    + "与其他督查组在同一组织的扣分之差、被撤销问题的比例；列出偏离者及所用检验和数字。不含督查计划。"
                    + " Per team and per inspector over the visits recorded in the range: visits, mean deduction per"
                    + " visit, severity mix, covert minus open, the gap to other teams on the same organizations and"
                    + " the share of findings withdrawn; the outliers the rules in force flag, with the test and its"
                    + " numbers. Planned visits are never shown.")
    @ApiResponse(responseCode = "200", description = "the calibration")
    @ApiResponse(responseCode = "400", description = "a date outside the supported years, or from after to",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not the office, an administrator or the inspection lead",
            content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/inspections/calibration")
    InspectorCalibration.Answer calibration(
            @Parameter(description = "开始日期，默认结束日期所在年的 1 月 1 日 first day, default 1 January")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "结束日期，默认今天 last day, default today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal SignedInUser user) {
        return calibrations.of(from, to, user);
    }
}
