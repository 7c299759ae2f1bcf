package org.grassroots.assessment.server.pages.inspection;

import java.time.LocalDate;
import org.grassroots.assessment.server.pages.Charts;
import org.grassroots.assessment.server.planning.OrganizationMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organizations on a map (组织分布图, issue 16) for the inspection teams and the office: a scatter
 * of their coordinates (ECharts, no map tiles), coloured by latest published grade or by whether a
 * visit is due, with the counts as a table for those who do not see the chart.
 */
@Controller
class MapPage {

    private final OrganizationMap map;

    MapPage(OrganizationMap map) {
        this.map = map;
    }

    @GetMapping("/inspection/map")
    String map(@RequestParam(defaultValue = "TIER") OrganizationMap.Colouring colour,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
        OrganizationMap.OrgMap shown = map.of(colour, asOf);
        model.addAttribute("map", shown);
        model.addAttribute("chart", Charts.organizations(shown));
        return "inspection/map";
    }
}
