package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.model.Severity;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    @Test
    void the_default_rules_declare_the_twelve_checklist_items_and_three_severities() throws Exception {
        RuleCatalog catalog = RuleCatalog.of(RuleSetLoader.defaultRuleSet());
        assertThat(catalog.items()).extracting(ChecklistItem::item)
                .containsExactly("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12");
        assertThat(catalog.item("C04").orElseThrow().defaultSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(catalog.item("C03").orElseThrow().name()).isEqualTo("三会一课记录缺失、不规范");
        assertThat(catalog.severityOf("C03", null)).isEqualTo(Severity.MAJOR);
        assertThat(catalog.severityOf("C03", Severity.CRITICAL)).isEqualTo(Severity.CRITICAL);
        assertThat(catalog.rectifyDays(Severity.MINOR)).isEqualTo(30);
        assertThat(catalog.rectifyDays(Severity.MAJOR)).isEqualTo(15);
        assertThat(catalog.rectifyDays(Severity.CRITICAL)).isEqualTo(7);
    }
}
