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

    EvidencePages(AccessScope scope, RectificationQuery items, EvidenceFiles files) {
        this.scope = scope;
        this.items = items;
        this.files = files;
    }

    @GetMapping("/org/{code}/rectifications/{id}/evidence/{name}")
    ResponseEntity<Resource> evidence(@PathVariable String code, @PathVariable long id, @PathVariable String name) {
        scope.require(code);
        RectificationView item = items.get(id, null);
        boolean named = item.steps().stream().anyMatch(s -> s.evidence().contains(name));
        if (!item.orgCode().equals(code) || !named) {
            throw new NotFoundException("证明材料不存在：" + name);
        }
        EvidenceFiles.Stored stored = files.find(id, name)
                .orElseThrow(() -> new NotFoundException("证明材料不存在：" + name));
        return ResponseEntity.ok()
                .contentType(stored.type().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(stored.shownName(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(stored.path()));
    }
}
