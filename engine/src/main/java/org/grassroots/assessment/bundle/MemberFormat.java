package org.grassroots.assessment.bundle;

import java.util.function.UnaryOperator;

import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;

/** The JSON form of one member's record for one period (bundle members[]). */
final class MemberFormat {

    static final KnownFields FIELDS = KnownFields.of(
            "memberId", "orgCode", "period", "floating", "serviceHours", "appraisal", "innovations",
            "managementResults", "studyAttendanceRate", "testScore", "disciplinaryAction");

    private MemberFormat() {
    }

    /**
     * Checks one member object; the result is meaningful only if nothing was reported.
     * {@code shared} returns one instance per distinct orgCode and period: hundreds of thousands of
     * member records repeat a few thousand of them, and keeping one copy saves tens of megabytes.
     */
    static MemberRecord read(ObjectFields f, UnaryOperator<String> shared) {
        String memberId = f.code("memberId");
        String orgCode = shared.apply(f.code("orgCode"));
        String period = shared.apply(f.period("period"));
        boolean floating = f.bool("floating");
        double serviceHours = f.number("serviceHours", 0, 10_000);
        Appraisal appraisal = f.enumValue("appraisal", Appraisal.class);
        int innovations = f.integer("innovations", 0, Integer.MAX_VALUE);
        int managementResults = f.integer("managementResults", 0, Integer.MAX_VALUE);
        double studyAttendanceRate = f.number("studyAttendanceRate", 0, 1);
        double testScore = f.number("testScore", 0, 100);
        boolean disciplinaryAction = f.bool("disciplinaryAction");
        return new MemberRecord(memberId, orgCode, period, floating, serviceHours, appraisal, innovations,
                managementResults, studyAttendanceRate, testScore, disciplinaryAction);
    }
}
