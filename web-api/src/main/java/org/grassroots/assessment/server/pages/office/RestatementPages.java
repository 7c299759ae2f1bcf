package org.grassroots.assessment.server.pages.office;

import java.util.List;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.restatement.RestatementRecord;
import org.grassroots.assessment.server.restatement.Restatements;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.security.Visibility;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** History restated (按现行规则重算) for the office: restate an evaluation and read it beside the official one. */
@Controller
class RestatementPages {

    private final EvaluationRepository evaluations;
    private final Restatements restatements;
    private final RuleSetAuthoring rules;

    RestatementPages(EvaluationRepository evaluations, Restatements restatements, RuleSetAuthoring rules) {
        this.evaluations = evaluations;
        this.restatements = restatements;
        this.rules = rules;
    }

    /** The evaluation's restatements, the form to restate it, and one restatement (the latest by default) side by side. */
    @GetMapping("/office/evaluations/{id}/restatements")
    String page(@PathVariable long id, @RequestParam(required = false) Long restatement,
            @RequestParam(defaultValue = "true") boolean changedOnly, Model model) {
        model.addAttribute("evaluation", evaluations.summary(id));
        List<RestatementRecord> list = restatements.list(id);
        model.addAttribute("restatements", list);
        model.addAttribute("versions", rules.list());
        model.addAttribute("changedOnly", changedOnly);
        Long shown = restatement != null ? restatement : list.isEmpty() ? null : list.get(list.size() - 1).id();
        model.addAttribute("view", shown == null ? null : restatements.view(id, shown, Visibility.ALL, changedOnly));
        return "office/restatements";
    }

    @PostMapping("/office/evaluations/{id}/restate")
    String restate(@PathVariable long id, @RequestParam(defaultValue = "") String ruleVersion, RedirectAttributes redirect) {
        RestatementRecord r = restatements.restate(id, ruleVersion);
        redirect.addFlashAttribute("notice", "已按规则集版本 " + r.ruleSetVersion() + " 重算评估 #" + id + "（重算 #" + r.id() + "）");
        return "redirect:/office/evaluations/" + id + "/restatements?restatement=" + r.id();
    }
}
