package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.evaluation.SubmittedFacts;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.selfreport.FactLine;
import org.grassroots.assessment.server.selfreport.FactState;
import org.grassroots.assessment.server.selfreport.ReportStatus;
import org.grassroots.assessment.server.selfreport.ReportView;
import org.grassroots.assessment.server.selfreport.SelfReportProgress;
import org.grassroots.assessment.server.selfreport.SelfReporting;
import org.grassroots.assessment.server.selfreport.SelfReporting.Decision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * The self-report rules the browser test does not reach, on the service (with the demo server's
 * context, so no second application starts): a new organization of 石门镇 reporting for 2024, a
 * period no other test uses. A draft may leave facts empty, a submission may not; a new
 * organization's facts are written only once every fact is approved, while an evaluation on the
 * latest facts already has them; an approval that would break the record is refused at its facts
 * and changes nothing; each person may do only their part.
 */
class SelfReportRulesTest extends BrowserTest {

    private static final String PERIOD = "2024";
    private static final String ORG = "Z02-SR1";
    private static final SignedInUser VILLAGE = user("sr1", Role.ORG_REP, ORG);
    private static final SignedInUser TOWNSHIP = user("shimen", Role.ORG_REP, "XQ-Z02");
    private static final SignedInUser OFFICE = user("evaluator", Role.EVALUATOR, null);

    @Autowired
    SelfReporting reporting;

    @Autowired
    SelfReportProgress progress;

    @Autowired
    SubmittedFacts submitted;

    @Autowired
    OrganizationService organizations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_new_organizations_facts_count_once_every_fact_is_approved_and_a_broken_record_is_refused() {
        Api admin = new Api(port, TestUsers.admin());
        Api.Reply put = admin.put("/api/organizations/" + ORG, "{\"name\":\"自评测试村党支部\",\"type\":\"VILLAGE\","
                + "\"level\":\"BRANCH\",\"parentCode\":\"XQ-Z02\"}");
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        Map<String, String> all = typed(organizations.storedFacts("Z02-V01", "2026").orElseThrow());

        // a draft may leave facts empty; a submission may not
        as(VILLAGE);
        ReportView draft = reporting.save(VILLAGE, ORG, PERIOD, Map.of("members", "30", "newMembers", "1"), Map.of(), false);
        assertThat(draft.hasErrors()).isFalse();
        assertThat(draft.status()).isEqualTo(ReportStatus.NOT_STARTED);
        ReportView incomplete = reporting.save(VILLAGE, ORG, PERIOD, Map.of("members", "30"), Map.of(), true);
        assertThat(fact(incomplete, "partyLectures").error()).isEqualTo("必填，不能为空");
        assertThat(fact(reporting.view(ORG, PERIOD), "members").input()).as("nothing stored").isEqualTo("30");
        assertThat(fact(reporting.view(ORG, PERIOD), "newMembers").input()).isEqualTo("1");

        // the whole record, typed as people type (full-width digits, a percentage)
        Map<String, String> filled = new HashMap<>(all);
        filled.put("members", "３０");
        filled.put("studyAttendanceRate", "92%");
        ReportView sent = reporting.save(VILLAGE, ORG, PERIOD, filled, Map.of(), true);
        assertThat(sent.hasErrors()).as(String.valueOf(sent.facts().stream().filter(f -> f.error() != null).toList()))
                .isFalse();
        assertThat(sent.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(fact(sent, "members").submitted()).isEqualTo("30");
        assertThat(fact(sent, "studyAttendanceRate").submitted()).isEqualTo("0.92");
        assertThat(submitted.latest(PERIOD)).extracting(PeriodFacts::orgCode).containsExactly(ORG);
        assertThatThrownBy(() -> reporting.review(VILLAGE, ORG, PERIOD, Map.of("members", new Decision(true, null))))
                .as("a village never approves its own facts").isInstanceOf(AccessDeniedException.class);

        // approved in part: nothing on record yet
        as(OFFICE);
        assertThatThrownBy(() -> reporting.review(OFFICE, ORG, PERIOD, Map.of("members", new Decision(true, null))))
                .as("the township reviews its villages, not the office").isInstanceOf(AccessDeniedException.class);
        as(TOWNSHIP);
        assertThatThrownBy(() -> reporting.save(TOWNSHIP, ORG, PERIOD, filled, Map.of(), true))
                .as("the township never fills a village's facts").isInstanceOf(AccessDeniedException.class);
        Map<String, Decision> allButOne = new HashMap<>();
        all.keySet().stream().filter(f -> !f.equals("partyLectures")).forEach(f -> allButOne.put(f, new Decision(true, null)));
        ReportView partly = reporting.review(TOWNSHIP, ORG, PERIOD, allButOne);
        assertThat(partly.hasErrors()).isFalse();
        assertThat(partly.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(organizations.storedFacts(ORG, PERIOD)).as("a record is written whole").isEmpty();
        ReportView whole = reporting.review(TOWNSHIP, ORG, PERIOD, Map.of("partyLectures", new Decision(true, null)));
        assertThat(whole.status()).isEqualTo(ReportStatus.APPROVED);
        PeriodFacts onRecord = organizations.storedFacts(ORG, PERIOD).orElseThrow();
        assertThat(onRecord.members()).isEqualTo(30);
        assertThat(onRecord.studyAttendanceRate()).isEqualTo(0.92);
        assertThat(submitted.latest(PERIOD)).as("nothing waits any more").isEmpty();
        assertThat(progress.reviewedBy(PERIOD, "XQ-Z02")).filteredOn(p -> p.organization().code().equals(ORG))
                .extracting(SelfReportProgress.OrganizationProgress::status).containsExactly(ReportStatus.APPROVED);

        // both lowered together is a valid record; approving only one of them would not be
        as(VILLAGE);
        filled.put("floatingMembers", "0");
        filled.put("floatingMembersInContact", "0");
        assertThat(reporting.save(VILLAGE, ORG, PERIOD, filled, Map.of(), true).hasErrors()).isFalse();
        as(TOWNSHIP);
        ReportView refused = reporting.review(TOWNSHIP, ORG, PERIOD, Map.of("floatingMembers", new Decision(true, null)));
        assertThat(fact(refused, "floatingMembersInContact").error()).startsWith("批准后不能超过“流动党员（名）”（0）");
        assertThat(fact(reporting.view(ORG, PERIOD), "floatingMembers").state()).isEqualTo(FactState.SUBMITTED);
        assertThat(organizations.storedFacts(ORG, PERIOD).orElseThrow().floatingMembers())
                .isEqualTo(onRecord.floatingMembers());
        ReportView both = reporting.review(TOWNSHIP, ORG, PERIOD, Map.of("floatingMembers", new Decision(true, null),
                "floatingMembersInContact", new Decision(true, null)));
        assertThat(both.hasErrors()).isFalse();
        assertThat(organizations.storedFacts(ORG, PERIOD).orElseThrow().floatingMembers()).isZero();
        assertThat(both.revisions()).extracting(r -> r.action().name())
                .filteredOn("APPROVED"::equals).hasSize(all.size() + 2);
    }

    private static FactLine fact(ReportView view, String field) {
        return view.facts().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow();
    }

    /** A record's facts as a person would type them (是/否 as the form's true/false, choices by value). */
    private static Map<String, String> typed(PeriodFacts facts) {
        JsonNode tree = ResultJson.mapper().valueToTree(facts);
        Map<String, String> typed = new HashMap<>();
        tree.properties().forEach(e -> {
            if (!List.of("orgCode", "period").contains(e.getKey())) {
                typed.put(e.getKey(), e.getValue().asString());
            }
        });
        return typed;
    }

    private static void as(SignedInUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private static SignedInUser user(String name, Role role, String orgCode) {
        return new SignedInUser(name, null, name, role, orgCode, true, "test");
    }
}
