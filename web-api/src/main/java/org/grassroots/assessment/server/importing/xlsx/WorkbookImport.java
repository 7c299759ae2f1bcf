package org.grassroots.assessment.server.importing.xlsx;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.util.CellRangeAddress;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.importing.BundleImportService;
import org.grassroots.assessment.server.importing.ImportCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a workbook: read streaming into the JSON bundle ({@link WorkbookConversion}), which then
 * goes through exactly the import of a JSON bundle ({@link BundleImportService}: the same
 * validation, the same all-or-nothing write, the same audit entry). The bundle's problems are
 * mapped back to their cells and said in Chinese; a workbook with problems of its own (a merged
 * cell, a formula without a result) is not imported, and the bundle's problems are reported with
 * them.
 */
@Service
public class WorkbookImport {

    private static final Logger log = LoggerFactory.getLogger(WorkbookImport.class);

    private final BundleImportService imports;
    private final WorkbookLayouts layouts;
    private final WorkbookLimits limits;

    WorkbookImport(BundleImportService imports, WorkbookLayouts layouts, WorkbookLimits limits) {
        this.imports = imports;
        this.layouts = layouts;
        this.limits = limits;
    }

    /**
     * @param workbook the uploaded .xlsx, on disk
     * @throws WorkbookRefusedException with every problem at its cell; nothing was stored
     */
    public WorkbookImportResult importWorkbook(File workbook, String actor) throws WorkbookRefusedException {
        WorkbookLayout layout = layouts.current().layout();
        File json = null;
        try {
            json = File.createTempFile("workbook-bundle-", ".json");
            long started = System.nanoTime();
            WorkbookConversion conversion;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json.toPath()), 1 << 16)) {
                conversion = new WorkbookConversion(layout, limits.maxRows(), out);
                try {
                    StreamingWorkbookReader.read(workbook, conversion);
                } catch (StreamingWorkbookReader.UnreadableWorkbookException e) {
                    log.info("refused an unreadable workbook: {}", e.getMessage());
                    throw new WorkbookRefusedException(List.of(CellNote.workbook(
                            "文件不是可读取的 Excel 工作簿（.xlsx），或超出了安全限制（如压缩比异常、含有 DOCTYPE 声明）："
                                    + "请用 Excel 另存为 .xlsx 后重新上传")), List.of());
                } catch (StreamingWorkbookReader.StopReading e) {
                    throw new WorkbookRefusedException(List.of(CellNote.workbook(e.getMessage())), List.of());
                }
                conversion.finish();
            }
            log.info("workbook of {} read into a bundle in {} ms ({} problems, {} warnings)", actor,
                    (System.nanoTime() - started) / 1_000_000, conversion.problems().size(),
                    conversion.warnings().size());
            if (!conversion.problems().isEmpty()) {
                List<Problem> more;
                try (InputStream in = open(json)) {
                    more = imports.problemsOf(in);
                }
                throw refused(layout, conversion, more);
            }
            try (InputStream in = open(json)) {
                ImportCounts counts = imports.importBundle(in, actor);
                return WorkbookImportResult.of(counts, conversion.warnings());
            } catch (BundleValidationException e) {
                throw refused(layout, conversion, e.problems());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (json != null && !json.delete()) {
                json.deleteOnExit();
            }
        }
    }

    private static InputStream open(File json) throws IOException {
        return new BufferedInputStream(Files.newInputStream(json.toPath()), 1 << 16);
    }

    private static WorkbookRefusedException refused(WorkbookLayout layout, WorkbookConversion conversion,
                                                    List<Problem> bundleProblems) {
        CellIndex index = conversion.index();
        List<CellNote> all = new ArrayList<>(conversion.problems());
        Set<String> taken = new HashSet<>();
        for (CellNote note : conversion.problems()) {
            taken.add(note.sheet() + "!" + note.cell());
        }
        for (Problem problem : bundleProblems) {
            Optional<CellNote> located = index.locate(problem.path());
            if (located.isPresent() && !index.hasColumn(problem.path()) && problem.message().equals("is required")) {
                continue; // the missing column is a problem of the header already
            }
            CellNote at = located.orElse(CellNote.workbook(""));
            if (taken.contains(at.sheet() + "!" + at.cell()) || inMerged(conversion.merged(), at)) {
                continue; // the cell's own problem says it already
            }
            // field names in a message become the headers of the sheet the problem is on
            ChineseMessages messages = new ChineseMessages(field -> layout.sheet(at.sheet())
                    .flatMap(s -> s.column(field)).map(Column::header).orElse(field),
                    pointer -> index.locate(pointer).map(CellNote::where).orElse(pointer));
            String message = messages.of(problem.message());
            all.add(new CellNote(at.sheet(), at.row(), at.column(), at.cell(), message, problem.path(),
                    problem.message()));
        }
        List<String> order = new ArrayList<>(layout.sheets().stream().map(SheetLayout::name).toList());
        all.sort(Comparator.comparingInt((CellNote n) -> n.sheet().isEmpty() ? -1
                        : order.contains(n.sheet()) ? order.indexOf(n.sheet()) : order.size())
                .thenComparingInt(CellNote::row).thenComparingInt(CellNote::columnIndex));
        return new WorkbookRefusedException(all, conversion.warnings());
    }

    private static boolean inMerged(Map<String, List<CellRangeAddress>> merged, CellNote at) {
        for (CellRangeAddress region : merged.getOrDefault(at.sheet(), List.of())) {
            int row = at.row() - 1;
            int column = at.columnIndex();
            if (region.isInRange(row, column) && !(row == region.getFirstRow() && column == region.getFirstColumn())) {
                return true;
            }
        }
        return false;
    }
}
