package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18 section 1 on the organization's page: the 晋位路径 section loads once the page is shown
 * and says, in Chinese, the changes that lift the organization a tier or why none can this period;
 * at phone and desktop widths.
 */
class UpgradePathPagesTest extends BrowserTest {

    @Test
    void a_representative_sees_the_path_to_upgrade_of_its_organization() {
        signIn("donggang");
        open("/org/Z01-V04?period=2026");
        assertThat(text("#upgrade-h")).isEqualTo("晋位路径");
        waitFor(d -> !d.findElements(By.id("upgrade-reason")).isEmpty());
        String reason = text("#upgrade-reason");
        assertThat(reason).matches("^(已达到|本期结束前做到以下|本期内无法达到).*");
        if (reason.startsWith("本期结束前做到以下")) {
            assertThat(browser.findElements(By.cssSelector("#upgrade-changes tbody tr"))).isNotEmpty();
        }
        checkPage("organization-upgrade-path");
    }
}
