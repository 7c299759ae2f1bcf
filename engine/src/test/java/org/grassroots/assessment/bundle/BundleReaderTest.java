package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.assessment.bundle.TestBundles.MAPPER;
import static org.grassroots.assessment.bundle.TestBundles.paths;
import static org.grassroots.assessment.bundle.TestBundles.problems;
import static org.grassroots.assessment.bundle.TestBundles.resource;
import static org.grassroots.assessment.bundle.TestBundles.with;
import static org.grassroots.assessment.bundle.TestBundles.without;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

class BundleReaderTest {

    /** The worked example has visits up to 2026-10-09, so it is read at the end of 2026. */
    private static final BundleReader END_OF_2026 = new BundleReader(
            Clock.fixed(Instant.parse("2026-12-31T12:00:00Z"), ZoneOffset.UTC), StoredRecords.NONE);

    @Test
    void readsTheWorkedExample() throws Exception {
        Bundle bundle;
        try (InputStream in = resource("worked-example.json")) {
            bundle = END_OF_2026.read(in);
        }

        assertThat(bundle.organizations()).hasSize(7);
        assertThat(bundle.periodFacts()).hasSize(9);
        assertThat(bundle.members()).hasSize(55);
        assertThat(bundle.visits()).hasSize(8);

        assertThat(bundle.organizations()).first().isEqualTo(
                new Organization("XQ", "X区党工委", OrgType.ORGAN, OrgLevel.COMMITTEE, null, null, false));
        assertThat(organization(bundle, "V-HONGQI")).isEqualTo(new Organization(
                "V-HONGQI", "红旗村党支部", OrgType.VILLAGE, OrgLevel.BRANCH, "XQ-T01", null, true));
        assertThat(organization(bundle, "E-HANGKE").enterpriseCategory()).isEqualTo(EnterpriseCategory.KEY);

        PeriodFacts shiqiao = bundle.periodFacts().get(3);
        assertThat(shiqiao.orgCode()).isEqualTo("V-SHIQIAO");
        assertThat(shiqiao.period()).isEqualTo("2026");
        assertThat(shiqiao.floatingMembers()).isEqualTo(6);
        assertThat(shiqiao.floatingMembersInContact()).isEqualTo(2);
        assertThat(shiqiao.secretaryVacantMonths()).isEqualTo(8);
        assertThat(shiqiao.massSatisfaction()).isEqualTo(0.55);
        assertThat(shiqiao.collectiveIncomeYuan()).isEqualTo(20000.0);
        assertThat(shiqiao.organizationalLifeMeetingHeld()).isFalse();
        assertThat(bundle.periodFacts().get(2).demonstrationLevel()).isEqualTo(DemonstrationLevel.DISTRICT);

        MemberRecord hq07 = bundle.members().stream().filter(m -> m.memberId().equals("HQ-07")).findFirst().orElseThrow();
        assertThat(hq07.serviceHours()).isEqualTo(52.5);
        assertThat(hq07.appraisal()).isEqualTo(Appraisal.COMPETENT);
        assertThat(hq07.orgCode()).isEqualTo("V-HONGQI");

        Visit hongqi = visit(bundle, "MC-2026-001");
        assertThat(hongqi.date()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(hongqi.mode()).isEqualTo(VisitMode.OPEN);
        assertThat(hongqi.inspectors()).containsExactly("王明");
        assertThat(hongqi.location()).isNull();
        assertThat(hongqi.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("C06");
            assertThat(finding.rectification()).isEqualTo(new ImportedRectification(
                    RectificationStatus.VERIFIED, LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 25)));
        });

        List<Finding> shiqiaoFindings = visit(bundle, "AF-2026-020").findings();
        assertThat(shiqiaoFindings).extracting(Finding::item, Finding::severity, Finding::deduction).containsExactly(
                tuple("C01", null, null), tuple("C02", null, null), tuple("C03", Severity.CRITICAL, null),
                tuple("C11", null, null), tuple("C12", null, 12));
        assertThat(shiqiaoFindings.get(4).note()).isEqualTo("公开栏内容两年未更新");
        assertThat(shiqiaoFindings.get(0).evidence()).isEmpty();
        assertThat(visit(bundle, "AF-2026-033").findings().get(1).rectification()).isEqualTo(
                new ImportedRectification(RectificationStatus.SUBMITTED, LocalDate.of(2026, 3, 30), null));
    }

    @Test
    void readsFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bundle.json");
        try (InputStream in = resource("worked-example.json")) {
            Files.copy(in, file);
        }
        assertThat(END_OF_2026.read(file).members()).hasSize(55);
    }

    /**
     * The streaming read keeps every record of an organization (all periods) in one part, each
     * section in bundle order, the records equal to the in-memory read's; closing deletes the files.
     */
    @Test
    void spillsTheWorkedExampleInPartsByOrganization(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bundle.json");
        try (InputStream in = resource("worked-example.json")) {
            Files.copy(in, file);
        }
        Bundle whole = END_OF_2026.read(file);
        Path temp = Files.createDirectory(dir.resolve("temp"));
        List<Organization> organizations = new java.util.ArrayList<>();
        List<PeriodFacts> facts = new java.util.ArrayList<>();
        List<MemberRecord> members = new java.util.ArrayList<>();
        List<Visit> visits = new java.util.ArrayList<>();
        try (SpilledBundle spilled = END_OF_2026.spill(file, temp, 4)) {
            assertThat(spilled.parts()).isEqualTo(4);
            for (int part = 0; part < spilled.parts(); part++) {
                Bundle records = spilled.part(part);
                java.util.Set<String> codes = new java.util.HashSet<>();
                records.organizations().forEach(o -> codes.add(o.code()));
                assertThat(records.periodFacts()).allMatch(f -> codes.contains(f.orgCode()));
                assertThat(records.members()).allMatch(m -> codes.contains(m.orgCode()));
                assertThat(records.visits()).allMatch(v -> codes.contains(v.orgCode()));
                assertThat(whole.members()).containsSubsequence(records.members());
                organizations.addAll(records.organizations());
                facts.addAll(records.periodFacts());
                members.addAll(records.members());
                visits.addAll(records.visits());
            }
        }
        assertThat(organizations).containsExactlyInAnyOrderElementsOf(whole.organizations());
        assertThat(facts).containsExactlyInAnyOrderElementsOf(whole.periodFacts());
        assertThat(members).containsExactlyInAnyOrderElementsOf(whole.members());
        assertThat(visits).containsExactlyInAnyOrderElementsOf(whole.visits());
        try (var left = Files.list(temp)) {
            assertThat(left).as("temporary files after close").isEmpty();
        }
    }

    @Test
    void readsAnEmptyBundle() throws Exception {
        Bundle bundle = TestBundles.READER.read(new ByteArrayInputStream("{}".getBytes()));
        assertThat(bundle.organizations()).isEmpty();
        assertThat(bundle.visits()).isEmpty();
    }

    /** Acceptance criterion: ten different mistakes, ten problems, each at its exact path. */
    @Test
    void reportsTenMistakesAsTenProblemsInDocumentOrder() throws IOException {
        ObjectNode bundle;
        try (InputStream in = resource("worked-example.json")) {
            bundle = (ObjectNode) MAPPER.readTree(in);
        }
        // In an order different from the document's, to show the result is in document order.
        with(bundle, "/visits/5/findings/1/rectification/verifiedOn", "2026-04-02"); // SUBMITTED with verifiedOn
        with(bundle, "/periodFacts/3/floatingMembersInContact", 7);                 // more than floatingMembers
        with(bundle, "/organizations/3/hasPartyGroup", true);                       // unknown field (typo)
        without(bundle, "/organizations/5/enterpriseCategory");                     // required for ENTERPRISE
        with(bundle, "/periodFacts/0/studyAttendanceRate", "0.97");                 // number as a string
        with(bundle, "/periodFacts/2/committeeMeetings", 1.5);                      // not an integer
        with(bundle, "/members/0/appraisal", "GOOD");                               // not an enum name
        with(bundle, "/members/10/period", "2026-Q5");                              // not a period
        with(bundle, "/visits/0/orgCode", "V-NOWHERE");                             // unknown organization
        without(bundle, "/visits/3/findings/4/deduction");                          // required for C12

        List<Problem> problems = problems(END_OF_2026, bundle);

        assertThat(paths(problems)).containsExactly(
                "/organizations/3/hasPartyGroup",
                "/organizations/5/enterpriseCategory",
                "/periodFacts/0/studyAttendanceRate",
                "/periodFacts/2/committeeMeetings",
                "/periodFacts/3/floatingMembersInContact",
                "/members/0/appraisal",
                "/members/10/period",
                "/visits/0/orgCode",
                "/visits/3/findings/4/deduction",
                "/visits/5/findings/1/rectification/verifiedOn");
        assertThat(problems).extracting(Problem::message).containsExactly(
                "unknown field \"hasPartyGroup\" (did you mean \"hasPartyGroups\"?)",
                "is required for type ENTERPRISE",
                "must be a number, got \"0.97\"",
                "must be an integer, got 1.5",
                "must not exceed floatingMembers (6)",
                "must be one of EXCELLENT, COMPETENT, BASICALLY_COMPETENT, INCOMPETENT, got \"GOOD\"",
                "must be a period YYYY or YYYY-Qn (n 1–4), got \"2026-Q5\"",
                "unknown organization \"V-NOWHERE\"",
                "is required",
                "must be absent when status is SUBMITTED");
    }

    @Test
    void ordersProblemsOfOneRecordByTheirPlaceInTheDocument() {
        ObjectNode member = TestBundles.member("M9", "V-A", "2026");
        member.remove("memberId");
        member.remove("testScore");
        member.put("serviceHours", -1);
        ObjectNode reordered = MAPPER.createObjectNode();
        reordered.put("testScore", 101);
        reordered.setAll(member);
        reordered.put("memberIdx", "M9");
        ObjectNode bundle = TestBundles.validBundle();
        TestBundles.array(bundle, "/members").add(reordered);

        assertThat(paths(problems(bundle))).containsExactly(
                "/members/2/testScore", "/members/2/serviceHours", "/members/2/memberIdx", "/members/2/memberId");
    }

    private static Organization organization(Bundle bundle, String code) {
        return bundle.organizations().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    private static Visit visit(Bundle bundle, String visitId) {
        return bundle.visits().stream().filter(v -> v.visitId().equals(visitId)).findFirst().orElseThrow();
    }
}
