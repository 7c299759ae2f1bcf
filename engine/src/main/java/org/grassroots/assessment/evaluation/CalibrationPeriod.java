package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * The days whose recorded visits are compared (督查校准, 98-calibration.drl): the catalog rules run for
 * it so that the deduction rules price the findings, and the calibration rules compare the figures.
 */
public record CalibrationPeriod(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
