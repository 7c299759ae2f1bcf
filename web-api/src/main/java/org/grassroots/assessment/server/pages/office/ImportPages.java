package org.grassroots.assessment.server.pages.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.grassroots.assessment.server.importing.xlsx.WorkbookUploads;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The office imports the Excel workbook from a page (issue 15): the same import as
 * {@code POST /api/import} (all or nothing); the counts and warnings when it went in; when refused,
 * every problem at its cell at the top of the page and the workbook annotated (bad cells red with the
 * message as comment) to download without choosing the file again.
 */
@Controller
class ImportPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final WorkbookUploads uploads;
    private final AnnotatedWorkbooks annotated;
    private final Actor actor;

    ImportPages(WorkbookUploads uploads, AnnotatedWorkbooks annotated, Actor actor) {
        this.uploads = uploads;
        this.annotated = annotated;
        this.actor = actor;
    }

    @GetMapping("/office/import")
    String form() {
        return "office/import";
    }

    @PostMapping("/office/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "请选择要导入的 Excel 工作簿（.xlsx）");
            return "office/import";
        }
        String name = file.getOriginalFilename() == null ? "工作簿.xlsx" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try (InputStream in = FileMagic.prepareToCheckMagic(file.getInputStream())) {
            FileMagic magic = FileMagic.valueOf(in);
            if (!WorkbookUploads.isWorkbook(magic)) {
                model.addAttribute("fileError", "“" + name + "”不是 Excel 工作簿：请上传从本系统下载的模板填写后的 .xlsx 文件");
                return "office/import";
            }
            WorkbookUploads.Outcome outcome = uploads.receive(in, magic, name, true, actor.current());
            if (outcome instanceof WorkbookUploads.Imported imported) {
                model.addAttribute("imported", imported.result());
            } else {
                WorkbookUploads.Refused refused = (WorkbookUploads.Refused) outcome;
                model.addAttribute("refused", refused);
                if (refused.annotated() != null) {
                    model.addAttribute("annotatedId",
                            annotated.keep(actor.current(), refused.annotatedName(), refused.annotated()));
                }
            }
        }
        return "office/import";
    }

    /** The annotated workbook of a refused upload, only for the one who uploaded it, within the hour. */
    @GetMapping("/office/import/annotated/{id}")
    ResponseEntity<byte[]> annotated(@PathVariable String id) {
        AnnotatedWorkbooks.Kept kept = annotated.find(id, actor.current())
                .orElseThrow(() -> new NotFoundException("标注的工作簿不存在或已过期（保留一小时），请重新上传"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(kept.name(), StandardCharsets.UTF_8).build().toString())
                .body(kept.content());
    }
}
