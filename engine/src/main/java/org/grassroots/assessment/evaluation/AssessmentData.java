package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;

/**
 * What an evaluation reads: a bundle offline, the database in the server. Implementations must be
 * safe to read from several threads at once.
 */
public interface AssessmentData {

    /** The organizations that have period facts for the period. */
    List<Organization> organizationsWithFacts(Period period);

    /** The organization's facts for the period, or null. */
    PeriodFacts facts(String orgCode, Period period);

    List<MemberRecord> members(String orgCode, Period period);

    /** The organization's visits of any period dated on or before the date. */
    List<Visit> visitsUpTo(String orgCode, LocalDate date);

    /** The lifecycle steps of the rectification item of a finding (position in its visit). */
    RectificationHistory findingHistory(String visitId, int position);

    /**
     * How the rectification item of a finding (position in its visit) is named to users, as in
     * {@code rectification:<id>} of a path to upgrade: the server's ledger id; offline, the visit and
     * the position.
     */
    default String rectificationId(String visitId, int position) {
        return visitId + "#" + position;
    }

    /**
     * The photos of the visit that carry the day they were taken (stored with the server's uploads;
     * a bundle has none).
     */
    default List<PhotoTaken> photosTaken(String visitId) {
        return List.of();
    }
}
