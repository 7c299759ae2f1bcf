package org.grassroots.assessment.server.importing.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.grassroots.assessment.server.export.ExportFileName;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A workbook uploaded to {@code POST /api/import}: stored in a temporary file (at most
 * {@link WorkbookLimits#maxBytes()}), imported, and answered as the JSON import is (200 with the
 * counts, now with warnings; 400 problem details with {@code errors[]}, each also naming its sheet,
 * row, column and cell), or with {@code annotated} the uploaded workbook marked where it is wrong.
 */
@Component
public class WorkbookUploads {

    private final WorkbookImport workbooks;
    private final WorkbookLimits limits;

    WorkbookUploads(WorkbookImport workbooks, WorkbookLimits limits) {
        this.workbooks = workbooks;
        this.limits = limits;
    }

    /** Whether an upload is a workbook (a zip package or an old binary .xls) rather than JSON. */
    public static boolean isWorkbook(FileMagic magic) {
        return magic == FileMagic.OOXML || magic == FileMagic.OLE2;
    }

    /** What became of an uploaded workbook. */
    public sealed interface Outcome permits Imported, Refused {
    }

    /** Imported: the counts and the warnings. */
    public record Imported(WorkbookImportResult result) implements Outcome {
    }

    /**
     * Refused, nothing imported: every problem at its cell, the warnings, and (when asked and the
     * workbook is not too large) the workbook itself annotated, with the name to download it under.
     */
    public record Refused(List<CellNote> problems, List<CellNote> warnings, byte[] annotated, String annotatedName)
            implements Outcome {
    }

    /**
     * @param in        the upload, positioned at its start
     * @param magic     what its first bytes say it is
     * @param annotated answer a refused workbook with itself annotated
     */
    public ResponseEntity<?> upload(InputStream in, FileMagic magic, String fileName, boolean annotated, String actor)
            throws IOException {
        Outcome outcome = receive(in, magic, fileName, annotated, actor);
        if (outcome instanceof Imported imported) {
            return ResponseEntity.ok(imported.result());
        }
        Refused refused = (Refused) outcome;
        if (refused.annotated() == null) {
            return refusedAsJson(refused.problems(), refused.warnings());
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.parseMediaType(WorkbookController.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        new ExportFileName(refused.annotatedName(), "import-problems.xlsx").contentDisposition())
                .header("X-Import-Problems", Integer.toString(refused.problems().size()))
                .body(refused.annotated());
    }

    /** Reads, checks and imports an uploaded workbook (all or nothing): the API's and the office page's way in. */
    public Outcome receive(InputStream in, FileMagic magic, String fileName, boolean annotated, String actor)
            throws IOException {
        if (magic == FileMagic.OLE2) {
            return new Refused(List.of(CellNote.workbook(
                    "这是旧版 Excel 文件（.xls）：请在 Excel 中“另存为” .xlsx 格式后重新上传")), List.of(), null, null);
        }
        File file = Files.createTempFile("workbook-upload-", ".xlsx").toFile();
        try {
            if (!copyBounded(in, file)) {
                return new Refused(List.of(CellNote.workbook("工作簿超过 "
                        + limits.maxBytes() / (1024 * 1024) + " MB 的上限，请分成几个文件导入")), List.of(), null, null);
            }
            try {
                return new Imported(workbooks.importWorkbook(file, actor));
            } catch (WorkbookRefusedException e) {
                if (!annotated) {
                    return new Refused(e.problems(), e.warnings(), null, null);
                }
                if (file.length() > limits.annotateMaxBytes()) {
                    List<CellNote> warnings = new ArrayList<>(List.of(CellNote.workbook("工作簿较大（超过 "
                            + limits.annotateMaxBytes() / (1024 * 1024) + " MB），不返回标注的工作簿，请按以下单元格修改")));
                    warnings.addAll(e.warnings());
                    return new Refused(e.problems(), warnings, null, null);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    WorkbookAnnotator.annotate(file, e.problems(), e.warnings(), out);
                } catch (IOException | RuntimeException unreadable) {
                    return new Refused(e.problems(), e.warnings(), null, null);
                }
                String stem = fileName == null || fileName.isBlank() ? "工作簿" : fileName.replaceAll("(?i)\\.xlsx$", "");
                return new Refused(e.problems(), e.warnings(), out.toByteArray(), stem + "-问题标注.xlsx");
            }
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    private boolean copyBounded(InputStream in, File file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file.toPath())) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxBytes()) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
        }
        return true;
    }

    private static ResponseEntity<ProblemDetail> refusedAsJson(List<CellNote> problems, List<CellNote> warnings) {
        List<CellNote> errors = new ArrayList<>(problems);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "工作簿校验未通过：共 " + errors.size() + " 个问题，未导入任何数据");
        p.setTitle("数据校验未通过");
        p.setType(URI.create("about:blank"));
        p.setInstance(URI.create("/api/import"));
        p.setProperty("errors", errors);
        p.setProperty("warnings", new ArrayList<>(warnings));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
