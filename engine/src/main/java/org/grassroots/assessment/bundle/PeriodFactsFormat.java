package org.grassroots.assessment.bundle;

import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.PeriodFacts;

/** The JSON form of one organization's facts for one period (bundle periodFacts[]). */
final class PeriodFactsFormat {

    static final KnownFields FIELDS = KnownFields.of(
            "orgCode", "period",
            "branchGeneralMeetings", "committeeMeetings", "partyGroupMeetings", "partyLectures",
            "themePartyDays", "studyDays", "villageCommitteeMeetings", "volunteerActivities",
            "organizationalLifeMeetingHeld", "democraticReviewHeld",
            "studyAttendanceRate", "massSatisfaction",
            "members", "newMembers", "yearsSinceLastNewMember",
            "floatingMembers", "floatingMembersInContact", "floatingLedgerUpToDate",
            "secretaryVacantMonths", "committeeSeatsRequired", "committeeSeatsFilled",
            "disciplineCasesLeadership", "disciplineCasesMembers",
            "hasServiceCenter", "centerSignage", "centerAppearance", "centerEquipment", "centerAtmosphere",
            "integrationWorkingBody", "integrationCrossAppointment", "integrationSharedVenue",
            "integrationJointActivities", "integrationJointSystems",
            "reserveFundBalanceYuan", "collectiveIncomeYuan",
            "guideAssigned", "contactPointAssigned", "firstSecretaryAssigned",
            "disputesUnresolved", "petitionsRepeated", "demonstrationLevel");

    /** Upper bound of the meeting and activity counts. */
    private static final int MAX_COUNT = 1000;
    private static final int MAX_VACANT_MONTHS = 600;
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private PeriodFactsFormat() {
    }

    /** Checks one period-facts object; the result is meaningful only if nothing was reported. */
    static PeriodFacts read(ObjectFields f) {
        String orgCode = f.code("orgCode");
        String period = f.period("period");
        int branchGeneralMeetings = f.integer("branchGeneralMeetings", 0, MAX_COUNT);
        int committeeMeetings = f.integer("committeeMeetings", 0, MAX_COUNT);
        int partyGroupMeetings = f.integer("partyGroupMeetings", 0, MAX_COUNT);
        int partyLectures = f.integer("partyLectures", 0, MAX_COUNT);
        int themePartyDays = f.integer("themePartyDays", 0, MAX_COUNT);
        int studyDays = f.integer("studyDays", 0, MAX_COUNT);
        int villageCommitteeMeetings = f.integer("villageCommitteeMeetings", 0, MAX_COUNT);
        int volunteerActivities = f.integer("volunteerActivities", 0, MAX_COUNT);
        boolean organizationalLifeMeetingHeld = f.bool("organizationalLifeMeetingHeld");
        boolean democraticReviewHeld = f.bool("democraticReviewHeld");
        double studyAttendanceRate = f.number("studyAttendanceRate", 0, 1);
        double massSatisfaction = f.number("massSatisfaction", 0, 1);
        int members = f.integer("members", 0, UNBOUNDED);
        int newMembers = f.integer("newMembers", 0, UNBOUNDED);
        int yearsSinceLastNewMember = f.integer("yearsSinceLastNewMember", 0, UNBOUNDED);
        int floatingMembers = f.integer("floatingMembers", 0, UNBOUNDED);
        int floatingMembersInContact = f.integer("floatingMembersInContact", 0, UNBOUNDED);
        boolean floatingLedgerUpToDate = f.bool("floatingLedgerUpToDate");
        int secretaryVacantMonths = f.integer("secretaryVacantMonths", 0, MAX_VACANT_MONTHS);
        int committeeSeatsRequired = f.integer("committeeSeatsRequired", 1, UNBOUNDED);
        int committeeSeatsFilled = f.integer("committeeSeatsFilled", 0, UNBOUNDED);
        int disciplineCasesLeadership = f.integer("disciplineCasesLeadership", 0, UNBOUNDED);
        int disciplineCasesMembers = f.integer("disciplineCasesMembers", 0, UNBOUNDED);
        boolean hasServiceCenter = f.bool("hasServiceCenter");
        boolean centerSignage = f.bool("centerSignage");
        boolean centerAppearance = f.bool("centerAppearance");
        boolean centerEquipment = f.bool("centerEquipment");
        boolean centerAtmosphere = f.bool("centerAtmosphere");
        boolean integrationWorkingBody = f.bool("integrationWorkingBody");
        boolean integrationCrossAppointment = f.bool("integrationCrossAppointment");
        boolean integrationSharedVenue = f.bool("integrationSharedVenue");
        boolean integrationJointActivities = f.bool("integrationJointActivities");
        boolean integrationJointSystems = f.bool("integrationJointSystems");
        double reserveFundBalanceYuan = f.yuan("reserveFundBalanceYuan");
        double collectiveIncomeYuan = f.yuan("collectiveIncomeYuan");
        boolean guideAssigned = f.bool("guideAssigned");
        boolean contactPointAssigned = f.bool("contactPointAssigned");
        boolean firstSecretaryAssigned = f.bool("firstSecretaryAssigned");
        int disputesUnresolved = f.integer("disputesUnresolved", 0, UNBOUNDED);
        int petitionsRepeated = f.integer("petitionsRepeated", 0, UNBOUNDED);
        DemonstrationLevel demonstrationLevel = f.enumValue("demonstrationLevel", DemonstrationLevel.class);

        notAbove(f, "newMembers", newMembers, "members", members);
        if (f.valid("newMembers", "yearsSinceLastNewMember") && newMembers >= 1 && yearsSinceLastNewMember != 0) {
            f.problem("yearsSinceLastNewMember",
                    "must be 0 when newMembers is at least 1 (newMembers is " + newMembers + ")");
        }
        notAbove(f, "floatingMembersInContact", floatingMembersInContact, "floatingMembers", floatingMembers);
        notAbove(f, "floatingMembers", floatingMembers, "members", members);
        notAbove(f, "committeeSeatsFilled", committeeSeatsFilled, "committeeSeatsRequired", committeeSeatsRequired);

        return new PeriodFacts(orgCode, period, branchGeneralMeetings, committeeMeetings, partyGroupMeetings,
                partyLectures, themePartyDays, studyDays, villageCommitteeMeetings, volunteerActivities,
                organizationalLifeMeetingHeld, democraticReviewHeld, studyAttendanceRate, massSatisfaction,
                members, newMembers, yearsSinceLastNewMember, floatingMembers, floatingMembersInContact,
                floatingLedgerUpToDate, secretaryVacantMonths, committeeSeatsRequired, committeeSeatsFilled,
                disciplineCasesLeadership, disciplineCasesMembers, hasServiceCenter, centerSignage,
                centerAppearance, centerEquipment, centerAtmosphere, integrationWorkingBody,
                integrationCrossAppointment, integrationSharedVenue, integrationJointActivities,
                integrationJointSystems, reserveFundBalanceYuan, collectiveIncomeYuan, guideAssigned,
                contactPointAssigned, firstSecretaryAssigned, disputesUnresolved, petitionsRepeated,
                demonstrationLevel);
    }

    /** Reports {@code field} when it exceeds {@code limitField}, both having valid values. */
    private static void notAbove(ObjectFields f, String field, int value, String limitField, int limit) {
        if (f.valid(field, limitField) && value > limit) {
            f.problem(field, "must not exceed " + limitField + " (" + limit + ")");
        }
    }
}
