package org.grassroots.assessment.server.visit;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inspection visits (明察暗访): post one, read them, withdraw a finding with a reason. */
@RestController
@RequestMapping("/api/visits")
class VisitController {

    private static final int MAX_REASON = 2000;
    private static final int MAX_LIMIT = 10_000;

    private final VisitService service;
    private final RuleCatalogs catalogs;
    private final Actor actor;
    private final VisitDoubts doubts;
    private final VisitPhotoRepository photos;

    VisitController(VisitService service, RuleCatalogs catalogs, Actor actor, VisitDoubts doubts,
            VisitPhotoRepository photos) {
        this.service = service;
        this.catalogs = catalogs;
        this.actor = actor;
        this.doubts = doubts;
        this.photos = photos;
    }

    /** 201 with the Location of a new visit, 200 when the identical visit is stored, 409 for another one with its id. */
    @PostMapping
    ResponseEntity<VisitView> post(InputStream body) throws BundleValidationException {
        VisitService.Posted posted = service.post(body, actor.current());
        VisitView view = view(posted.visit());
        return posted.created()
                ? ResponseEntity.created(URI.create("/api/visits/" + view.visitId())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{visitId}")
    VisitView get(@PathVariable String visitId) {
        return view(service.get(visitId));
    }

    /** Visits newest first, optionally of one organization and within dates (inclusive). */
    @GetMapping
    List<VisitSummary> list(@RequestParam(required = false) String orgCode,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("/limit", "must be 1 … " + MAX_LIMIT);
        }
        String org = orgCode == null || orgCode.isBlank() ? null : orgCode.strip();
        List<StoredVisit> found = service.list(org, from, to, limit);
        Map<String, List<String>> inDoubt = doubts.of(found.stream().map(StoredVisit::visit).toList());
        return found.stream().map(v -> VisitSummary.of(v, inDoubt.getOrDefault(v.visit().visitId(), List.of())))
                .toList();
    }

    /** Withdraws a finding with a reason; 409 when it is withdrawn already. */
    @PostMapping("/{visitId}/findings/{position}/withdraw")
    FindingView withdraw(@PathVariable String visitId, @PathVariable int position,
                         @RequestBody WithdrawRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidRequestException("/reason", "is required: say why the finding does not stand");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidRequestException("/reason", "must be at most " + MAX_REASON + " characters, got "
                    + reason.length());
        }
        StoredFinding finding = service.withdraw(visitId, position, reason, actor.current());
        return FindingView.of(finding, catalogs.current(), service.itemIds(visitId).get(position));
    }

    private VisitView view(StoredVisit visit) {
        return VisitView.of(visit, catalogs.current(), service.itemIds(visit.visit().visitId()),
                photos.of(visit.visit().visitId()), doubts.of(visit.visit()));
    }
}
