package org.grassroots.assessment.server.pages.office;

import java.time.LocalDate;
import org.grassroots.assessment.server.evaluation.EvaluationDiscarder;
import org.grassroots.assessment.server.evaluation.EvaluationPublisher;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.FactBasis;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The evaluation office's home: the stored evaluations, running one, publishing one, exports. */
@Controller
class EvaluationPages {

    private final EvaluationRepository evaluations;
    private final EvaluationRunner runner;
    private final EvaluationPublisher publisher;
    private final Periods periods;
    private final EvaluationDiscarder discarder;

    EvaluationPages(EvaluationRepository evaluations, EvaluationRunner runner, EvaluationPublisher publisher,
            Periods periods, EvaluationDiscarder discarder) {
        this.discarder = discarder;
        this.evaluations = evaluations;
        this.runner = runner;
        this.publisher = publisher;
        this.periods = periods;
    }

    @GetMapping("/office")
    String home(Model model) {
        var stored = evaluations.list(null);
        model.addAttribute("evaluations", stored);
        // a period has at most one published evaluation: the others of that period are not offered for publishing
        model.addAttribute("publishedOf", stored.stream().filter(EvaluationSummary::published)
                .collect(java.util.stream.Collectors.toMap(EvaluationSummary::period, EvaluationSummary::id)));
        if (!model.containsAttribute("period")) {
            model.addAttribute("period", periods.orDefault(null));
        }
        return "office/home";
    }

    /** Runs and stores an evaluation (the form shows its progress while it runs). */
    @PostMapping("/office/evaluations")
    String run(@RequestParam(defaultValue = "") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "APPROVED") String facts, Model model, RedirectAttributes redirect) {
        long id;
        FactBasis basis = FactBasis.parse(facts);
        if (basis == null) {
            throw new InvalidRequestException("/facts", "facts must be APPROVED or LATEST, got " + facts);
        }
        try {
            id = runner.run(runner.target(period.strip(), asOf), basis);
        } catch (InvalidRequestException e) {
            model.addAttribute("period", period);
            model.addAttribute("runError", e.getMessage());
            return home(model);
        }
        redirect.addFlashAttribute("notice", basis == FactBasis.APPROVED ? "评估已完成（编号 " + id + "，" + basis.label()
                + "），请核对后发布" : "试算已完成（编号 " + id + "，" + basis.label() + "）：整改台账未更新，不能发布");
        return "redirect:/office";
    }

    @PostMapping("/office/evaluations/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        var published = publisher.publish(id);
        redirect.addFlashAttribute("notice", published.period() + " 期间的评估（编号 " + id + "）已发布");
        return "redirect:/office";
    }

    /** Discards an unpublished evaluation (with confirmation on the page); a published one is a 409 page. */
    @PostMapping("/office/evaluations/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        var discarded = discarder.discard(id);
        redirect.addFlashAttribute("notice", discarded.period() + " 期间的评估（编号 " + id + "）已删除");
        return "redirect:/office";
    }
}
