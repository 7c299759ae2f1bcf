package org.grassroots.assessment.server.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The inspection teams over HTTP: {@code /api/inspectors} (administrators set them; inspectors read them). */
@RestController
class InspectorController {

    private static final String PROBLEM = "application/problem+json";

    private final InspectorTeams teams;
    private final Actor actor;

    InspectorController(InspectorTeams teams, Actor actor) {
        this.teams = teams;
        this.actor = actor;
    }

    @Operation(summary = "督查组成员 The inspectors and their teams",
            description = "每个督查组成员的督查组、所属组织（回避）与是否组长。 Every inspector's team, home organization and lead flag.")
    @ApiResponse(responseCode = "200", description = "the inspectors")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not an administrator or an inspector", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/inspectors")
    List<InspectorTeams.Inspector> all() {
        return teams.all();
    }

    @Operation(summary = "编入督查组 Place an inspector in a team (administrators)",
            description = "设置督查组、所属组织（其所在乡镇即回避范围）与组长标志。"
                    + " Sets the team, the home organization (its township is kept away from) and the lead flag.")
    @ApiResponse(responseCode = "200", description = "the inspector as placed")
    @ApiResponse(responseCode = "400", description = "no team, an unknown organization, or a user who is no inspector",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not an administrator", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such user", content = @Content(mediaType = PROBLEM))
    @PutMapping("/api/inspectors/{username}")
    InspectorTeams.Inspector place(@PathVariable String username, @RequestBody InspectorTeams.Placement placement) {
        return teams.place(username, placement, actor.current());
    }
}
