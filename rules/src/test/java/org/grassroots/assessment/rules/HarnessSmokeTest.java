package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;
import org.junit.jupiter.api.Test;

class HarnessSmokeTest {

    @Test
    void an_exemplary_village_without_members_is_graded_on_its_facts() {
        OrganizationResult r = new PolicyHarness().org("V1", OrgType.VILLAGE, "2026").result("V1", "2026");
        assertThat(PolicyHarness.points(r, "CO-01")).isEqualTo(50.0);
        assertThat(PolicyHarness.points(r, "CO-04")).isEqualTo(0.0);
        assertThat(r.tier()).isNotEqualTo(Tier.WEAK);
    }
}
