package org.grassroots.assessment.server.importing.xlsx;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.ss.util.CellRangeAddress;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.importing.BundleImportService;
import org.grassroots.assessment.server.importing.ImportCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a workbook: read streaming into the JSON bundle ({@link WorkbookConversion}), which
 * goes, as it is written, through exactly the import of a JSON bundle ({@link BundleImportService}:
 * the same validation, the same all-or-nothing write, the same audit entry). The bundle's problems are
 * mapped back to their cells and said in Chinese; a workbook with problems of its own (a merged
 * cell, a formula without a result) is not imported, and the bundle's problems are reported with
 * them.
 */
@Service
public class WorkbookImport {

    private static final Logger log = LoggerFactory.getLogger(WorkbookImport.class);
    /** The pipe between the conversion and the import: a megabyte lets each run ahead a little. */
    private static final int PIPE_BYTES = 1 << 20;

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
        // The workbook is converted on a thread of its own while the bundle import reads what it
        // writes (a pipe, no intermediate file): the reading overlaps the conversion, and the
        // import writes nothing unless the conversion ended without a problem.
        PipedInputStream bundle = new PipedInputStream(PIPE_BYTES);
        CompletableFuture<Conversion> converting = new CompletableFuture<>();
        try {
            PipedOutputStream out = new PipedOutputStream(bundle);
            Thread converter = new Thread(() -> converting.complete(convert(workbook, layout, out, actor)),
                    "workbook-conversion");
            converter.setDaemon(true);
            converter.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ImportCounts counts = imports.importBundle(bundle, actor, () -> converting.join().sound());
            return WorkbookImportResult.of(counts, converting.join().conversion().warnings());
        } catch (BundleValidationException e) {
            throw refused(layout, readToTheEnd(bundle, converting), e.problems());
        } catch (BundleImportService.Withheld e) {
            throw refused(layout, converting.join(), e.problems());
        } catch (RuntimeException e) {
            closeQuietly(bundle);
            Conversion conversion = converting.join();
            if (conversion.refusal() != null) {
                throw conversion.refusal(); // the pipe broke because the workbook could not be read
            }
            throw e;
        } finally {
            closeQuietly(bundle);
        }
    }

    /** What the conversion thread ended with: the conversion, or why the workbook could not be read at all. */
    private record Conversion(WorkbookConversion conversion, WorkbookRefusedException refusal) {

        boolean sound() {
            return refusal == null && conversion.problems().isEmpty();
        }
    }

    private Conversion convert(File workbook, WorkbookLayout layout, PipedOutputStream pipe, String actor) {
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(pipe, 1 << 16)) {
            WorkbookConversion conversion = new WorkbookConversion(layout, limits.maxRows(), out);
            try {
                StreamingWorkbookReader.read(workbook, conversion);
            } catch (StreamingWorkbookReader.UnreadableWorkbookException e) {
                log.info("refused an unreadable workbook: {}", e.getMessage());
                return new Conversion(null, new WorkbookRefusedException(List.of(CellNote.workbook(
                        "文件不是可读取的 Excel 工作簿（.xlsx），或超出了安全限制（如压缩比异常、含有 DOCTYPE 声明）："
                                + "请用 Excel 另存为 .xlsx 后重新上传")), List.of()));
            } catch (StreamingWorkbookReader.StopReading e) {
                return new Conversion(null, new WorkbookRefusedException(List.of(CellNote.workbook(e.getMessage())), List.of()));
            }
            conversion.finish();
            log.info("workbook of {} read into a bundle in {} ms ({} problems, {} warnings)", actor,
                    (System.nanoTime() - started) / 1_000_000, conversion.problems().size(),
                    conversion.warnings().size());
            return new Conversion(conversion, null);
        } catch (IOException | RuntimeException e) {
            // the import stopped reading (it failed on its own): its failure is the one reported
            log.debug("workbook conversion stopped: {}", e.toString());
            return new Conversion(null, null);
        }
    }

    /**
     * The conversion once it has ended: what the import left unread is read, so that the
     * conversion goes on to the end and every problem of the workbook is reported at once.
     */
    private static Conversion readToTheEnd(PipedInputStream bundle, CompletableFuture<Conversion> converting) {
        try {
            bundle.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            log.debug("the rest of the converted bundle was not read: {}", e.toString());
        }
        return converting.join();
    }

    private static void closeQuietly(PipedInputStream bundle) {
        try {
            bundle.close();
        } catch (IOException e) {
            log.debug("closing the bundle pipe: {}", e.toString());
        }
    }

    private static WorkbookRefusedException refused(WorkbookLayout layout, Conversion outcome,
                                                    List<Problem> bundleProblems) {
        if (outcome.refusal() != null) {
            return outcome.refusal();
        }
        if (outcome.conversion() == null) {
            throw new IllegalStateException("the workbook conversion stopped without a reason");
        }
        return refused(layout, outcome.conversion(), bundleProblems);
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
