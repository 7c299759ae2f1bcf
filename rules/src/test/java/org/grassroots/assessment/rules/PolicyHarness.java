package org.grassroots.assessment.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.grassroots.assessment.evaluation.AssessmentData;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.CalibrationPeriod;
import org.grassroots.assessment.evaluation.DoubtfulVisit;
import org.grassroots.assessment.evaluation.PhotoTaken;
import org.grassroots.assessment.evaluation.DueVisit;
import org.grassroots.assessment.evaluation.PlanningDay;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.grassroots.assessment.rectification.RectificationStep;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/**
 * Small, readable cases for rule tests: one organization with exemplary facts that a test changes
 * where its rule looks, evaluated with the shipped rule set.
 */
public final class PolicyHarness {

    private static final RuleSet RULES;

    static {
        try {
            RULES = RuleSetLoader.defaultRuleSet();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static RuleSet rules() {
        return RULES;
    }

    private final List<Organization> organizations = new ArrayList<>();
    private final List<PeriodFacts> facts = new ArrayList<>();
    private final List<MemberRecord> members = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    private final Map<String, RectificationHistory> histories = new HashMap<>();
    private final List<PhotoTaken> photos = new ArrayList<>();

    /** An exemplary organization of the type in the period: every requirement met, no findings. */
    public PolicyHarness org(String code, OrgType type, String period) {
        return org(code, type, period, f -> f);
    }

    public PolicyHarness org(String code, OrgType type, String period, UnaryOperator<Facts> change) {
        if (organizations.stream().noneMatch(o -> o.code().equals(code))) {
            organizations.add(new Organization(code, code + "党支部", type, OrgLevel.BRANCH, null,
                    type == OrgType.ENTERPRISE ? EnterpriseCategory.KEY : null, false));
        }
        facts.add(change.apply(Facts.exemplary(code, period)).build());
        return this;
    }

    /** Replaces the organization record (e.g. to set hasPartyGroups or the enterprise category). */
    public PolicyHarness organization(Organization org) {
        organizations.removeIf(o -> o.code().equals(org.code()));
        organizations.add(org);
        return this;
    }

    public PolicyHarness member(MemberRecord member) {
        members.add(member);
        return this;
    }

    /** A plain member record with no title: competent, 10 service hours, no results, study 0.8/80. */
    public static MemberRecord plainMember(String id, String orgCode, String period) {
        return new MemberRecord(id, orgCode, period, false, 10, Appraisal.COMPETENT, 0, 0, 0.8, 80, false);
    }

    public PolicyHarness visit(String visitId, String orgCode, String date, VisitMode mode, Finding... findings) {
        visits.add(new Visit(visitId, orgCode, LocalDate.parse(date), mode, "第一督查组", List.of("王明"), null,
                List.of(findings)));
        return this;
    }

    /** A visit by a team and its inspectors (督查校准). */
    public PolicyHarness teamVisit(String visitId, String orgCode, String date, VisitMode mode, String team,
            List<String> inspectors, Finding... findings) {
        visits.add(new Visit(visitId, orgCode, LocalDate.parse(date), mode, team, inspectors, null, List.of(findings)));
        return this;
    }

    /** The calibration of the visits from {@code from} to {@code to} (98-calibration.drl), none withdrawn. */
    public Evaluator.Calibrated calibrate(String from, String to) {
        return new Evaluator(RULES).calibrate(data(), List.copyOf(organizations),
                new CalibrationPeriod(LocalDate.parse(from), LocalDate.parse(to)), Map.of(), Map.of());
    }

    /** A visit recorded at a place (PL-04), without findings. */
    public PolicyHarness visitAt(String visitId, String orgCode, String date, GeoLocation at) {
        visits.add(new Visit(visitId, orgCode, LocalDate.parse(date), VisitMode.OPEN, "第一督查组", List.of("王明"), at,
                List.of()));
        return this;
    }

    /** A photo of the visit whose embedded time says it was taken on the day (PL-04). */
    public PolicyHarness photo(String visitId, String orgCode, String photo, String takenOn) {
        photos.add(new PhotoTaken(orgCode, visitId, photo, LocalDate.parse(takenOn)));
        return this;
    }

    public static Finding finding(String item) {
        return new Finding(item, null, null, null, List.of(), null);
    }

    public static Finding finding(String item, Severity severity) {
        return new Finding(item, severity, null, null, List.of(), null);
    }

    public static Finding other(int deduction) {
        return new Finding("C12", null, deduction, "其他问题", List.of(), null);
    }

    public static Finding rectified(String item, Severity severity, ImportedRectification state) {
        return new Finding(item, severity, null, null, List.of(), state);
    }

    public Bundle bundle() {
        return new Bundle(organizations, facts, members, visits);
    }

    public EvaluationResult evaluate(String period, String asOf) {
        return new Evaluator(RULES).evaluate(data(), Period.parse(period), LocalDate.parse(asOf));
    }

    public EvaluationResult evaluate(String period, String asOf, PreviousGrades previous) {
        return new Evaluator(RULES).evaluate(data(), Period.parse(period), LocalDate.parse(asOf), previous);
    }

    /** The result of one organization, evaluated for the period as of its end. */
    public OrganizationResult result(String code, String period) {
        Period p = Period.parse(period);
        return result(code, period, p.end().toString());
    }

    public OrganizationResult result(String code, String period, String asOf) {
        return evaluate(period, asOf).organizations().stream()
                .filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + code));
    }

    /** The points of a rule's line, or null when the rule gave none. */
    public static Double points(OrganizationResult result, String rule) {
        return result.explanation().stream().filter(l -> l.rule().equals(rule))
                .map(ExplanationLine::points).findFirst().orElse(null);
    }

    public static ExplanationLine line(OrganizationResult result, String rule) {
        return result.explanation().stream().filter(l -> l.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + rule + " in " + result.explanation()));
    }

    // ── additions for the rule-family tests ─────────────────────────────────────────────────

    /** An organization record with a parent, an enterprise category and party groups as given. */
    public static Organization organization(String code, OrgType type, String parentCode, EnterpriseCategory category,
            boolean hasPartyGroups) {
        return new Organization(code, code + "党支部", type, OrgLevel.BRANCH, parentCode, category, hasPartyGroups);
    }

    /** Adds {@code count} member records of the organization that each earn one title (DEDICATION). */
    public PolicyHarness titledMembers(String orgCode, String period, int count) {
        for (int i = 1; i <= count; i++) {
            member(excellentMember(orgCode + "-T" + i, orgCode, period));
        }
        return this;
    }

    /** Adds {@code count} plain member records (no title) of the organization. */
    public PolicyHarness plainMembers(String orgCode, String period, int count) {
        for (int i = 1; i <= count; i++) {
            member(plainMember(orgCode + "-P" + i, orgCode, period));
        }
        return this;
    }

    /** A member record whose only title is DEDICATION (appraisal EXCELLENT, otherwise plain). */
    public static MemberRecord excellentMember(String id, String orgCode, String period) {
        return new MemberRecord(id, orgCode, period, false, 10, Appraisal.EXCELLENT, 0, 0, 0.8, 80, false);
    }

    /** A plain member record with the given service hours. */
    public static MemberRecord serviceMember(String id, String orgCode, String period, double hours) {
        return new MemberRecord(id, orgCode, period, false, hours, Appraisal.COMPETENT, 0, 0, 0.8, 80, false);
    }

    public static Finding finding(String item, String note) {
        return new Finding(item, null, null, note, List.of(), null);
    }

    public static Finding other(int deduction, Severity severity) {
        return new Finding("C12", severity, deduction, "其他问题", List.of(), null);
    }

    /** A finding (catalog severity) whose item was reported fixed on the date and awaits verification. */
    public static Finding submitted(String item, String submittedOn) {
        return new Finding(item, null, null, null, List.of(),
                new ImportedRectification(RectificationStatus.SUBMITTED, LocalDate.parse(submittedOn), null));
    }

    /** A finding (catalog severity) whose item was reported fixed and verified on the dates. */
    public static Finding verified(String item, String submittedOn, String verifiedOn) {
        return new Finding(item, null, null, null, List.of(), new ImportedRectification(RectificationStatus.VERIFIED,
                LocalDate.parse(submittedOn), LocalDate.parse(verifiedOn)));
    }

    /** Sets the lifecycle steps of a finding's item (as the server records them), e.g. submit then reject. */
    public PolicyHarness history(String visitId, int position, RectificationStep... steps) {
        histories.put(visitId + '\u0000' + position, new RectificationHistory(List.of(steps)));
        return this;
    }

    public static RectificationStep submit(String date) {
        return new RectificationStep(StepKind.SUBMIT, LocalDate.parse(date));
    }

    public static RectificationStep verify(String date) {
        return new RectificationStep(StepKind.VERIFY, LocalDate.parse(date));
    }

    public static RectificationStep reject(String date) {
        return new RectificationStep(StepKind.REJECT, LocalDate.parse(date));
    }

    /** The bundle as evaluation data, with the lifecycle steps set by {@link #history} in place of the bundle's. */
    public AssessmentData data() {
        if (histories.isEmpty() && photos.isEmpty()) {
            return new BundleData(bundle());
        }
        Map<String, RectificationHistory> steps = Map.copyOf(histories);
        List<PhotoTaken> taken = List.copyOf(photos);
        return new BundleData(bundle()) {
            @Override
            public RectificationHistory findingHistory(String visitId, int position) {
                RectificationHistory h = steps.get(visitId + '\u0000' + position);
                return h != null ? h : super.findingHistory(visitId, position);
            }

            @Override
            public List<PhotoTaken> photosTaken(String visitId) {
                return taken.stream().filter(p -> p.visitId().equals(visitId)).toList();
            }
        };
    }

    /**
     * The visits due on the day (the PL rules) for every organization of the harness, with their
     * latest published grades, the records beginning on {@code recordsStart}.
     */
    public List<DueVisit> plan(String asOf, String recordsStart, PublishedGrade... published) {
        return planned(asOf, recordsStart, published).due();
    }

    /** The visits in doubt on the day (PL-04) for every organization of the harness. */
    public List<DoubtfulVisit> doubts(String asOf, String recordsStart) {
        return planned(asOf, recordsStart).doubts();
    }

    private Evaluator.PlannedVisits planned(String asOf, String recordsStart, PublishedGrade... published) {
        Map<String, PublishedGrade> grades = new HashMap<>();
        for (PublishedGrade g : published) {
            grades.put(g.orgCode(), g);
        }
        return new Evaluator(RULES).planVisits(data(), List.copyOf(organizations),
                new PlanningDay(LocalDate.parse(asOf), LocalDate.parse(recordsStart)), grades);
    }

    /** What the UP rules find within reach for every organization of the harness, as of the date. */
    public List<org.grassroots.assessment.evaluation.UpgradeLever> levers(String period, String asOf) {
        return new Evaluator(RULES).upgradeLevers(data(), Period.parse(period), LocalDate.parse(asOf),
                List.copyOf(organizations)).levers();
    }

    /** The rectification items the UP rules find may still be submitted, for every organization of the harness. */
    public List<org.grassroots.assessment.evaluation.RectificationLever> submissions(String period, String asOf) {
        return new Evaluator(RULES).upgradeLevers(data(), Period.parse(period), LocalDate.parse(asOf),
                List.copyOf(organizations)).submissions();
    }

    /** Evaluates the period as of its end. */
    public EvaluationResult evaluate(String period) {
        return evaluate(period, Period.parse(period).end().toString());
    }

    /** The rectification items of an organization in a result, in ledger order. */
    public static List<RectificationItem> items(EvaluationResult result, String orgCode) {
        return result.rectifications().stream().filter(i -> i.orgCode().equals(orgCode)).toList();
    }

    /** The rectification item of an organization with a rule id (the first one in ledger order), or null. */
    public static RectificationItem item(EvaluationResult result, String orgCode, String rule) {
        return items(result, orgCode).stream().filter(i -> i.rule().equals(rule)).findFirst().orElse(null);
    }

    /** The score of a visit as published with the organization's result. */
    public static double visitScore(OrganizationResult result, String visitId) {
        return result.visits().stream().filter(v -> v.visitId().equals(visitId)).findFirst()
                .orElseThrow(() -> new AssertionError("no visit " + visitId + " in " + result.visits())).score();
    }

    /** The rule ids of the explanation lines, in their published order. */
    public static List<String> rules(OrganizationResult result) {
        return result.explanation().stream().map(ExplanationLine::rule).toList();
    }

    /** Mutable period facts for building a case; starts exemplary. */
    public static final class Facts {
        public String orgCode;
        public String period;
        public int branchGeneralMeetings = 4;
        public int committeeMeetings = 12;
        public int partyGroupMeetings = 12;
        public int partyLectures = 4;
        public int themePartyDays = 12;
        public int studyDays = 12;
        public int villageCommitteeMeetings = 52;
        public int volunteerActivities = 12;
        public boolean organizationalLifeMeetingHeld = true;
        public boolean democraticReviewHeld = true;
        public double studyAttendanceRate = 1.0;
        public double massSatisfaction = 1.0;
        public int members = 10;
        public int newMembers = 1;
        public int yearsSinceLastNewMember = 0;
        public int floatingMembers = 0;
        public int floatingMembersInContact = 0;
        public boolean floatingLedgerUpToDate = true;
        public int secretaryVacantMonths = 0;
        public int committeeSeatsRequired = 5;
        public int committeeSeatsFilled = 5;
        public int disciplineCasesLeadership = 0;
        public int disciplineCasesMembers = 0;
        public boolean hasServiceCenter = true;
        public boolean centerSignage = true;
        public boolean centerAppearance = true;
        public boolean centerEquipment = true;
        public boolean centerAtmosphere = true;
        public boolean integrationWorkingBody = true;
        public boolean integrationCrossAppointment = true;
        public boolean integrationSharedVenue = true;
        public boolean integrationJointActivities = true;
        public boolean integrationJointSystems = true;
        public double reserveFundBalanceYuan = 10000;
        public double collectiveIncomeYuan = 300000;
        public boolean guideAssigned = true;
        public boolean contactPointAssigned = true;
        public boolean firstSecretaryAssigned = true;
        public int disputesUnresolved = 0;
        public int petitionsRepeated = 0;
        public org.grassroots.assessment.model.DemonstrationLevel demonstrationLevel =
                org.grassroots.assessment.model.DemonstrationLevel.NONE;

        static Facts exemplary(String orgCode, String period) {
            Facts f = new Facts();
            f.orgCode = orgCode;
            f.period = period;
            return f;
        }

        PeriodFacts build() {
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
    }
}
