package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.model.VisitMode;

/**
 * A recorded visit as the calibration sees it: who made it, what its standing findings cost by the
 * deduction rules (C-DEDUCTION, severity in effect), how many of them had each severity, and how many of
 * its findings were withdrawn afterwards (those count for nothing in the deduction).
 */
public record CalibratedVisit(
        String visitId,
        String orgCode,
        LocalDate date,
        VisitMode mode,
        String team,
        List<String> inspectors,
        double deduction,
        int minor,
        int major,
        int critical,
        int withdrawn) {

    public CalibratedVisit {
        inspectors = List.copyOf(inspectors);
    }

    /** The findings recorded on the visit: those standing and those withdrawn. */
    public int findings() {
        return minor + major + critical + withdrawn;
    }
}
