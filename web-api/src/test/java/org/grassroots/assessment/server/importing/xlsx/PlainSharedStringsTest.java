package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The plain shared strings read every string exactly as POI's read-only table does. */
class PlainSharedStringsTest {

    @Test
    void reads_plain_rich_escaped_and_multi_line_strings_as_poi_does() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFRow row = wb.createSheet("组织").createRow(0);
            row.createCell(0).setCellValue("红旗村党支部");
            XSSFRichTextString rich = new XSSFRichTextString("红旗村党支部 重点");
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 3, bold);
            row.createCell(1).setCellValue(rich);
            row.createCell(2).setCellValue("第一行\r\n第二行\t制表");
            row.createCell(3).setCellValue("  前后空格  ");
            row.createCell(4).setCellValue("_x0041_ 字面的转义");
            row.createCell(5).setCellValue("");
            wb.write(out);
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(out.toByteArray()))) {
            ReadOnlySharedStringsTable poi = new ReadOnlySharedStringsTable(pkg, false);
            PlainSharedStrings plain = PlainSharedStrings.of(pkg);
            assertThat(plain.getUniqueCount()).isEqualTo(poi.getUniqueCount()).isGreaterThanOrEqualTo(5);
            for (int i = 0; i < poi.getUniqueCount(); i++) {
                assertThat(plain.getItemAt(i).toString()).as("string %d", i).isEqualTo(poi.getItemAt(i).toString())
                        .isEqualTo(plain.getItemAt(i).getString());
            }
            assertThat(List.of(plain.getItemAt(2).getString())).containsExactly("第一行\r\n第二行\t制表");
        }
    }
}
