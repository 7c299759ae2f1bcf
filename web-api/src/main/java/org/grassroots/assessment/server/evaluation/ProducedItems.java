package org.grassroots.assessment.server.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.RectificationDue;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.RectificationSource;

/**
 * The rectification items an evaluation produced, as dues for the ledger: INSPECTION items with the
 * finding's stored position and the days from the visit date, GRADING and STANDARD ones with the
 * days from the as-of date (the rules' deadline is that date plus the days).
 */
record ProducedItems(List<RectificationDue> inspection, List<RectificationDue> period) {

    static ProducedItems of(EvaluationResult result, DatabaseAssessmentData data) {
        List<RectificationDue> inspection = new ArrayList<>();
        List<RectificationDue> period = new ArrayList<>();
        LocalDate asOf = result.asOf();
        for (RectificationItem item : result.rectifications()) {
            if (item.source() == RectificationSource.INSPECTION) {
                LocalDate visitDate = data.visitDate(item.visitId());
                int position = data.storedPosition(item.visitId(), item.position());
                inspection.add(new RectificationDue(item.orgCode(), item.source(), item.rule(), item.visitId(), position,
                        item.description(), item.deadline(), days(visitDate == null ? asOf : visitDate, item.deadline())));
            } else {
                period.add(new RectificationDue(item.orgCode(), item.source(), item.rule(), null, -1,
                        item.description(), item.deadline(), days(asOf, item.deadline())));
            }
        }
        return new ProducedItems(inspection, period);
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }
}
