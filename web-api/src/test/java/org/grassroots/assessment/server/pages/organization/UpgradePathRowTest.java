package org.grassroots.assessment.server.pages.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.junit.jupiter.api.Test;

/**
 * The 晋位路径 section's rows in Chinese: a fact by its name, a rectification item to submit (UP-08) as
 * 整改事项 #id：提交整改 with its statuses' Chinese names and a link to the item on the page.
 */
class UpgradePathRowTest {

    @Test
    void a_rectification_item_to_submit_is_shown_in_chinese_and_linked_to_the_item() {
        UpgradePath.Change change = new UpgradePath.Change("rectification:42", RectificationStatus.OPEN,
                RectificationStatus.SUBMITTED, List.of("W-09"), 0);
        UpgradePathSection.Row row = UpgradePathSection.row(change, fact -> "不应调用");
        assertThat(row.name()).isEqualTo("整改事项 #42：提交整改");
        assertThat(row.from()).isEqualTo("待整改");
        assertThat(row.to()).isEqualTo("待核验");
        assertThat(row.rules()).isEqualTo("W-09");
        assertThat(row.item()).isEqualTo("#item-42");
    }

    @Test
    void a_fact_is_shown_by_its_name_without_a_link() {
        UpgradePath.Change change = new UpgradePath.Change("centerSignage", false, true, List.of("CH-01"), 5);
        UpgradePathSection.Row row = UpgradePathSection.row(change, fact -> fact.equals("centerSignage") ? "标识" : fact);
        assertThat(row.name()).isEqualTo("标识");
        assertThat(row.from()).isEqualTo("否");
        assertThat(row.to()).isEqualTo("是");
        assertThat(row.item()).isNull();
    }
}
