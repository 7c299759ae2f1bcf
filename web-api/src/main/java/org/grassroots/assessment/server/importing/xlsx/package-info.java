/**
 * The import workbook (issue 15): template, streaming import with cell-addressed problems, the
 * annotated workbook, export. A named interface of the {@code importing} module: the office's import
 * page ({@code pages.office.ImportPages}) takes workbooks through {@link
 * org.grassroots.assessment.server.importing.xlsx.WorkbookUploads} as {@code POST /api/import} does.
 */
@org.springframework.modulith.NamedInterface("xlsx")
package org.grassroots.assessment.server.importing.xlsx;
