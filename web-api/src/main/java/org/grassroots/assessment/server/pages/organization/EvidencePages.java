package org.grassroots.assessment.server.pages.organization;

import java.nio.charset.StandardCharsets;
import org.grassroots.assessment.server.rectification.EvidenceFiles;
import org.grassroots.assessment.server.rectification.RectificationQuery;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.grassroots.assessment.server.selfreport.SelfReporting;

/**
 * A rectification item's uploaded evidence, opened from its organization's page or the inspection
 * queue. Served only to those who may see the item (its organization's representatives and those
 * above it, and staff: the same scope as the item; anything else is a 404 like an unknown file),
 * only when one of the item's steps names the file, with the type of what the file is, inline, and
 * sandboxed (a PDF's scripts do not run with the application's origin).
 */
@Controller
class EvidencePages {

    private final AccessScope scope;
    private final RectificationQuery items;
    private final EvidenceFiles files;

    private final SelfReporting reporting;

    EvidencePages(AccessScope scope, RectificationQuery items, EvidenceFiles files, SelfReporting reporting) {
        this.reporting = reporting;
        this.scope = scope;
        this.items = items;
        this.files = files;
    }

    /** A self-reported fact's evidence file: to those who see the organization, when the fact names it. */
    @GetMapping("/org/{code}/self-report/evidence/{field}/{name}")
    ResponseEntity<Resource> selfReportEvidence(@PathVariable String code, @PathVariable String field,
            @PathVariable String name, @RequestParam String period) {
        return served(reporting.evidence(code, period, field, name)
                .orElseThrow(() -> new NotFoundException("证明材料不存在：" + name)));
    }

    @GetMapping("/org/{code}/rectifications/{id}/evidence/{name}")
    ResponseEntity<Resource> evidence(@PathVariable String code, @PathVariable long id, @PathVariable String name) {
        scope.require(code);
        RectificationView item = items.get(id, null);
        boolean named = item.steps().stream().anyMatch(s -> s.evidence().contains(name));
        if (!item.orgCode().equals(code) || !named) {
            throw new NotFoundException("证明材料不存在：" + name);
        }
        return served(files.find(id, name).orElseThrow(() -> new NotFoundException("证明材料不存在：" + name)));
    }

    private static ResponseEntity<Resource> served(EvidenceFiles.Stored stored) {
        return ResponseEntity.ok()
                .contentType(stored.type().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(stored.shownName(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(stored.path()));
    }
}
