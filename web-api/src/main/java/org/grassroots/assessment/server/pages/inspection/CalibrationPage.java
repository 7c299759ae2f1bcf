package org.grassroots.assessment.server.pages.inspection;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.server.evaluation.InspectorCalibration;
import org.grassroots.assessment.server.pages.Charts;
import org.grassroots.assessment.server.planning.Calibrations;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Inspector calibration (督查校准, issue 18) for the inspection lead and the office: per team and per
 * inspector the figures of the visits recorded in a range, the outliers the IC rules flag with their
 * test, a chart of the teams' mean deductions and one of their severity mix. 403 for anyone else.
 */
@Controller
class CalibrationPage {

    private final Calibrations calibrations;

    CalibrationPage(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    @GetMapping("/inspection/calibration")
    String calibration(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        InspectorCalibration.Answer answer;
        try {
            answer = calibrations.of(from, to, user);
        } catch (InvalidRequestException e) {
            model.addAttribute("rangeError", e.getMessage());
            answer = calibrations.of(null, null, user);
        }
        List<InspectorCalibration.Figures> teams = answer.teams();
        List<String> names = teams.stream().map(InspectorCalibration.Figures::name).toList();
        model.addAttribute("answer", answer);
        model.addAttribute("meanChart", Charts.deductions("各督查组平均每次检查扣分（红色为偏离）", names,
                teams.stream().map(InspectorCalibration.Figures::meanDeduction).toList(),
                teams.stream().map(InspectorCalibration.Figures::outlier).toList()));
        java.util.Map<String, List<Integer>> mix = new java.util.LinkedHashMap<>();
        mix.put("一般", teams.stream().map(t -> t.severityMix().minor()).toList());
        mix.put("较重", teams.stream().map(t -> t.severityMix().major()).toList());
        mix.put("严重", teams.stream().map(t -> t.severityMix().critical()).toList());
        model.addAttribute("mixChart", Charts.stacked("各督查组发现问题的严重程度构成", names, mix));
        return "inspection/calibration";
    }
}
