package org.grassroots.assessment.server.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The grades and ranks as CSV for Excel: UTF-8 with a byte order mark (so Excel reads the Chinese),
 * CRLF line ends, RFC 4180 quoting, and formula-looking text neutralized. The header row comes first,
 * so that any CSV reader takes it as the header; the evaluation's facts ({@link ExportMetadata#entries})
 * are in the file name (evaluation id, period, as-of date) and the xlsx export's 说明 sheet. Layout:
 * <pre>
 * 排名,组织编码,组织名称,…            the columns of {@link ExportTables#RANKING}
 * 1,V-HONGQI,红旗村党支部,…          one line per organization, in rank order
 * </pre>
 * Scores have 2 decimals; an absent inspection score is an empty field.
 */
public final class CsvExporter implements EvaluationExporter {

    public static final String BOM = "\uFEFF";
    public static final String CRLF = "\r\n";

    @Override
    public void write(EvaluationExport export, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write(BOM);
        Table<ExportTables.RankingRow> table = ExportTables.ranking(export);
        line(w, table.headers().stream().map(CellValue::text).toList());
        for (ExportTables.RankingRow row : table.rows()) {
            line(w, table.cells(row));
        }
        w.flush();
    }

    private static void line(Writer w, List<CellValue> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(cells.get(i)));
        }
        w.write(CRLF);
    }

    /** One field as written: numbers plain, text neutralized and quoted when RFC 4180 requires it. */
    static String field(CellValue cell) {
        if (cell instanceof CellValue.Text t) {
            return quote(FormulaGuard.neutralize(t.value()));
        } else if (cell instanceof CellValue.Decimal d) {
            return d.formatted();
        } else if (cell instanceof CellValue.Whole n) {
            return Long.toString(n.value());
        } else if (cell instanceof CellValue.Day d) {
            return d.value().toString();
        }
        return "";
    }

    static String quote(String text) {
        boolean needs = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
