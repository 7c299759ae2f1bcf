package org.grassroots.assessment.server.selfreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.server.selfreport.FactState.APPROVED;
import static org.grassroots.assessment.server.selfreport.FactState.NEW;
import static org.grassroots.assessment.server.selfreport.FactState.RETURNED;
import static org.grassroots.assessment.server.selfreport.FactState.SUBMITTED;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.junit.jupiter.api.Test;

/** Where a report stands from its facts, and who reviews whose report. */
class ReportStatusTest {

    @Test
    void a_returned_fact_outweighs_a_waiting_one_and_approved_needs_every_fact() {
        assertThat(ReportStatus.of(List.of(APPROVED, SUBMITTED, RETURNED))).isEqualTo(ReportStatus.RETURNED);
        assertThat(ReportStatus.of(List.of(APPROVED, SUBMITTED))).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(ReportStatus.of(List.of(APPROVED, APPROVED))).isEqualTo(ReportStatus.APPROVED);
        assertThat(ReportStatus.of(List.of(APPROVED, NEW))).isEqualTo(ReportStatus.NOT_STARTED);
        assertThat(ReportStatus.of(List.of())).isEqualTo(ReportStatus.NOT_STARTED);
    }

    private static final Map<String, Organization> TREE = Map.of(
            "XQ", org("XQ", OrgLevel.COMMITTEE, null),
            "XQ-Z01", org("XQ-Z01", OrgLevel.COMMITTEE, "XQ"),
            "Z01-V02", org("Z01-V02", OrgLevel.GENERAL_BRANCH, "XQ-Z01"),
            "Z01-V02-B1", org("Z01-V02-B1", OrgLevel.BRANCH, "Z01-V02"),
            "XQ-ORG1", org("XQ-ORG1", OrgLevel.BRANCH, "XQ"),
            "LOOSE", org("LOOSE", OrgLevel.BRANCH, "UNKNOWN"));

    @Test
    void the_nearest_committee_below_the_district_reviews_else_the_office() {
        assertThat(unit("Z01-V02").committeeCode()).isEqualTo("XQ-Z01");
        assertThat(unit("Z01-V02-B1").committeeCode()).as("past a general branch").isEqualTo("XQ-Z01");
        assertThat(unit("XQ-Z01").isOffice()).as("a township itself").isTrue();
        assertThat(unit("XQ-ORG1").isOffice()).as("directly under the district").isTrue();
        assertThat(unit("XQ").isOffice()).as("the district's own committee").isTrue();
        assertThat(unit("LOOSE").isOffice()).as("a parent not on record").isTrue();
        assertThat(unit("Z01-V02").name()).isEqualTo("XQ-Z01 name");
        assertThat(unit("XQ-ORG1").name()).isEqualTo(ReviewingUnit.OFFICE_NAME);
    }

    private static ReviewingUnit unit(String code) {
        return ReviewingUnit.of(code, c -> Optional.ofNullable(TREE.get(c)));
    }

    private static Organization org(String code, OrgLevel level, String parent) {
        return new Organization(code, code + " name", OrgType.VILLAGE, level, parent, null, false);
    }
}
