package org.grassroots.assessment.server.importing.xlsx;

/** What a column of the import workbook holds, which decides how a cell becomes a bundle value. */
public enum ColumnKind {
    /** An organization code, member or visit id: trimmed, full-width characters made half-width. */
    CODE,
    /** Free text, taken as written. */
    TEXT,
    /** A period {@code YYYY} or {@code YYYY-Qn}. */
    PERIOD,
    /** A whole number. */
    INTEGER,
    /** A number. */
    NUMBER,
    /** A share between 0 and 1 (Excel's 92% is 0.92). */
    RATE,
    /** Yuan with at most 2 decimals. */
    MONEY,
    /** 是 / 否. */
    BOOLEAN,
    /** One of a list of choices shown in Chinese. */
    CHOICE,
    /** A date cell. */
    DATE,
    /** Several names in one cell, separated by 、 or a line break. */
    TEXT_LIST,
    /** Several entries in one cell, one per line (file names and addresses may hold commas). */
    TEXT_LINES
}
