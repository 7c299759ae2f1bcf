package org.grassroots.assessment.server.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.server.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspection plans over HTTP: {@code /api/inspection-plans}. Every request of someone who is not an
 * inspector is answered 404, as for a plan that does not exist: the schedule's existence is secret too.
 */
@RestController
class InspectionPlanController {

    private static final String PROBLEM = "application/problem+json";

    /** A planned visit's new team and day. */
    record Assignment(String team, LocalDate plannedOn) {
    }

    private final InspectionPlanning planning;

    InspectionPlanController(InspectionPlanning planning) {
        this.planning = planning;
    }

    @Operation(summary = "督查计划列表 The inspection plans the user may see",
            description = "督查组长：全部计划；其他督查组成员：含本组检查的计划（仅计本组的检查）。其他角色：404。"
                    + " A lead sees every plan; another inspector the plans with visits of his team (counted alone)."
                    + " Anyone else: 404.")
    @ApiResponse(responseCode = "200", description = "the plans, newest first")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "not an inspector", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/inspection-plans")
    List<PlanViews.Summary> list(@AuthenticationPrincipal SignedInUser user) {
        return planning.list(user);
    }

    @Operation(summary = "制定督查计划 Propose an inspection plan (lead)",
            description = "按截至结束日期的应检查清单（PL 规则）为组织及其下级提出计划：每个组织一项（任一规则要求暗访即暗访），"
                    + "派给负担最轻且无回避（组员所属乡镇）的督查组，在起止日期内按紧急程度均匀排期。"
                    + " Proposes a plan from the due list as of the last day: one visit per organization (covert if any"
                    + " rule asks), each to the least loaded team none of whose members belongs to its township, spread"
                    + " over the range by urgency. A draft until confirmed.")
    @ApiResponse(responseCode = "201", description = "the proposed plan (draft)")
    @ApiResponse(responseCode = "400", description = "a problem with the name, organization or dates, at its JSON Pointer",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "an inspector who is not a lead", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "not an inspector", content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/inspection-plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanViews.Plan create(@RequestBody InspectionPlanning.NewPlan request, @AuthenticationPrincipal SignedInUser user) {
        return planning.create(request, user);
    }

    @Operation(summary = "督查计划 One inspection plan",
            description = "计划及其检查：规则、到期日、理由、是否暗访、督查组、计划日期、完成情况（已完成/待检查/已过计划日期/未完成，"
                    + "已完成的附检查记录）。查阅记入审计日志（不含日期）。"
                    + " The plan and the visits the user may see, each with its state and the visit recorded against"
                    + " it. The reading is recorded in the audit trail (no date in it).")
    @ApiResponse(responseCode = "200", description = "the plan")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such plan, or none the user may see", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/inspection-plans/{id}")
    PlanViews.Plan get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return planning.get(id, user);
    }

    @Operation(summary = "调整计划中的一项检查 Set a planned visit's team and day (lead)",
            description = "回避：不能派往组员所属乡镇（街道）的组织；日期须在计划起止日期内。"
                    + " Refused (400) for a team with a member of the organization's township, or a day outside the plan.")
    @ApiResponse(responseCode = "200", description = "the plan after the change")
    @ApiResponse(responseCode = "400", description = "the team or day refused, at its JSON Pointer", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "an inspector who is not a lead", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such plan or visit", content = @Content(mediaType = PROBLEM))
    @PutMapping("/api/inspection-plans/{id}/visits/{visitId}")
    PlanViews.Plan assign(@PathVariable long id, @PathVariable long visitId, @RequestBody Assignment assignment,
            @AuthenticationPrincipal SignedInUser user) {
        return planning.assign(id, visitId, assignment.team(), assignment.plannedOn(), user);
    }

    @Operation(summary = "确认督查计划 Confirm a plan (lead)",
            description = "每项检查都已派组才能确认；确认后仍可调整。 Every visit must have a team; it can still be adjusted after.")
    @ApiResponse(responseCode = "200", description = "the confirmed plan")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "an inspector who is not a lead", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such plan", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "a visit has no team yet", content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/inspection-plans/{id}/confirm")
    PlanViews.Plan confirm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return planning.confirm(id, user);
    }
}
