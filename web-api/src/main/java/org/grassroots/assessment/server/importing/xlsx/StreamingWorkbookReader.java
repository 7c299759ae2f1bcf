package org.grassroots.assessment.server.importing.xlsx;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a workbook sheet by sheet and row by row with POI's event API ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler} over POI's hardened SAX parser, {@link XMLHelper#newXMLReader()}:
 * no DTDs, no external entities), never building the workbook in memory: only the shared strings
 * table and the row being read are held. Besides the values it reports what the cell values alone
 * do not say: hidden rows, formulas (their cached results are the values), error cells and merged
 * regions (given at the end of each sheet, where the file keeps them).
 */
public final class StreamingWorkbookReader {

    /** What the reader reports; a listener may skip a sheet by returning false from {@link #startSheet}. */
    public interface Listener {

        boolean startSheet(String name);

        /** @param row 1-based row number, as Excel shows it */
        void row(int row, boolean hidden, List<RawCell> cells);

        void endSheet(String name, List<CellRangeAddress> merged);
    }

    /** The file is not a workbook POI can read, or breaks a safety limit (zip bomb, DOCTYPE). */
    public static final class UnreadableWorkbookException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableWorkbookException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StreamingWorkbookReader() {
    }

    public static void read(File file, Listener listener) throws UnreadableWorkbookException {
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = PlainSharedStrings.of(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (listener.startSheet(name)) {
                        readSheet(sheet, name, styles, strings, listener);
                    }
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            if (e instanceof StopReading stop) {
                throw stop;
            }
            throw new UnreadableWorkbookException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** Thrown by a listener to stop reading (a limit was reached); passes through unchanged. */
    public static class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StopReading(String message) {
            super(message, null, false, false);
        }
    }

    private static void readSheet(InputStream sheet, String name, StylesTable styles, SharedStrings strings,
                                  Listener listener) throws IOException, SAXException, ParserConfigurationException {
        CellTracker tracker = new CellTracker();
        Rows rows = new Rows(tracker, listener);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new TrackingHandler(styles, strings, rows, tracker));
        parser.parse(new InputSource(sheet));
        listener.endSheet(name, tracker.merged);
    }

    /** What the SAX events say about the current row and cell beyond the value. */
    private static final class CellTracker {
        boolean rowHidden;
        String type;
        boolean formula;
        boolean reported;
        final List<CellRangeAddress> merged = new ArrayList<>();
    }

    /** POI's sheet handler, watching the elements it does not report: row, c's type, f, mergeCell. */
    private static final class TrackingHandler extends XSSFSheetXMLHandler {

        private final CellTracker tracker;
        private final Rows rows;

        TrackingHandler(StylesTable styles, SharedStrings strings, Rows rows, CellTracker tracker) {
            super(styles, null, strings, rows, new ExactFormatter(), false);
            this.tracker = tracker;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String hidden = attributes.getValue("hidden");
                    tracker.rowHidden = "1".equals(hidden) || "true".equals(hidden);
                }
                case "c" -> {
                    tracker.type = attributes.getValue("t");
                    tracker.formula = false;
                    tracker.reported = false;
                    rows.pendingReference = attributes.getValue("r");
                }
                case "f" -> tracker.formula = true;
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null) {
                        tracker.merged.add(CellRangeAddress.valueOf(ref));
                    }
                }
                default -> {
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            if ("c".equals(localName) && tracker.formula && !tracker.reported) {
                // a formula whose result was never calculated and saved: no value to read
                rows.formulaWithoutValue();
            }
        }
    }

    /**
     * Numbers exactly as stored (never rounded to the cell's display format), dates as ISO dates
     * marked so, to tell them from numbers.
     */
    private static final class ExactFormatter extends DataFormatter {

        static final String DATE_MARK = "\u0000date:";
        static final String DATE_TIME_MARK = "\u0000datetime:";

        /** Whether a cell format is a date format, by format index and string (POI decides it with regexes). */
        private final Map<String, Boolean> dateFormats = new HashMap<>();

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            boolean dateFormat = dateFormats.computeIfAbsent(formatIndex + "\u0000" + formatString,
                    k -> DateUtil.isADateFormat(formatIndex, formatString));
            if (dateFormat && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904);
                boolean time = value != Math.floor(value);
                return (time ? DATE_TIME_MARK : DATE_MARK) + at.toLocalDate();
            }
            return plain(value);
        }

        static String plain(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value); // a whole number: the same text, without BigDecimal
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    /** Collects a row's cells and hands the row on at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final CellTracker tracker;
        private final Listener listener;
        private final TreeMap<Integer, RawCell> cells = new TreeMap<>();
        String pendingReference;

        Rows(CellTracker tracker, Listener listener) {
            this.tracker = tracker;
            this.listener = listener;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            listener.row(rowNum + 1, tracker.rowHidden, List.copyOf(cells.values()));
            tracker.rowHidden = false;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            tracker.reported = true;
            int column = column(reference);
            String t = tracker.type;
            RawCell.Type type;
            String text = value;
            boolean timeOfDay = false;
            if ("b".equals(t)) {
                type = RawCell.Type.BOOLEAN;
            } else if ("e".equals(t)) {
                type = RawCell.Type.ERROR;
                text = value != null && value.startsWith("ERROR:") ? value.substring("ERROR:".length()) : value;
            } else if ("s".equals(t) || "inlineStr".equals(t) || "str".equals(t)) {
                type = RawCell.Type.STRING;
            } else if (value != null && value.startsWith(ExactFormatter.DATE_MARK)) {
                type = RawCell.Type.DATE;
                text = value.substring(ExactFormatter.DATE_MARK.length());
            } else if (value != null && value.startsWith(ExactFormatter.DATE_TIME_MARK)) {
                type = RawCell.Type.DATE;
                text = value.substring(ExactFormatter.DATE_TIME_MARK.length());
                timeOfDay = true;
            } else {
                type = RawCell.Type.NUMBER;
                text = exact(value);
            }
            cells.put(column, new RawCell(column, text, type, tracker.formula, timeOfDay));
        }

        private static String exact(String value) {
            if (value == null || value.isEmpty() || wholeNumber(value)) {
                return value; // already exact (most cells: counts, the formatter's own output)
            }
            try {
                return ExactFormatter.plain(Double.parseDouble(value));
            } catch (NumberFormatException e) {
                return value;
            }
        }

        /** Digits only, with an optional minus, no leading zero, at most 15 digits: a whole number written exactly. */
        static boolean wholeNumber(String value) {
            int start = value.charAt(0) == '-' ? 1 : 0;
            int digits = value.length() - start;
            if (digits < 1 || digits > 15 || (digits > 1 && value.charAt(start) == '0')) {
                return false;
            }
            for (int i = start; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return !value.equals("-0");
        }

        /** The 0-based column of a cell reference such as {@code AB12} (POI's CellReference parses with regexes). */
        static int column(String reference) {
            int end = 0;
            while (end < reference.length() && Character.isLetter(reference.charAt(end))) {
                end++;
            }
            return end == 0 ? new CellReference(reference).getCol()
                    : CellReference.convertColStringToIndex(reference.substring(0, end));
        }

        void formulaWithoutValue() {
            if (pendingReference != null) {
                int column = column(pendingReference);
                cells.put(column, new RawCell(column, null, RawCell.Type.ERROR, true, false));
            }
        }
    }
}
