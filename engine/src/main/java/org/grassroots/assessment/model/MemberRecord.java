package org.grassroots.assessment.model;

/** One member's record for one period (bundle section members[]). */
public record MemberRecord(
        String memberId,
        String orgCode,
        String period,
        boolean floating,
        double serviceHours,
        Appraisal appraisal,
        int innovations,
        int managementResults,
        double studyAttendanceRate,
        double testScore,
        boolean disciplinaryAction) {
}
