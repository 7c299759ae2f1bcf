package org.grassroots.assessment.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.junit.jupiter.api.Test;

class TierCountTest {

    @Test
    void every_type_in_policy_order_with_zeros() {
        List<TierCount> rows = TierCount.byType(WorkedExample.result().organizations());
        assertThat(rows).extracting(TierCount::name).containsExactly("村", "社区", "机关", "非公企业", "社会组织");
        TierCount village = rows.get(0);
        assertThat(village.code()).isEqualTo("VILLAGE");
        assertThat(village.count(Tier.ADVANCED)).isEqualTo(1);
        assertThat(village.count(Tier.WEAK)).isEqualTo(1);
        assertThat(village.count(Tier.GOOD)).isZero();
        assertThat(village.total()).isEqualTo(2);
    }

    @Test
    void parents_by_code_and_orphans_last() {
        List<OrganizationResult> orgs = new java.util.ArrayList<>(WorkedExample.result().organizations());
        OrganizationResult t = orgs.get(0);
        orgs.add(new OrganizationResult("ROOT", "区委", t.type(), null, 7, 1, 1, 1, 1, null, Tier.AVERAGE,
                List.of(), List.of(), List.of(), t.movement(), List.of(), 0, 0, java.util.Map.of(), List.of()));
        List<TierCount> rows = TierCount.byParent(orgs, WorkedExample.names()::get);
        assertThat(rows).extracting(TierCount::code).containsExactly("XQ", "XQ-T01", null);
        assertThat(rows).extracting(TierCount::name).containsExactly("X区党工委", "城关街道党工委", "（无上级组织）");
        assertThat(rows.get(2).count(Tier.AVERAGE)).isEqualTo(1);
        assertThat(TierCount.total(orgs).total()).isEqualTo(7);
    }
}
