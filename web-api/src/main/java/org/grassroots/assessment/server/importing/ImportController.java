package org.grassroots.assessment.server.importing;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.server.importing.xlsx.WorkbookUploads;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/import}: a bundle as the JSON body (streamed, never held as one string), or as
 * the file field {@code file} of a multipart form (the upload page) — a JSON bundle, or an .xlsx
 * workbook of the import template ({@link WorkbookUploads}), told apart by the file's first bytes.
 */
@RestController
class ImportController {

    private final BundleImportService service;
    private final WorkbookUploads workbooks;
    private final Actor actor;

    ImportController(BundleImportService service, WorkbookUploads workbooks, Actor actor) {
        this.service = service;
        this.workbooks = workbooks;
        this.actor = actor;
    }

    @PostMapping("/api/import")
    ImportCounts importBody(InputStream body) throws BundleValidationException {
        return service.importBundle(body, actor.current());
    }

    /**
     * @param annotated for a workbook with problems: answer with the workbook itself, each bad cell
     *                  red with its problem as comment (400, as an .xlsx)
     */
    @PostMapping(path = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@RequestParam("file") MultipartFile file,
                                 @RequestParam(name = "annotated", defaultValue = "false") boolean annotated)
            throws BundleValidationException, IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(file.getInputStream())) {
            FileMagic magic = FileMagic.valueOf(in);
            if (WorkbookUploads.isWorkbook(magic)) {
                return workbooks.upload(in, magic, file.getOriginalFilename(), annotated, actor.current());
            }
            return ResponseEntity.ok(service.importBundle(in, actor.current()));
        }
    }
}
