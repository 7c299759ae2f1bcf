package org.grassroots.assessment.server.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** One cell of an exported table, typed so that numbers stay numbers in every format. */
public sealed interface CellValue {

    CellValue BLANK = new Blank();

    /** Text as users read it; formula-looking text is neutralized when written (see {@link FormulaGuard}). */
    record Text(String value) implements CellValue {
    }

    /** A score shown with 2 decimals. */
    record Decimal(double value) implements CellValue {

        /** The value rounded half-up to 2 decimals, as the policy rounds ({@code 97.08}, {@code 99.00}). */
        public String formatted() {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** A count or a rank. */
    record Whole(long value) implements CellValue {
    }

    record Day(LocalDate value) implements CellValue {
    }

    record Blank() implements CellValue {
    }

    static CellValue text(String value) {
        return value == null || value.isEmpty() ? BLANK : new Text(value);
    }

    static CellValue decimal(Double value) {
        return value == null ? BLANK : new Decimal(value);
    }

    static CellValue whole(long value) {
        return new Whole(value);
    }

    /** A rank, blank when it was not computed (0). */
    static CellValue rank(int value) {
        return value <= 0 ? BLANK : new Whole(value);
    }

    static CellValue day(LocalDate value) {
        return value == null ? BLANK : new Day(value);
    }
}
