package org.grassroots.assessment.server.pages.organization;

import java.time.Clock;
import java.time.LocalDate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.selfreport.ReportView;
import org.grassroots.assessment.server.selfreport.SelfReportProgress;
import org.grassroots.assessment.server.selfreport.SelfReporting;
import org.grassroots.assessment.server.selfreport.SelfReporting.Decision;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-reports on the organization's pages (issue 15): its representative fills and submits its
 * facts of a period ({@code /org/{code}/self-report}); the reviewing committee's representative,
 * or the office, approves or returns each submitted fact ({@code …/self-report/review}); a
 * committee's representative lists the reports it reviews ({@code /org/{code}/self-reports}).
 * Everyone who sees the organization may read its report; who may change it is decided by
 * {@link SelfReporting}.
 */
@Controller
class SelfReportPages {

    /** Form fields of the facts are named {@code fact.<field>}; decisions {@code decision.<field>} and {@code reason.<field>}. */
    private static final String FACT = "fact.";
    private static final String DECISION = "decision.";
    private static final String REASON = "reason.";
    private static final String EVIDENCE = "evidence.";

    private final SelfReporting reporting;
    private final SelfReportProgress progress;
    private final AccessScope scope;
    private final Clock clock;

    SelfReportPages(SelfReporting reporting, SelfReportProgress progress, AccessScope scope, Clock clock) {
        this.reporting = reporting;
        this.progress = progress;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/org/{code}/self-report")
    String form(@PathVariable String code, @RequestParam(required = false) String period,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        return show(reporting.view(code, periodOr(period)), user, model);
    }

    @PostMapping("/org/{code}/self-report")
    String save(@PathVariable String code, @RequestParam String period, @RequestParam(defaultValue = "save") String action,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        Map<String, List<MultipartFile>> uploads = new HashMap<>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getMultiFileMap().forEach((name, files) -> {
                if (name.startsWith(EVIDENCE)) {
                    uploads.put(name.substring(EVIDENCE.length()), files);
                }
            });
        }
        Map<String, String> typed = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(FACT) && !values.isEmpty()) {
                typed.put(name.substring(FACT.length()), values.get(0));
            }
        });
        boolean submit = action.equals("submit");
        ReportView view = reporting.save(user, code, period.strip(), typed, uploads, submit);
        if (view.hasErrors()) {
            return show(view, user, model);
        }
        redirect.addFlashAttribute("notice", submit ? "已提交，等待" + view.reviewer().name() + "审核" : "已保存（尚未提交）");
        return "redirect:/org/" + code + "/self-report?period=" + view.period();
    }

    @GetMapping("/org/{code}/self-report/review")
    String reviewForm(@PathVariable String code, @RequestParam(required = false) String period,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        ReportView view = reporting.view(code, periodOr(period));
        requireReviewer(user, view);
        model.addAttribute("view", view);
        return "organization/self-report-review";
    }

    @PostMapping("/org/{code}/self-report/review")
    String review(@PathVariable String code, @RequestParam String period,
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        Map<String, Decision> decisions = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(DECISION) && !values.isEmpty() && !values.get(0).isBlank()) {
                String field = name.substring(DECISION.length());
                String reason = params.getFirst(REASON + field);
                decisions.put(field, new Decision(values.get(0).equals("approve"), reason));
            }
        });
        if ("approve".equals(params.getFirst("all"))) {
            // 其余全部批准: every waiting fact without a decision of its own
            reporting.view(code, period.strip()).facts().stream().filter(f -> f.awaitingReview())
                    .forEach(f -> decisions.putIfAbsent(f.field(), new Decision(true, null)));
        }
        ReportView view = reporting.review(user, code, period.strip(), decisions);
        if (view.hasErrors()) {
            model.addAttribute("view", view);
            model.addAttribute("decisions", params);
            return "organization/self-report-review";
        }
        redirect.addFlashAttribute("notice", "审核已保存：" + view.organization().name() + " " + view.period() + " 自评现为“"
                + view.status().label() + "”");
        return "redirect:/org/" + code + "/self-report/review?period=" + view.period();
    }

    /** The reports a committee's representative reviews, with their status. */
    @GetMapping("/org/{code}/self-reports")
    String reviewed(@PathVariable String code, @RequestParam(required = false) String period,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        scope.require(code);
        if (user == null || !code.equals(user.orgCode())) {
            throw new AccessDeniedException("只有本组织的联络员可以审核下级组织的自评");
        }
        String p = periodOr(period);
        model.addAttribute("period", p);
        model.addAttribute("code", code);
        model.addAttribute("rows", progress.reviewedBy(p, code));
        model.addAttribute("deadline", reporting.deadline(p).orElse(null));
        return "organization/self-reports";
    }

    private String show(ReportView view, SignedInUser user, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("canFill", reporting.fills(user, view.organization().code()));
        model.addAttribute("canReview", SelfReporting.reviews(user, view.reviewer()));
        return "organization/self-report";
    }

    private static void requireReviewer(SignedInUser user, ReportView view) {
        if (!SelfReporting.reviews(user, view.reviewer())) {
            throw new AccessDeniedException("本组织的自评由" + view.reviewer().name() + "审核");
        }
    }

    /** The period asked for, else this year (the year being reported). */
    private String periodOr(String period) {
        return period == null || period.isBlank() ? Integer.toString(LocalDate.now(clock).getYear()) : period.strip();
    }
}
