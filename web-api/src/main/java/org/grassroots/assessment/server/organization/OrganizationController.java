package org.grassroots.assessment.server.organization;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.security.Visibility;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizations (the tree, search, one), their period facts and member records. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

    private static final int MAX_SEARCH_RESULTS = 1000;

    private final OrganizationService service;
    private final AccessScope scope;

    OrganizationController(OrganizationService service, AccessScope scope) {
        this.service = service;
        this.scope = scope;
    }

    /**
     * The whole tree (roots with nested {@code children}, each level by code); {@code flat=true}
     * lists every organization by code; {@code q} searches names and codes (for pickers).
     */
    @GetMapping
    List<?> list(@RequestParam(defaultValue = "false") boolean flat, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "50") int limit) {
        if (q != null && !q.isBlank()) {
            if (limit < 1 || limit > MAX_SEARCH_RESULTS) {
                throw new InvalidRequestException("/limit", "must be 1 … " + MAX_SEARCH_RESULTS);
            }
            Visibility visible = scope.current();
            return visible.filter(service.search(q.strip(), visible.unrestricted() ? limit : MAX_SEARCH_RESULTS),
                    Organization::code).stream().limit(limit).map(OrganizationView::of).toList();
        }
        List<Organization> all = scope.current().filter(service.all(), Organization::code);
        if (flat) {
            return all.stream().map(OrganizationView::of).toList();
        }
        return OrganizationNode.forest(all);
    }

    @GetMapping("/{code}")
    OrganizationView get(@PathVariable String code) {
        scope.require(code);
        return OrganizationView.of(service.get(code));
    }

    /** Creates (201) or replaces (200) one organization, validated like a bundle record. */
    @PutMapping("/{code}")
    ResponseEntity<OrganizationView> put(@PathVariable String code, InputStream body) throws BundleValidationException {
        Saved<Organization> saved = service.put(code, body);
        return created(saved.created(), "/api/organizations/" + code, OrganizationView.of(saved.value()));
    }

    @GetMapping("/{code}/facts")
    List<PeriodFacts> allFacts(@PathVariable String code) {
        scope.require(code);
        return service.allFacts(code);
    }

    @GetMapping("/{code}/facts/{period}")
    PeriodFacts facts(@PathVariable String code, @PathVariable String period) {
        scope.require(code);
        return service.facts(code, checkedPeriod("/period", period));
    }

    /** Creates (201) or replaces (200) the organization's facts of one period, validated like a bundle record. */
    @PutMapping("/{code}/facts/{period}")
    ResponseEntity<PeriodFacts> putFacts(@PathVariable String code, @PathVariable String period, InputStream body)
            throws BundleValidationException {
        Saved<PeriodFacts> saved = service.putFacts(code, checkedPeriod("/period", period), body);
        return created(saved.created(), "/api/organizations/" + code + "/facts/" + period, saved.value());
    }

    /** The organization's member records of a period (of every period when none is given), by period and memberId. */
    @GetMapping("/{code}/members")
    List<MemberRecord> members(@PathVariable String code, @RequestParam(required = false) String period) {
        scope.require(code);
        return service.members(code, period == null || period.isBlank() ? null : checkedPeriod("/period", period));
    }

    private static String checkedPeriod(String path, String period) {
        if (!Period.isValid(period)) {
            throw new InvalidRequestException(path, "must be a period YYYY or YYYY-Qn (n 1–4), got \"" + period + "\"");
        }
        return period;
    }

    private static <T> ResponseEntity<T> created(boolean created, String location, T body) {
        return created ? ResponseEntity.created(URI.create(location)).body(body) : ResponseEntity.ok(body);
    }
}
