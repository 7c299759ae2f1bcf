package org.grassroots.assessment.server.pages.rules;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring.RuleError;
import org.grassroots.assessment.server.ruleset.RulesInForce;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule editor in the browser: one file of a stored version in a text area (CodeMirror from its
 * webjar highlights it when scripts run; without them it is a plain text area), saved as a new draft
 * over that version's other files. A draft that does not compile is not stored: the editor comes back
 * with the text as typed and every error against its line.
 */
@Controller
class RuleEditorPages {

    private final RuleSetAuthoring rules;
    private final RulesInForce inForce;
    private final DraftSaving saving;

    RuleEditorPages(RuleSetAuthoring rules, RulesInForce inForce, DraftSaving saving) {
        this.rules = rules;
        this.inForce = inForce;
        this.saving = saving;
    }

    @GetMapping("/rules/editor")
    String editor(@RequestParam(required = false) Long base, @RequestParam(required = false) String file, Model model) {
        long baseId = base != null ? base : activeId();
        SortedMap<String, String> files = rules.detail(baseId).files();
        String shown = file != null ? file
                : files.keySet().stream().filter(n -> n.endsWith(".drl")).findFirst().orElse(files.firstKey());
        if (!files.containsKey(shown)) {
            throw new NotFoundException("版本 #" + baseId + " 中没有文件 " + shown);
        }
        return show(model, baseId, files, shown, files.get(shown), "", "", null);
    }

    @PostMapping("/rules/editor")
    String save(@RequestParam long base, @RequestParam String file, @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String version,
            Model model, RedirectAttributes redirect) {
        SortedMap<String, String> files = rules.detail(base).files();
        if (!files.containsKey(file)) {
            throw new NotFoundException("版本 #" + base + " 中没有文件 " + file);
        }
        String text = content.replace("\r\n", "\n");
        Map<String, String> merged = new TreeMap<>(files);
        merged.put(file, text);
        try {
            DraftSaving.Outcome outcome = saving.save(merged, version,
                    comment.isBlank() ? "在浏览器中编辑 " + file : comment.strip());
            if (outcome.draft() == null) {
                model.addAttribute("editError", DraftSaving.compileFailed(outcome.errors()));
                return show(model, base, files, file, text, comment, version, outcome.errors());
            }
            redirect.addFlashAttribute("notice", DraftSaving.saved(outcome.draft()));
            return "redirect:/rules/drafts/" + outcome.draft().id();
        } catch (InvalidRequestException e) {
            model.addAttribute("editError", "草稿未保存：" + DraftSaving.describe(e));
            return show(model, base, files, file, text, comment, version, null);
        } catch (ExecutionStoppedException e) {
            model.addAttribute("editError", "测试场景运行被停止，草稿未保存：" + e.getMessage());
            return show(model, base, files, file, text, comment, version, null);
        }
    }

    private String show(Model model, long base, SortedMap<String, String> files, String file, String content,
            String comment, String version, List<RuleError> errors) {
        model.addAttribute("base", rules.detail(base).version());
        model.addAttribute("fileNames", files.keySet());
        model.addAttribute("file", file);
        model.addAttribute("content", content);
        model.addAttribute("comment", comment);
        model.addAttribute("label", version);
        model.addAttribute("labelHint", DraftLabel.next(inForce.active().version()));
        if (errors != null) {
            UploadedFile checked = UploadedFile.of(file, content, errors);
            model.addAttribute("errorLines", checked.lines().stream().filter(l -> !l.errors().isEmpty()).toList());
            model.addAttribute("elsewhere", errors.stream().filter(e -> !file.equals(e.file())
                    || e.line() < 1 || e.line() > checked.lines().size()).toList());
        }
        return "rules/editor";
    }

    private long activeId() {
        Long id = inForce.active().id();
        if (id == null) {
            throw new NotFoundException("没有已保存的启用规则集");
        }
        return id;
    }
}
