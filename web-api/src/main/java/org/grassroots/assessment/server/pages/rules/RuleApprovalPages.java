package org.grassroots.assessment.server.pages.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.ruleset.ImpactNotice;
import org.grassroots.assessment.server.ruleset.RuleSetApprovals;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.ruleset.RulesInForce;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Four-eyes activation for the office (四眼原则): the drafts waiting for approval, and a draft's impact
 * notice (the what-if of the chosen period against the set in force) with the approval form, which
 * sends the digest of the notice shown. The maintainers see the same pages without the form.
 */
@Controller
class RuleApprovalPages {

    private final RuleSetAuthoring rules;
    private final RulesInForce inForce;
    private final RuleSetApprovals approvals;
    private final Periods periods;

    RuleApprovalPages(RuleSetAuthoring rules, RulesInForce inForce, RuleSetApprovals approvals, Periods periods) {
        this.rules = rules;
        this.inForce = inForce;
        this.approvals = approvals;
        this.periods = periods;
    }

    /** A draft in the list: whether an approval valid over the set in force exists. */
    public record Pending(RulesInForce.VersionView version, boolean approved) {
    }

    @GetMapping("/rules/approvals")
    String list(Model model) {
        Set<Long> approved = approvals.approvedVersions();
        List<Pending> drafts = rules.list().stream().filter(v -> "DRAFT".equals(v.status()))
                .map(v -> new Pending(v, approved.contains(v.id())
                        && approvals.approvals(v.id()).stream().anyMatch(RuleSetApprovals.Approval::valid)))
                .toList();
        model.addAttribute("drafts", drafts);
        model.addAttribute("active", inForce.active());
        return "rules/approvals";
    }

    @GetMapping("/rules/approvals/{id}")
    String notice(@PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "all") String show, Model model) {
        model.addAttribute("version", rules.detail(id).version());
        String chosen = periods.orDefault(period);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.known());
        model.addAttribute("approvals", approvals.approvals(id));
        try {
            ImpactNotice notice = approvals.notice(id, chosen, asOf);
            model.addAttribute("notice", notice);
            if (notice.whatIf() != null) {
                model.addAttribute("whatIf", WhatIfView.of(notice.whatIf(), show));
            }
        } catch (InvalidRequestException e) {
            model.addAttribute("noticeError", "无法生成期间 " + chosen + " 的影响通知：" + DraftSaving.describe(e));
        } catch (ExecutionStoppedException e) {
            model.addAttribute("noticeError", "影响通知的模拟被停止：" + e.getMessage());
        }
        return "rules/approval";
    }

    @PostMapping("/rules/approvals/{id}")
    String approve(@PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String digest, @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        try {
            RuleSetApprovals.ApprovalRecord r = approvals.approve(id, period, asOf, digest, comment);
            redirect.addFlashAttribute("approved", "已批准规则集版本 #" + id + "（影响通知摘要 " + r.approval().digest()
                    + "）。规则维护员或管理员现在可以启用它。");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("approveError", e.getMessage());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("approveError", e.getBody().getDetail());
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("approveError", "未批准：" + DraftSaving.describe(e));
        }
        if (period != null) {
            redirect.addAttribute("period", period);
        }
        return "redirect:/rules/approvals/" + id;
    }
}
