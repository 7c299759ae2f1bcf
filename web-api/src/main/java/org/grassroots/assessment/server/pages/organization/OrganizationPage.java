package org.grassroots.assessment.server.pages.organization;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.evaluation.CurrentResult;
import org.grassroots.assessment.server.evaluation.CurrentResultService;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.pages.Charts;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.rectification.EvidenceFiles;
import org.grassroots.assessment.server.rectification.RectificationLifecycle;
import org.grassroots.assessment.server.rectification.RectificationFilter;
import org.grassroots.assessment.server.rectification.RectificationQuery;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One organization's page: its result evaluated now (forces as a chart, explanation lines grouped
 * by force, triggers, titles), its history over the stored periods and its rectification items;
 * its representative submits a rectification with evidence here. Scoped like the API: an
 * organization the user may not see is a 404.
 */
@Controller
class OrganizationPage {

    private static final int MAX_TEXT = 2000;
    private static final int MAX_EVIDENCE = 20;
    private static final int CLOSED_SHOWN = 50;

    private final CurrentResultService results;
    private final EvaluationRunner runner;
    private final AccessScope scope;
    private final Periods periods;
    private final OrganizationHistory history;
    private final RectificationQuery items;
    private final RectificationLifecycle lifecycle;
    private final Actor actor;
    private final EvidenceFiles evidenceFiles;

    OrganizationPage(CurrentResultService results, EvaluationRunner runner, AccessScope scope, Periods periods,
            OrganizationHistory history, RectificationQuery items, RectificationLifecycle lifecycle, Actor actor,
            EvidenceFiles evidenceFiles) {
        this.evidenceFiles = evidenceFiles;
        this.results = results;
        this.runner = runner;
        this.scope = scope;
        this.periods = periods;
        this.history = history;
        this.items = items;
        this.lifecycle = lifecycle;
        this.actor = actor;
    }

    @GetMapping("/org/{code}")
    String page(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        scope.require(code);
        CurrentResult current = results.evaluate(code, runner.target(periods.orDefault(period), null));
        OrganizationResult r = current.result();
        model.addAttribute("current", current);
        // a representative whose organization has organizations below it reviews their self-reports
        var visible = scope.current();
        model.addAttribute("reviewsOthers", !visible.unrestricted() && visible.codes().size() > 1);
        model.addAttribute("r", r);
        model.addAttribute("byForce", byForce(r.explanation()));
        model.addAttribute("forcesChart", Charts.scores("三力得分", List.of("凝聚力", "魅力", "战斗力"),
                List.of(r.cohesion(), r.charisma(), r.combat())));
        List<OrganizationHistory.Line> lines = history.of(code);
        model.addAttribute("history", lines);
        model.addAttribute("published", OrganizationHistory.publishedIn(lines, current.period()));
        model.addAttribute("periods", periods.known());
        model.addAttribute("canSubmit", scope.organizationRepresentative());
        addItemHistories(code, current, model);
        return "organization/page";
    }

    /**
     * The representative submits an item with its evidence: files uploaded (photos, PDF; checked and
     * stored, see {@link EvidenceFiles}) and file names or links typed one per line, and a note.
     */
    @PostMapping("/org/{code}/rectifications/{id}/submit")
    String submit(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String evidence,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        scope.require(code);
        if (!items.get(id, null).orgCode().equals(code) || !scope.current().sees(code)) {
            throw new NotFoundException("整改项不存在：" + id);
        }
        List<String> lines = evidence.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<EvidenceFiles.Checked> accepted = new ArrayList<>();
        List<String> fileProblems = EvidenceFiles.check(files == null ? List.of() : files, accepted);
        int count = lines.size() + accepted.size();
        String problem = !fileProblems.isEmpty() ? String.join("；", fileProblems)
                : count == 0 ? "请上传或填写至少一项整改证明材料"
                : count > MAX_EVIDENCE ? "证明材料最多 " + MAX_EVIDENCE + " 项"
                : lines.stream().anyMatch(l -> l.length() > MAX_TEXT) || note.length() > MAX_TEXT
                        ? "每项内容不超过 " + MAX_TEXT + " 字" : null;
        if (problem != null) {
            model.addAttribute("submitItem", id);
            model.addAttribute("submitError", problem);
            model.addAttribute("evidenceText", evidence);
            model.addAttribute("noteText", note);
            return page(code, null, model);
        }
        List<String> stored = evidenceFiles.store(id, accepted);
        List<String> all = new ArrayList<>(stored);
        all.addAll(lines);
        try {
            lifecycle.submit(id, all, note.isBlank() ? null : note.strip());
        } catch (RuntimeException e) {
            evidenceFiles.discard(id, stored);
            throw e;
        }
        redirect.addFlashAttribute("notice", "整改材料已提交，等待督查组核验");
        return "redirect:/org/" + code;
    }

    /**
     * The histories the page shows, from one read of the organization's ledger: each listed item's steps,
     * oldest first (submitted with its evidence, rejected with its reason, verified ...) with the reason
     * it was sent back while it is open again, and the verified items (the latest 50) with theirs. Staff
     * names are hidden from a representative as in the API.
     */
    private void addItemHistories(String code, CurrentResult current, Model model) {
        boolean representative = scope.organizationRepresentative();
        String me = actor.current();
        List<RectificationView> ledger = items.list(new RectificationFilter(code, false,
                Set.of(RectificationStatus.OPEN, RectificationStatus.SUBMITTED, RectificationStatus.VERIFIED), null, null,
                null, null, current.asOf(), 0, null)).items().stream()
                .map(v -> representative ? v.withActorsHiddenExcept(me) : v).toList();
        Map<Long, ItemHistory> listed = new HashMap<>();
        current.rectifications().forEach(item -> ledger.stream().filter(v -> v.id() == item.id()).findFirst()
                .ifPresent(v -> listed.put(item.id(), ItemHistory.of(v))));
        // items of earlier periods still open or awaiting verification stay on the page until they are closed
        Set<Long> thisPeriod = new java.util.HashSet<>();
        current.rectifications().forEach(item -> thisPeriod.add(item.id()));
        List<Object> open = new ArrayList<>(current.rectifications());
        Map<Long, String> earlier = new HashMap<>();
        ledger.stream().filter(v -> !thisPeriod.contains(v.id()))
                .filter(v -> v.status() == RectificationStatus.OPEN || v.status() == RectificationStatus.SUBMITTED)
                .forEach(v -> {
                    open.add(v);
                    earlier.put(v.id(), v.period());
                    listed.put(v.id(), ItemHistory.of(v));
                });
        model.addAttribute("openItems", open);
        model.addAttribute("earlierPeriod", earlier);
        model.addAttribute("itemHistory", listed);
        model.addAttribute("closedItems", ledger.stream().filter(v -> v.status() == RectificationStatus.VERIFIED)
                .limit(CLOSED_SHOWN).map(v -> new ClosedItem(v, ItemHistory.of(v))).toList());
    }

    /** A verified item and its history. */
    public record ClosedItem(RectificationView item, ItemHistory history) {
    }

    static Map<Dimension, List<ExplanationLine>> byForce(List<ExplanationLine> lines) {
        Map<Dimension, List<ExplanationLine>> grouped = new EnumMap<>(Dimension.class);
        for (ExplanationLine line : lines) {
            grouped.computeIfAbsent(line.dimension(), d -> new ArrayList<>()).add(line);
        }
        return grouped;
    }
}
