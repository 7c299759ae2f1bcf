package org.grassroots.assessment.server.bottom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.Test;

/** The constants the sensitivity view moves are found in the shipped rule files, and moved in place. */
class RuleConstantsTest {

    private static final Map<String, String> SHIPPED = RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR);

    @Test
    void finds_the_composite_weights_and_the_grading_threshold_in_the_shipped_rules() {
        List<String> covered = SensitivityService.covered(SHIPPED).stream()
                .map(c -> c.rule() + " " + c.name() + "=" + c.value().toPlainString()).toList();
        assertThat(covered).contains("F-02 COHESION_WEIGHT=0.35", "F-02 CHARISMA_WEIGHT=0.25",
                "F-02 COMBAT_WEIGHT=0.40", "P-01 PER_CASE=10", "W-11 BELOW=60", "G-00 ADVANCED_FROM=90",
                "G-00 GOOD_FROM=75");
        assertThat(RuleConstants.named(SHIPPED, BottomListService.BORDERLINE).orElseThrow().rule()).isEqualTo("R-01");
    }

    @Test
    void moves_one_constant_and_keeps_every_other_byte() {
        RuleConstants.Constant weight = SensitivityService.covered(SHIPPED).stream()
                .filter(c -> c.name().equals("COMBAT_WEIGHT")).findFirst().orElseThrow();
        Map<String, String> moved = RuleConstants.moved(SHIPPED, weight, new BigDecimal("0.440"));
        String before = SHIPPED.get(weight.file());
        String after = moved.get(weight.file());
        assertThat(after).isEqualTo(before.replace("final double COMBAT_WEIGHT = 0.40;", "final double COMBAT_WEIGHT = 0.44;"));
        assertThat(RuleConstants.of(moved).stream().filter(c -> c.name().equals("COMBAT_WEIGHT")).findFirst()
                .orElseThrow().value()).isEqualByComparingTo("0.44");
        SHIPPED.keySet().stream().filter(f -> !f.equals(weight.file()))
                .forEach(f -> assertThat(moved.get(f)).isEqualTo(SHIPPED.get(f)));
    }
}
