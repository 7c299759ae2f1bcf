package org.grassroots.assessment.server.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of an exported workbook, created once per workbook (Excel caps their number). */
record XlsxStyles(CellStyle title, CellStyle subtitle, CellStyle header, CellStyle text, CellStyle decimal,
        CellStyle whole, CellStyle day, CellStyle label, CellStyle total) {

    static XlsxStyles create(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);

        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        title.setVerticalAlignment(VerticalAlignment.CENTER);

        CellStyle subtitle = wb.createCellStyle();
        subtitle.setFont(bold);

        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);

        CellStyle text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        decimal.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle whole = wb.createCellStyle();
        whole.setDataFormat(wb.createDataFormat().getFormat("0"));
        whole.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle day = wb.createCellStyle();
        day.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        day.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle label = wb.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle total = wb.createCellStyle();
        total.setFont(bold);
        total.setDataFormat(wb.createDataFormat().getFormat("0"));
        total.setBorderTop(BorderStyle.THIN);

        return new XlsxStyles(title, subtitle, header, text, decimal, whole, day, label, total);
    }
}
