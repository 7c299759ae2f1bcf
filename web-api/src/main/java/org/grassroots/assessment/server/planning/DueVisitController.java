package org.grassroots.assessment.server.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The due list over HTTP: {@code GET /api/inspections/due}. */
@RestController
class DueVisitController {

    private final DueVisits dueVisits;

    DueVisitController(DueVisits dueVisits) {
        this.dueVisits = dueVisits;
    }

    @Operation(summary = "应检查的组织 Organizations due an inspection visit",
            description = "按规则集的督查计划规则（PL-01 软弱涣散党组织每 60 天暗访、PL-02 定期检查、PL-03 整改销号后暗访复查），"
                    + "列出截至某日应检查的组织：规则编号、到期日、逾期天数、是否须暗访、中文理由；最紧急的在前。"
                    + " The organizations due a visit as of a day by the rule set's PL rules, each with its rule id,"
                    + " due day, days overdue, whether it must be covert and the reason; most urgent first."
                    + " The numbers live in the rules (96-planning.drl).")
    @ApiResponse(responseCode = "200", description = "the due list")
    @ApiResponse(responseCode = "400", description = "asOf outside the supported years",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "not an inspector, the office or an administrator",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "unknown organization", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/inspections/due")
    DueVisits.DueList due(
            @Parameter(description = "截至日期，默认今天 the day, default today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "组织编码（可选） an organization (optional)") @RequestParam(required = false) String orgCode,
            @Parameter(description = "含下级组织（默认是） with its subordinates (default true)")
            @RequestParam(defaultValue = "true") boolean subtree) {
        return dueVisits.of(asOf, orgCode, subtree);
    }
}
