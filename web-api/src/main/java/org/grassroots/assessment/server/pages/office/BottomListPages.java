package org.grassroots.assessment.server.pages.office;

import org.grassroots.assessment.server.bottom.BottomListService;
import org.grassroots.assessment.server.bottom.SensitivityService;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The office's page on an evaluation's reverse-ranked list (倒排说明): the list per type with its
 * cut-off, the borderline organizations and their largest losses, and the sensitivity view (started
 * here, its progress refreshed while it runs).
 */
@Controller
class BottomListPages {

    private final EvaluationRepository evaluations;
    private final BottomListService bottomList;
    private final SensitivityService sensitivity;

    BottomListPages(EvaluationRepository evaluations, BottomListService bottomList, SensitivityService sensitivity) {
        this.evaluations = evaluations;
        this.bottomList = bottomList;
        this.sensitivity = sensitivity;
    }

    @GetMapping("/office/evaluations/{id}/bottom-list")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("evaluation", evaluations.summary(id));
        model.addAttribute("list", bottomList.of(id));
        model.addAttribute("sensitivity", sensitivity.status(id));
        return "office/bottom-list";
    }

    /** The sensitivity section alone, which the page reloads while a run is in progress. */
    @GetMapping("/office/evaluations/{id}/sensitivity")
    String sensitivitySection(@PathVariable long id, Model model) {
        model.addAttribute("evaluation", evaluations.summary(id));
        model.addAttribute("sensitivity", sensitivity.status(id));
        return "office/bottom-list :: sensitivity";
    }

    @PostMapping("/office/evaluations/{id}/sensitivity")
    String start(@PathVariable long id) {
        sensitivity.start(id, null);
        return "redirect:/office/evaluations/" + id + "/bottom-list#sensitivity-h";
    }
}
