package org.grassroots.assessment.server.importing.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.model.Bundle;

/** Workbooks for the tests: the worked example as the import workbook, and cells found by their column header. */
final class Workbooks {

    private Workbooks() {
    }

    static Bundle workedExample() {
        try {
            return new BundleReader().read(Fixtures.workedExample());
        } catch (BundleValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundle written by the production template writer. */
    static byte[] of(WorkbookLayouts layouts, Bundle bundle) {
        WorkbookLayouts.Current current = layouts.current();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new TemplateWriter(current.layout(), current.readers()).write(out, bundle, "测试");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(XSSFWorkbook wb) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            wb.write(out);
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The 0-based column whose header starts with {@code header}. */
    static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().startsWith(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new IllegalArgumentException("no column " + header + " in " + sheet.getSheetName());
    }

    /**
     * The cell under a header in a 1-based row, made anew (with the old one's style): POI's
     * whole-workbook model would otherwise keep the inline string the template writer wrote beside
     * a new value, which no spreadsheet program does.
     */
    static Cell cell(XSSFWorkbook wb, String sheetName, String header, int row) {
        Sheet sheet = wb.getSheet(sheetName);
        Row r = sheet.getRow(row - 1) != null ? sheet.getRow(row - 1) : sheet.createRow(row - 1);
        int c = column(sheet, header);
        Cell old = r.getCell(c);
        if (old == null) {
            return r.createCell(c);
        }
        org.apache.poi.ss.usermodel.CellStyle style = old.getCellStyle();
        r.removeCell(old);
        Cell cell = r.createCell(c);
        cell.setCellStyle(style);
        return cell;
    }

    /** The cell's current value, for reading (not made anew). */
    static Cell existing(XSSFWorkbook wb, String sheetName, String header, int row) {
        Sheet sheet = wb.getSheet(sheetName);
        return sheet.getRow(row - 1).getCell(column(sheet, header));
    }

    /** The 1-based row whose cell under {@code header} reads {@code value}. */
    static int rowOf(XSSFWorkbook wb, String sheetName, String header, String value) {
        Sheet sheet = wb.getSheet(sheetName);
        int c = column(sheet, header);
        for (Row r : sheet) {
            if (r.getRowNum() > 0 && r.getCell(c) != null && value.equals(r.getCell(c).toString())) {
                return r.getRowNum() + 1;
            }
        }
        throw new IllegalArgumentException("no row with " + value + " in " + sheetName);
    }
}
