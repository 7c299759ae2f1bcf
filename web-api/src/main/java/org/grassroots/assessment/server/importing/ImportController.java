package org.grassroots.assessment.server.importing;

import java.io.IOException;
import java.io.InputStream;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/import}: a bundle as the JSON body (streamed, never held as one string), or as
 * the file field {@code file} of a multipart form (the upload page).
 */
@RestController
class ImportController {

    private final BundleImportService service;
    private final Actor actor;

    ImportController(BundleImportService service, Actor actor) {
        this.service = service;
        this.actor = actor;
    }

    @PostMapping("/api/import")
    ImportCounts importBody(InputStream body) throws BundleValidationException {
        return service.importBundle(body, actor.current());
    }

    @PostMapping(path = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportCounts importFile(@RequestParam("file") MultipartFile file) throws BundleValidationException, IOException {
        try (InputStream in = file.getInputStream()) {
            return service.importBundle(in, actor.current());
        }
    }
}
