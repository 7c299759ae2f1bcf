package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Browsing the organization tree (issue 14: all staff browse, not only search; a township's
 * representative lists and opens its subordinate organizations, and nothing outside its subtree).
 */
class OrganizationTreePagesTest extends BrowserTest {

    @Test
    void staff_go_down_from_the_district_to_a_village_and_open_its_page() {
        signIn("evaluator");
        find("nav a[href$='/org/tree']").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/org/tree"));
        assertThat(text("#tree-count")).startsWith("全区直属组织");
        List<WebElement> down = browser.findElements(By.cssSelector("#tree-children li a.down"));
        assertThat(down).as("the district's top level has organizations with organizations under them").isNotEmpty();
        checkPage("organization-tree");

        WebElement township = down.get(0);
        String count = township.getText().replaceAll("\\D+", "");
        township.click();
        waitFor(d -> d.getCurrentUrl().contains("/org/tree?parent="));
        assertThat(browser.findElements(By.cssSelector("#tree-children li"))).hasSize(Integer.parseInt(count));
        assertThat(text("#tree-path")).startsWith("全区");
        WebElement village = find("#tree-children li a.org");
        String name = village.getText();
        village.click();
        waitFor(d -> d.getCurrentUrl().matches(".*/org/[^/?]+$") || d.getCurrentUrl().matches(".*/org/[^/]+\\?.*"));
        assertThat(text("h1")).isEqualTo(name);
    }

    @Test
    void a_township_representative_lists_and_opens_its_villages_and_nothing_else() {
        signIn("liuhe");
        open("/org/tree");
        assertThat(text("h1")).contains("组织架构：");
        assertThat(browser.findElements(By.cssSelector("#tree-path a"))).as("no way above its own organization").isEmpty();
        List<WebElement> villages = browser.findElements(By.cssSelector("#tree-children li"));
        assertThat(villages).isNotEmpty();
        Api staff = new Api(port, TestUsers.basic("evaluator", DEMO_PASSWORD));
        assertThat(villages).allSatisfy(v -> assertThat(staff.get("/api/organizations/" + v.getAttribute("data-code"))
                .json().get("parentCode").asString()).isEqualTo("XQ-Z01"));
        checkPage("organization-tree-township");
        String first = villages.get(0).findElement(By.cssSelector("a.org")).getText();
        villages.get(0).findElement(By.cssSelector("a.org")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/org/tree"));
        assertThat(text("h1")).isEqualTo(first);

        open("/org/tree?parent=XQ-Z02");
        assertThat(text("h1")).isEqualTo("页面不存在");
        assertThat(browser.getPageSource()).doesNotContain("tree-children");
    }
}
