package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.assessment.rules.PolicyHarness.finding;
import static org.grassroots.assessment.rules.PolicyHarness.organization;
import static org.grassroots.assessment.rules.PolicyHarness.other;

import java.util.List;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.VisitMode;
import org.junit.jupiter.api.Test;

/**
 * Policy section 6: rank order (composite ↓, COMBAT ↓, inspection score ↓ with absent lowest, code ↑),
 * competition ranks, per-type and per-parent ranks, and REVERSE_RANKED for types with at least 20
 * organizations. Exemplary organizations have composite 88.5 and COMBAT 95; a CITY site 91.
 */
class RankingRulesTest {

    private static List<String> codes(EvaluationResult result) {
        return result.organizations().stream().map(OrganizationResult::code).toList();
    }

    private static OrganizationResult org(EvaluationResult result, String code) {
        return result.organizations().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> reverseRanked(EvaluationResult result) {
        return result.organizations().stream().filter(o -> o.flags().contains(Flag.REVERSE_RANKED))
                .map(OrganizationResult::code).sorted().toList();
    }

    /** n villages V00, V01, … with satisfaction 1 − i/100: composite 88.5 − 0.075 i, all distinct. */
    private static PolicyHarness villages(PolicyHarness h, int n) {
        for (int i = 0; i < n; i++) {
            double satisfaction = 1 - i / 100.0;
            h.org(String.format("V%02d", i), OrgType.VILLAGE, "2026", f -> {
                f.massSatisfaction = satisfaction;
                return f;
            });
        }
        return h;
    }

    // ── order ────────────────────────────────────────────────────────────────────────────────

    @Test
    void ranking_orders_by_composite_descending() {
        EvaluationResult result = new PolicyHarness()
                .org("A1", OrgType.VILLAGE, "2026")                         // 88.5
                .org("B1", OrgType.VILLAGE, "2026", f -> {                  // 91
                    f.demonstrationLevel = DemonstrationLevel.CITY;
                    return f;
                })
                .org("C1", OrgType.VILLAGE, "2026", f -> {                  // 87.23
                    f.massSatisfaction = 0.83;
                    return f;
                }).evaluate("2026");
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::rank)
                .containsExactly(tuple("B1", 1), tuple("A1", 2), tuple("C1", 3));
    }

    @Test
    void ranking_breaks_a_composite_tie_by_combat() {
        // Z1: COMBAT 95, composite 88.5 − 6 (P-02); A1: COMBAT 80 (secretary vacant), composite 82.5
        EvaluationResult result = new PolicyHarness()
                .org("A1", OrgType.VILLAGE, "2026", f -> {
                    f.secretaryVacantMonths = 1;
                    return f;
                })
                .org("Z1", OrgType.VILLAGE, "2026", f -> {
                    f.disciplineCasesMembers = 3;
                    return f;
                }).evaluate("2026");
        assertThat(org(result, "A1").composite()).isEqualTo(org(result, "Z1").composite());
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::rank)
                .containsExactly(tuple("Z1", 1), tuple("A1", 2));
    }

    @Test
    void ranking_breaks_a_composite_and_combat_tie_by_inspection_score_with_absent_lowest() {
        // C3: visit 84 (CB-05 21) and seats 9/10 (CB-02 9); B2: visit 80 (CB-05 20); A1: no visit (CB-05 20)
        // all COMBAT 95 and composite 88.5
        EvaluationResult result = new PolicyHarness()
                .org("A1", OrgType.VILLAGE, "2026")
                .org("B2", OrgType.VILLAGE, "2026")
                .org("C3", OrgType.VILLAGE, "2026", f -> {
                    f.committeeSeatsRequired = 10;
                    f.committeeSeatsFilled = 9;
                    return f;
                })
                .visit("VB", "B2", "2026-12-20", VisitMode.OPEN, other(20))
                .visit("VC", "C3", "2026-12-20", VisitMode.OPEN, other(16)).evaluate("2026");
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::combat,
                OrganizationResult::inspectionScore, OrganizationResult::rank).containsExactly(
                tuple("C3", 95.0, 84.0, 1), tuple("B2", 95.0, 80.0, 2), tuple("A1", 95.0, null, 3));
    }

    @Test
    void ranking_lists_full_ties_by_code_with_the_same_rank() {
        EvaluationResult result = new PolicyHarness().org("B1", OrgType.VILLAGE, "2026")
                .org("A1", OrgType.VILLAGE, "2026").evaluate("2026");
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::rank)
                .containsExactly(tuple("A1", 1), tuple("B1", 1));
    }

    @Test
    void ranking_is_competition_ranking_1_2_2_4() {
        EvaluationResult result = new PolicyHarness()
                .org("A1", OrgType.VILLAGE, "2026", f -> {                  // 87.23
                    f.massSatisfaction = 0.83;
                    return f;
                })
                .org("B1", OrgType.VILLAGE, "2026")                         // 88.5
                .org("C1", OrgType.VILLAGE, "2026")                         // 88.5
                .org("D1", OrgType.VILLAGE, "2026", f -> {                  // 91
                    f.demonstrationLevel = DemonstrationLevel.CITY;
                    return f;
                }).evaluate("2026");
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::rank)
                .containsExactly(tuple("D1", 1), tuple("B1", 2), tuple("C1", 2), tuple("A1", 4));
    }

    @Test
    void ranks_per_type_and_per_parent_are_counted_within_the_group() {
        // V2 91 (T2), O1 91 (T1), V1 88.5 (T1), O2 87.23 (T2)
        EvaluationResult result = new PolicyHarness()
                .organization(organization("V1", OrgType.VILLAGE, "T1", null, false))
                .organization(organization("V2", OrgType.VILLAGE, "T2", null, false))
                .organization(organization("O1", OrgType.ORGAN, "T1", null, false))
                .organization(organization("O2", OrgType.ORGAN, "T2", null, false))
                .org("V1", OrgType.VILLAGE, "2026")
                .org("V2", OrgType.VILLAGE, "2026", f -> {
                    f.demonstrationLevel = DemonstrationLevel.CITY;
                    return f;
                })
                .org("O1", OrgType.ORGAN, "2026", f -> {
                    f.demonstrationLevel = DemonstrationLevel.CITY;
                    return f;
                })
                .org("O2", OrgType.ORGAN, "2026", f -> {
                    f.massSatisfaction = 0.83;
                    return f;
                }).evaluate("2026");
        assertThat(result.organizations()).extracting(OrganizationResult::code, OrganizationResult::rank,
                OrganizationResult::rankInType, OrganizationResult::rankInParent).containsExactly(
                tuple("O1", 1, 1, 1),
                tuple("V2", 1, 1, 1),
                tuple("V1", 3, 2, 2),
                tuple("O2", 4, 2, 2));
    }

    // ── REVERSE_RANKED: types with ≥ 20 organizations, lowest ⌈5 % × n⌉ and their ties ───────

    @Test
    void reverse_ranked_not_for_a_type_with_19_organizations() {
        assertThat(reverseRanked(villages(new PolicyHarness(), 19).evaluate("2026"))).isEmpty();
    }

    @Test
    void reverse_ranked_the_lowest_1_of_20() {
        EvaluationResult result = villages(new PolicyHarness(), 20).evaluate("2026");
        assertThat(reverseRanked(result)).containsExactly("V19");
        assertThat(org(result, "V19").reasons()).containsKey("REVERSE_RANKED");
    }

    @Test
    void reverse_ranked_the_lowest_2_of_21() {
        assertThat(reverseRanked(villages(new PolicyHarness(), 21).evaluate("2026"))).containsExactly("V19", "V20");
    }

    @Test
    void reverse_ranked_the_lowest_2_of_40() {
        assertThat(reverseRanked(villages(new PolicyHarness(), 40).evaluate("2026"))).containsExactly("V38", "V39");
    }

    @Test
    void reverse_ranked_the_lowest_3_of_41() {
        assertThat(reverseRanked(villages(new PolicyHarness(), 41).evaluate("2026")))
                .containsExactly("V38", "V39", "V40");
    }

    @Test
    void reverse_ranked_includes_ties_with_the_highest_placed_of_the_lowest() {
        // 20 villages; V18 made equal to V19 (satisfaction 0.81): both share the last rank
        PolicyHarness h = villages(new PolicyHarness(), 20);
        // the later facts of an (organization, period) replace the earlier ones, as on re-import
        h.org("V18", OrgType.VILLAGE, "2026", f -> {
            f.massSatisfaction = 0.81;
            return f;
        });
        EvaluationResult result = h.evaluate("2026");
        assertThat(org(result, "V18").rank()).isEqualTo(19);
        assertThat(org(result, "V19").rank()).isEqualTo(19);
        assertThat(reverseRanked(result)).containsExactly("V18", "V19");
    }

    @Test
    void reverse_ranked_of_21_a_tie_above_the_two_lowest_joins_them() {
        // V18 = V19 (0.81): the lowest 2 are V19 and V20; V18 is tied with V19, the higher of them
        PolicyHarness h = villages(new PolicyHarness(), 21);
        h.org("V18", OrgType.VILLAGE, "2026", f -> {
            f.massSatisfaction = 0.81;
            return f;
        });
        assertThat(reverseRanked(h.evaluate("2026"))).containsExactly("V18", "V19", "V20");
    }

    @Test
    void reverse_ranked_of_21_a_tie_between_the_two_lowest_adds_nobody() {
        PolicyHarness h = villages(new PolicyHarness(), 21);
        h.org("V19", OrgType.VILLAGE, "2026", f -> {
            f.massSatisfaction = 0.80;
            return f;
        });
        assertThat(reverseRanked(h.evaluate("2026"))).containsExactly("V19", "V20");
    }

    @Test
    void reverse_ranked_counts_within_each_type() {
        // 20 villages and 3 organs; the organs are the lowest overall but their type has only 3
        PolicyHarness h = villages(new PolicyHarness(), 20);
        for (int i = 0; i < 3; i++) {
            h.org("O" + i, OrgType.ORGAN, "2026", f -> {
                f.massSatisfaction = 0;
                return f;
            });
        }
        EvaluationResult result = h.evaluate("2026");
        assertThat(reverseRanked(result)).containsExactly("V19");
        assertThat(org(result, "V19").rankInType()).isEqualTo(20);
        assertThat(org(result, "O0").rank()).isEqualTo(21);
    }

    @Test
    void flags_list_tier_capped_before_reverse_ranked() {
        // 19 outstanding villages (composite 98 − 0.075 i) and X1, capped by an open C04 finding (96)
        PolicyHarness h = new PolicyHarness();
        for (int i = 0; i < 19; i++) {
            String code = String.format("V%02d", i);
            double satisfaction = 1 - i / 100.0;
            h.org(code, OrgType.VILLAGE, "2026", f -> {
                f.demonstrationLevel = DemonstrationLevel.CITY;
                f.massSatisfaction = satisfaction;
                return f;
            }).titledMembers(code, "2026", 10);
        }
        h.org("X1", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        }).titledMembers("X1", "2026", 10).visit("A", "X1", "2026-12-28", VisitMode.OPEN, finding("C04"));
        EvaluationResult result = h.evaluate("2026");
        OrganizationResult x1 = org(result, "X1");
        assertThat(x1.composite()).isEqualTo(96.0);
        assertThat(x1.rank()).isEqualTo(20);
        assertThat(x1.flags()).containsExactly(Flag.TIER_CAPPED, Flag.REVERSE_RANKED);
    }
}
