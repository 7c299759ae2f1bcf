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
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.ctc.wstx.stax.WstxInputFactory;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * Reads a workbook sheet by sheet and row by row: POI opens the package ({@link XSSFReader}, with
 * its zip-bomb limits) and reads the styles; each sheet's XML is streamed with StAX
 * ({@link SheetXml}: no DTDs, so no entities), never building the workbook in memory: only the
 * shared strings table and the row being read are held. Besides the values it reports what the
 * cell values alone do not say: hidden rows, formulas (their cached results are the values), error
 * cells and merged regions (given at the end of each sheet, where the file keeps them).
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
                 | XMLStreamException | RuntimeException e) {
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
                                  Listener listener) throws XMLStreamException {
        CellTracker tracker = new CellTracker();
        Rows rows = new Rows(tracker, listener);
        new SheetXml(styles, strings, rows, tracker).read(sheet);
        listener.endSheet(name, tracker.merged);
    }

    /** What the XML says about the current row and cell beyond the value. */
    private static final class CellTracker {
        boolean rowHidden;
        String type;
        boolean formula;
        boolean reported;
        final List<CellRangeAddress> merged = new ArrayList<>();
    }

    /**
     * One worksheet's XML read with StAX (Woodstox, not the JDK's SAX parser: measured on the
     * members sheet of the 10,000-organization workbook, 177 MB of XML, 1.5 s against 2.6 s), giving
     * each cell the text POI's {@code XSSFSheetXMLHandler} gives it (same types, same number and date
     * formatting through the {@link ExactFormatter}), without its per-cell costs: an XML-backed rich
     * text object for every inline string and a walk of the XML styles for every number (the two took
     * a third of the reading time). No DTD is accepted (a DOCTYPE refuses the file), so no entity is
     * ever expanded.
     */
    private static final class SheetXml {

        private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private static final XMLInputFactory FACTORY = factory();

        private final StylesTable styles;
        private final SharedStrings strings;
        private final Rows rows;
        private final CellTracker tracker;
        private final ExactFormatter formatter = new ExactFormatter();
        /** Per cell style index: its number format index and string, looked up once. */
        private final Map<Integer, NumberFormat> formats = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        /**
         * A number cell's stored text and the text it is read as ({@link Rows#exact}), for the cells
         * of a plain number format: a sheet repeats few values (counts, rates, hours), and reading
         * one through a double and BigDecimal is most of what a number cell costs.
         */
        private final Map<String, String> numbers = new HashMap<>();

        /** @param date whether the format is a date format (POI decides it with regexes: once per style) */
        private record NumberFormat(int index, String format, boolean date) {
        }

        /** At most this many numbers are remembered per sheet. */
        private static final int NUMBERS_KEPT = 1 << 14;

        SheetXml(StylesTable styles, SharedStrings strings, Rows rows, CellTracker tracker) {
            this.styles = styles;
            this.strings = strings;
            this.rows = rows;
            this.tracker = tracker;
        }

        private static XMLInputFactory factory() {
            XMLInputFactory factory = new WstxInputFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, false);
            return factory;
        }

        void read(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                int nextRow = 0;
                int row = 0;
                NumberFormat format = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new XMLStreamException("a DOCTYPE declaration is not allowed in a worksheet", xml.getLocation());
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && MAIN.equals(xml.getNamespaceURI())) {
                        switch (xml.getLocalName()) {
                            case "row" -> {
                                String r = xml.getAttributeValue(null, "r");
                                row = r != null ? Integer.parseInt(r.trim()) - 1 : nextRow;
                                String hidden = xml.getAttributeValue(null, "hidden");
                                tracker.rowHidden = "1".equals(hidden) || "true".equals(hidden);
                                rows.startRow(row);
                            }
                            case "c" -> {
                                // the attributes in one pass (a look-up by name scans them for each name)
                                String type = null;
                                String reference = null;
                                String style = null;
                                boolean typeSeen = false;
                                boolean referenceSeen = false;
                                boolean styleSeen = false;
                                for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                                    String attribute = xml.getAttributeLocalName(i);
                                    if (!typeSeen && attribute.equals("t")) {
                                        type = xml.getAttributeValue(i);
                                        typeSeen = true;
                                    } else if (!referenceSeen && attribute.equals("r")) {
                                        reference = xml.getAttributeValue(i);
                                        referenceSeen = true;
                                    } else if (!styleSeen && attribute.equals("s")) {
                                        style = xml.getAttributeValue(i);
                                        styleSeen = true;
                                    }
                                }
                                tracker.type = type;
                                tracker.formula = false;
                                tracker.reported = false;
                                rows.pendingReference = reference;
                                format = isNumber(type) ? format(style) : null;
                            }
                            case "f" -> tracker.formula = true;
                            case "v" -> {
                                if (format != null && format.format() != null && !format.date()) {
                                    rows.number(rows.pendingReference, number(xml.getElementText()));
                                } else {
                                    rows.cell(rows.pendingReference, value(xml.getElementText(), format));
                                }
                            }
                            case "is" -> rows.cell(rows.pendingReference, PlainSharedStrings.decoded(inlineText(xml)));
                            case "mergeCell" -> {
                                String ref = xml.getAttributeValue(null, "ref");
                                if (ref != null) {
                                    tracker.merged.add(CellRangeAddress.valueOf(ref));
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && MAIN.equals(xml.getNamespaceURI())) {
                        switch (xml.getLocalName()) {
                            case "c" -> {
                                if (tracker.formula && !tracker.reported) {
                                    // a formula whose result was never calculated and saved: no value to read
                                    rows.formulaWithoutValue();
                                }
                            }
                            case "row" -> {
                                rows.endRow(row);
                                nextRow = row + 1;
                            }
                            default -> {
                            }
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }

        private static boolean isNumber(String type) {
            return type == null || "n".equals(type);
        }

        /**
         * The text of a number cell of a number format that is not a date's: what {@link #value} and
         * then {@link Rows#exact} make of it (a whole number as it is, else through the formatter's
         * {@link ExactFormatter#plain}), remembered by the stored text.
         */
        private String number(String raw) {
            if (raw.isEmpty() || Rows.wholeNumber(raw)) {
                return raw;
            }
            int end = raw.length() - 2;
            if (end > 0 && raw.charAt(end) == '.' && raw.charAt(end + 1) == '0' && Rows.wholeNumber(raw.substring(0, end))) {
                return raw.substring(0, end); // 12.0, as a writer of doubles stores 12: the double's whole number
            }
            String known = numbers.get(raw);
            if (known != null) {
                return known;
            }
            String formatted;
            try {
                formatted = ExactFormatter.plain(Double.parseDouble(raw.trim()));
            } catch (RuntimeException e) {
                formatted = raw; // not a number after all (a formula's text result): its text
            }
            String exact = Rows.exact(formatted);
            if (numbers.size() < NUMBERS_KEPT) {
                numbers.put(raw, exact);
            }
            return exact;
        }

        /** A {@code <c>}'s value as POI's sheet handler gives it, by the cell's type. */
        private String value(String raw, NumberFormat format) throws XMLStreamException {
            String t = tracker.type;
            if ("b".equals(t)) {
                return raw.isEmpty() || raw.charAt(0) == '0' ? "FALSE" : "TRUE";
            }
            if ("e".equals(t)) {
                return "ERROR:" + raw;
            }
            if ("s".equals(t)) {
                String index = raw.trim();
                if (index.isEmpty()) {
                    return null;
                }
                try {
                    return strings.getItemAt(Integer.parseInt(index)).getString();
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    throw new XMLStreamException("shared string " + index + " does not exist");
                }
            }
            if ("inlineStr".equals(t) || "str".equals(t) || format == null || format.format() == null || raw.isEmpty()) {
                return raw;
            }
            try {
                return formatter.format(Double.parseDouble(raw.trim()), format.date());
            } catch (RuntimeException e) {
                return raw; // not a number after all (a formula's text result): its text
            }
        }

        /** The text of an inline string: its {@code <t>} elements, runs included, phonetic runs left out. */
        private String inlineText(XMLStreamReader xml) throws XMLStreamException {
            text.setLength(0);
            int depth = 1;
            int phonetic = 0;
            boolean inText = false;
            while (depth > 0) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (xml.getLocalName().equals("rPh")) {
                            phonetic++;
                        } else if (xml.getLocalName().equals("t")) {
                            inText = true;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (xml.getLocalName().equals("rPh")) {
                            phonetic--;
                        } else if (xml.getLocalName().equals("t")) {
                            inText = false;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inText && phonetic == 0) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    default -> {
                    }
                }
            }
            return text.toString();
        }

        /** The number format of a cell style (style 0 when the cell names none), as POI's handler finds it. */
        private NumberFormat format(String styleIndex) {
            int index = styleIndex == null ? 0 : Integer.parseInt(styleIndex.trim());
            return formats.computeIfAbsent(index, i -> {
                if (styles == null || (styleIndex == null && styles.getNumCellStyles() == 0)) {
                    return null;
                }
                XSSFCellStyle style = styles.getStyleAt(i);
                if (style == null) {
                    return null;
                }
                String format = style.getDataFormatString();
                int formatIndex = style.getDataFormat();
                String formatString = format != null ? format : BuiltinFormats.getBuiltinFormat(formatIndex);
                return new NumberFormat(formatIndex, formatString, formatString != null
                        && formatter.isDateFormat(formatIndex, formatString));
            });
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
            return format(value, isDateFormat(formatIndex, formatString), use1904);
        }

        boolean isDateFormat(int formatIndex, String formatString) {
            return dateFormats.computeIfAbsent(formatIndex + "\u0000" + formatString,
                    k -> DateUtil.isADateFormat(formatIndex, formatString));
        }

        String format(double value, boolean dateFormat) {
            return format(value, dateFormat, false);
        }

        private String format(double value, boolean dateFormat, boolean use1904) {
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
    private static final class Rows {

        private final CellTracker tracker;
        private final Listener listener;
        /** The row's cells as they come: in column order in every file seen, else sorted at the row's end. */
        private final List<RawCell> cells = new ArrayList<>();
        private boolean ordered = true;
        String pendingReference;

        Rows(CellTracker tracker, Listener listener) {
            this.tracker = tracker;
            this.listener = listener;
        }

        void startRow(int rowNum) {
            cells.clear();
            ordered = true;
        }

        void endRow(int rowNum) {
            listener.row(rowNum + 1, tracker.rowHidden, List.copyOf(ordered ? cells : sorted(cells)));
            tracker.rowHidden = false;
        }

        /** Cells out of column order: sorted, and of two cells in one column the later one. */
        private static List<RawCell> sorted(List<RawCell> cells) {
            TreeMap<Integer, RawCell> byColumn = new TreeMap<>();
            for (RawCell cell : cells) {
                byColumn.put(cell.column(), cell);
            }
            return new ArrayList<>(byColumn.values());
        }

        private void add(RawCell cell) {
            if (!cells.isEmpty() && cells.get(cells.size() - 1).column() >= cell.column()) {
                ordered = false;
            }
            cells.add(cell);
        }

        /** A number cell whose text {@link SheetXml} has read already (exact, as {@link #cell} makes it). */
        void number(String reference, String text) {
            tracker.reported = true;
            int column = column(reference);
            add(new RawCell(column, text, RawCell.Type.NUMBER, tracker.formula, false));
        }

        void cell(String reference, String value) {
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
            add(new RawCell(column, text, type, tracker.formula, timeOfDay));
        }

        static String exact(String value) {
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
            int column = 0;
            for (int i = 0; i < reference.length() && i < 4; i++) {
                char c = reference.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                } else if (i > 0 && c >= '0' && c <= '9') {
                    return column - 1; // the usual reference, such as AB12: what the parse below gives
                } else {
                    break;
                }
            }
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
                add(new RawCell(column, null, RawCell.Type.ERROR, true, false));
            }
        }
    }
}
