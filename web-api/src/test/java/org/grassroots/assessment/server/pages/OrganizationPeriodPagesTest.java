package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A representative switches period on its organization's page; a published period shows the
 * published grade as the grade and today's result labelled provisional; an unpublished one says the
 * result is provisional (issue 14, representatives).
 */
class OrganizationPeriodPagesTest extends BrowserTest {

    @Test
    void a_representative_switches_period_and_sees_the_published_grade_apart_from_the_provisional_result() {
        signIn("donggang");
        open("/org/Z01-V04?period=2026");
        assertThat(text("#result-h")).isEqualTo("当前结果（临时）");
        assertThat(text("#provisional-note")).contains("尚未发布");
        assertThat(browser.findElements(org.openqa.selenium.By.id("published-grade"))).isEmpty();

        new Select(find("#period")).selectByValue("2025");
        find("#period-form button").click();
        waitFor(d -> d.getCurrentUrl().contains("period=2025"));
        assertThat(text("main p.muted")).contains("2025 期间");
        assertThat(text("#result-h")).isEqualTo("考评结果");
        assertThat(text("#published-grade")).startsWith("已发布等次：");
        assertThat(text("main")).contains("按现有数据的当前结果（临时）");
        checkPage("organization-published-period");
    }
}
