package org.grassroots.assessment.server.pages.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring.RuleError;
import org.grassroots.assessment.server.ruleset.RuleSetApprovals;
import org.grassroots.assessment.server.ruleset.RulesInForce;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule maintainers' pages: the active version and the history (activate, roll back); a draft
 * uploaded as changed files over the active set, its compile errors shown against the file's lines;
 * a stored draft's scenario results, coverage and what-if table.
 */
@Controller
class RulePages {

    private static final String SCENARIOS = "scenarios/";

    private final RuleSetAuthoring rules;
    private final RulesInForce inForce;
    private final Periods periods;
    private final DraftSaving saving;
    private final RuleSetApprovals approvals;

    RulePages(RuleSetAuthoring rules, RulesInForce inForce, Periods periods, DraftSaving saving,
            RuleSetApprovals approvals) {
        this.approvals = approvals;
        this.rules = rules;
        this.inForce = inForce;
        this.periods = periods;
        this.saving = saving;
    }

    @GetMapping("/rules")
    String home(Model model) {
        RulesInForce.ActiveView active = inForce.active();
        List<RulesInForce.VersionView> versions = rules.list();
        model.addAttribute("active", active);
        model.addAttribute("versions", VersionRow.of(versions, active.id()));
        model.addAttribute("labelHint", DraftLabel.next(active.version()));
        return "rules/home";
    }

    /** The uploaded files replace or add to the active set's files; the result is validated, then stored. */
    @PostMapping("/rules/drafts")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "") String comment, @RequestParam(required = false) String version,
            Model model, RedirectAttributes redirect) {
        Map<String, String> uploaded = read(files);
        if (uploaded.isEmpty()) {
            model.addAttribute("uploadError", "请选择要上传的规则文件（.drl、ruleset.properties 或场景文件）");
            return home(model);
        }
        Map<String, String> merged = new TreeMap<>(activeFiles());
        merged.putAll(uploaded);
        try {
            DraftSaving.Outcome outcome = saving.save(merged, version, comment.isBlank() ? null : comment.strip());
            if (outcome.draft() == null) {
                List<RuleError> errors = outcome.errors();
                List<UploadedFile> shown = uploaded.entrySet().stream()
                        .map(e -> UploadedFile.of(e.getKey(), e.getValue(), errors)).toList();
                List<RuleError> others = errors.stream().filter(e -> !uploaded.containsKey(e.file())).toList();
                model.addAttribute("uploadError", DraftSaving.compileFailed(errors));
                model.addAttribute("shown", shown);
                for (int i = 0; i < shown.size(); i++) {
                    if (shown.get(i).firstErrorLine() > 0) {
                        model.addAttribute("firstErrorAnchor", "first-error-" + i);
                        break;
                    }
                }
                model.addAttribute("otherErrors", others);
                return home(model);
            }
            redirect.addFlashAttribute("notice", DraftSaving.saved(outcome.draft()));
            return "redirect:/rules/drafts/" + outcome.draft().id();
        } catch (InvalidRequestException e) {
            model.addAttribute("uploadError", "上传未通过校验：" + DraftSaving.describe(e));
            return home(model);
        } catch (ExecutionStoppedException e) {
            model.addAttribute("uploadError", "测试场景运行被停止，草稿未保存：" + e.getMessage());
            return home(model);
        }
    }

    /**
     * A version's scenarios and what-if table for the period chosen on the page (filtered to the rows
     * whose tier, rank or composite changed when asked). Activation is offered only when every scenario
     * passes and a second person approved the draft (four-eyes); the server refuses it otherwise anyway.
     */
    @GetMapping("/rules/drafts/{id}")
    String draft(@PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "all") String show, Model model) {
        model.addAttribute("version", rules.detail(id).version());
        model.addAttribute("test", rules.testVersion(id));
        List<RuleSetApprovals.Approval> recorded = approvals.approvals(id);
        model.addAttribute("approvals", recorded);
        model.addAttribute("approved", recorded.stream().anyMatch(RuleSetApprovals.Approval::valid));
        String chosen = periods.orDefault(period);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.known());
        try {
            model.addAttribute("whatIf", WhatIfView.of(rules.whatIf(id, chosen, null), show));
        } catch (InvalidRequestException e) {
            model.addAttribute("whatIfError", "无法模拟期间 " + chosen + "：" + DraftSaving.describe(e));
        }
        return "rules/draft";
    }

    /** Activates a version: a draft, or an earlier one (roll back). Refused when it fails its scenarios. */
    @PostMapping("/rules/versions/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            RulesInForce.VersionView v = inForce.activate(id);
            redirect.addFlashAttribute("notice", "规则集 " + v.version() + "（版本 #" + id + "）已启用");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("activateError", "版本 #" + id + " 未启用：" + DraftSaving.describe(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("activateError", "版本 #" + id + " 未启用：" + e.getMessage());
        } catch (ExecutionStoppedException e) {
            redirect.addFlashAttribute("activateError", "版本 #" + id + " 未启用：" + e.getMessage());
        }
        return "redirect:/rules";
    }

    private Map<String, String> activeFiles() {
        Long activeId = inForce.active().id();
        return activeId == null ? Map.of() : rules.detail(activeId).files();
    }

    private static Map<String, String> read(List<MultipartFile> files) {
        Map<String, String> read = new TreeMap<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                continue;
            }
            String name = f.getOriginalFilename() == null ? f.getName() : f.getOriginalFilename().replace('\\', '/');
            name = name.endsWith(".scenario") || name.endsWith(".json") && name.contains(SCENARIOS)
                    ? SCENARIOS + name.substring(name.lastIndexOf('/') + 1)
                    : name.substring(name.lastIndexOf('/') + 1);
            try {
                read.put(name, new String(f.getBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }
}
