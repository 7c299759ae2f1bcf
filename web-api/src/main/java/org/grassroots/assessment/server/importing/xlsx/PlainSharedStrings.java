package org.grassroots.assessment.server.importing.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The workbook's shared strings as plain text, read once with SAX: what POI's
 * {@code ReadOnlySharedStringsTable} (without phonetic runs) reads, but handed out without building
 * an XML-backed rich text object for every cell that refers to one (measured: a sixth of the
 * reading time of the 10,000-organization workbook went there). The text of an {@code <si>} is its
 * {@code <t>} elements' text, runs included, phonetic runs ({@code <rPh>}) left out.
 */
final class PlainSharedStrings extends DefaultHandler implements SharedStrings {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;

    private PlainSharedStrings() {
    }

    static PlainSharedStrings of(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        PlainSharedStrings table = new PlainSharedStrings();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(table);
            try (InputStream in = parts.get(0).getInputStream()) {
                parser.parse(new InputSource(in));
            }
        }
        return table;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> text.setLength(0);
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> strings.add(decoded(text.toString()));
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }

    /**
     * Excel's escapes of characters XML cannot hold ({@code _x000D_}) decoded, as POI's rich text
     * does when it is read ({@code XSSFRichTextString.getString}).
     */
    static String decoded(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        Matcher m = ESCAPE.matcher(value);
        int last = 0;
        while (m.find()) {
            out.append(value, last, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            last = m.end();
        }
        return out.append(value, last, value.length()).toString();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText && !inPhonetic) {
            text.append(ch, start, length);
        }
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new Plain(strings.get(idx));
    }

    @Override
    public int getCount() {
        return strings.size();
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }

    /** A shared string without formatting: the sheet handler only reads its text. */
    private record Plain(String text) implements RichTextString {

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
