package org.grassroots.assessment.server.pages.inspection;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.server.evaluation.CurrentResultService;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.pages.organization.OrganizationSearch;
import org.grassroots.assessment.server.rectification.RectificationFilter;
import org.grassroots.assessment.server.rectification.RectificationLifecycle;
import org.grassroots.assessment.server.rectification.RectificationQuery;
import org.grassroots.assessment.server.visit.RuleCatalogs;
import org.grassroots.assessment.server.visit.VisitDoubts;
import org.grassroots.assessment.server.visit.VisitPhoto;
import org.grassroots.assessment.server.visit.VisitPhotoRepository;
import org.grassroots.assessment.server.visit.VisitService;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inspection team's pages (phone first): find an organization, record a visit with its
 * findings through the visit service, see the visit's score and the organization's result at
 * once; and the rectifications awaiting verification, verified or rejected.
 */
@Controller
class InspectionPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PHOTO = "photo_";

    private final OrganizationService organizations;
    private final RuleCatalogs catalogs;
    private final VisitService visits;
    private final CurrentResultService results;
    private final EvaluationRunner runner;
    private final Periods periods;
    private final RectificationQuery ledger;
    private final RectificationLifecycle lifecycle;
    private final Actor actor;
    private final Clock clock;
    private final OrganizationSearch search;
    private final VisitPhotos photos;
    private final VisitPhotoRepository photoRecords;
    private final VisitDoubts doubts;

    InspectionPages(OrganizationSearch search, VisitPhotos photos, OrganizationService organizations, RuleCatalogs catalogs, VisitService visits,
            CurrentResultService results, EvaluationRunner runner, Periods periods, RectificationQuery ledger,
            RectificationLifecycle lifecycle, Actor actor, Clock clock, VisitPhotoRepository photoRecords,
            VisitDoubts doubts) {
        this.photoRecords = photoRecords;
        this.doubts = doubts;
        this.organizations = organizations;
        this.catalogs = catalogs;
        this.visits = visits;
        this.results = results;
        this.runner = runner;
        this.periods = periods;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.actor = actor;
        this.clock = clock;
        this.search = search;
        this.photos = photos;
    }

    /** The inspection home: pick an organization to visit; the verification queue, ordered as asked. */
    @GetMapping("/inspection")
    String home(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String order,
            Model model) {
        search.results(q, "visit", model);
        var submitted = ledger.list(new RectificationFilter(null, true, Set.of(RectificationStatus.SUBMITTED),
                null, null, null, null, null, 0, 200)).items();
        QueueItem.Order chosen = QueueItem.Order.parse(order);
        model.addAttribute("queue", QueueItem.of(submitted, organizations.names(
                submitted.stream().map(i -> i.orgCode()).distinct().toList()), chosen));
        model.addAttribute("order", chosen.name());
        model.addAttribute("orders", QueueItem.Order.values());
        return "inspection/home";
    }

    @GetMapping("/inspection/visits/new")
    String newVisit(@RequestParam String org, Model model) {
        VisitForm empty = new VisitForm(org, "COVERT", LocalDate.now(clock).toString(), "", "", Map.of());
        return form(empty, Map.of(), List.of(), model);
    }

    @PostMapping("/inspection/visits")
    String post(@RequestParam(defaultValue = "") String org, @RequestParam(required = false) String mode,
            @RequestParam(required = false) String date, @RequestParam(required = false) String team,
            @RequestParam(required = false) String inspectors, @RequestParam Map<String, String> params,
            @RequestParam Map<String, MultipartFile> files, Model model, RedirectAttributes redirect) throws Exception {
        VisitForm form = new VisitForm(org, mode, date, team, inspectors, params);
        organizations.get(org);
        List<ChecklistItem> catalog = catalogs.current().items();
        Map<String, String> errors = new LinkedHashMap<>(form.check(catalog, LocalDate.now(clock)));
        Map<String, MultipartFile> chosenPhotos = photos(form, catalog, files, errors);
        if (!errors.isEmpty()) {
            return form(form, errors, List.of(), model);
        }
        String visitId = "WEB-" + date.replace("-", "") + "-" + HexFormat.of().toHexDigits(
                ThreadLocalRandom.current().nextInt()).toUpperCase();
        Map<String, String> stored = photos.store(visitId, chosenPhotos);
        List<VisitPhoto> embedded = photos.metadata(visitId, stored);
        byte[] body = JSON.writeValueAsBytes(form.toJson(visitId, catalog, stored));
        try {
            // the visit and what its photos embed are stored in one transaction
            visits.post(new ByteArrayInputStream(body), actor.current(), embedded);
        } catch (BundleValidationException | RuntimeException e) {
            photos.discard(visitId);
            if (e instanceof BundleValidationException invalid) {
                return form(form, Map.of(), invalid.problems().stream().map(p -> p.path() + "：" + p.message()).toList(),
                        model);
            }
            throw e;
        }
        redirect.addFlashAttribute("saved", visitId);
        return "redirect:/inspection/visits/" + visitId;
    }

    /** The photos chosen for ticked items ({@code photo_C01}); an error for a photo of an unticked item or not an image. */
    private static Map<String, MultipartFile> photos(VisitForm form, List<ChecklistItem> catalog,
            Map<String, MultipartFile> files, Map<String, String> errors) {
        Set<String> ticked = new HashSet<>();
        form.chosen(catalog).forEach(c -> ticked.add(c.item()));
        Map<String, MultipartFile> chosen = new LinkedHashMap<>();
        files.forEach((field, file) -> {
            if (!field.startsWith(PHOTO) || file.isEmpty()) {
                return;
            }
            String item = field.substring(PHOTO.length());
            if (!ticked.contains(item)) {
                errors.put(field, "请先勾选该检查项，再上传照片");
            } else if (VisitPhotos.extension(file) == null) {
                errors.put(field, "只能上传照片（jpg、png、webp、gif、heic）");
            } else {
                chosen.put(item, file);
            }
        });
        return chosen;
    }

    @GetMapping("/inspection/visits/{visitId}/photos/{name}")
    ResponseEntity<Resource> photo(@PathVariable String visitId, @PathVariable String name) {
        visits.get(visitId);
        Path file = photos.find(visitId, name);
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }

    /** What the error summary at the top calls each field it links to ("C03 情况说明：…"). */
    private static Map<String, String> fieldNames(Map<String, String> errors) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String field : errors.keySet()) {
            int cut = field.indexOf('_');
            String item = cut < 0 ? "" : field.substring(cut + 1) + " ";
            names.put(field, switch (cut < 0 ? field : field.substring(0, cut)) {
                case "mode" -> "检查方式：";
                case "date" -> "检查日期：";
                case "team" -> "督查组：";
                case "inspectors" -> "检查人员：";
                case "note" -> item + "情况说明：";
                case "photo" -> item + "现场照片：";
                case "deduction" -> item + "扣分：";
                case "latitude" -> "检查位置：";
                default -> "";
            });
        }
        return names;
    }

    private String form(VisitForm form, Map<String, String> errors, List<String> problems, Model model) {
        model.addAttribute("org", organizations.get(form.org()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldNames", fieldNames(errors));
        model.addAttribute("problems", problems);
        model.addAttribute("catalog", catalogs.current().items());
        model.addAttribute("severities", Severity.values());
        return "inspection/visit-form";
    }

    @GetMapping("/inspection/visits/{visitId}")
    String visit(@PathVariable String visitId, Model model) {
        var stored = visits.get(visitId);
        var visit = stored.visit();
        model.addAttribute("findings", stored.findings());
        var current = results.evaluate(visit.orgCode(), runner.target(periods.orDefault(null), null));
        model.addAttribute("visit", visit);
        model.addAttribute("doubts", doubts.of(visit));
        model.addAttribute("photoMetadata", photoRecords.of(visitId).stream()
                .collect(Collectors.toMap(VisitPhoto::name, p -> p)));
        model.addAttribute("names", catalogs.current().items().stream()
                .collect(Collectors.toMap(ChecklistItem::item, ChecklistItem::name)));
        model.addAttribute("current", current);
        model.addAttribute("score", current.result().visits().stream()
                .filter(v -> v.visitId().equals(visitId)).findFirst().orElse(null));
        return "inspection/visit";
    }

    @PostMapping("/inspection/rectifications/{id}/verify")
    String verify(@PathVariable long id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        lifecycle.verify(id, note.isBlank() ? null : note.strip());
        redirect.addFlashAttribute("notice", "已核验销号");
        return "redirect:/inspection";
    }

    @PostMapping("/inspection/rectifications/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            model.addAttribute("rejectItem", id);
            model.addAttribute("rejectError", "退回需要写明原因");
            return home("", "", model);
        }
        lifecycle.reject(id, reason.strip());
        redirect.addFlashAttribute("notice", "已退回整改");
        return "redirect:/inspection";
    }
}
