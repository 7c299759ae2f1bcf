package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 18: the office reads the reverse-ranked list explained, at phone and desktop width. */
class BottomListPagesTest extends BrowserTest {

    @Test
    void the_office_reads_the_bottom_list_from_the_dashboard() {
        signIn("evaluator");
        open("/office/dashboard?period=2026");
        find("#bottom-list-link").click();
        waitFor(d -> d.getCurrentUrl().contains("/bottom-list"));
        assertThat(text("h1")).isEqualTo("2026 期间倒排说明");
        // the demo district's villages (26 of them) have a reverse-ranked list
        WebElement villages = find("#type-VILLAGE");
        assertThat(villages.findElement(By.tagName("h2")).getText()).startsWith("村类：");
        List<WebElement> states = villages.findElements(By.cssSelector(".bottom-entries .state"));
        assertThat(states).isNotEmpty();
        assertThat(states.stream().map(WebElement::getText)).anyMatch(s -> s.startsWith("倒排"));
        assertThat(text("#sensitivity-h")).isEqualTo("敏感性分析");
        assertThat(browser.findElements(By.cssSelector("#sensitivity form button"))).hasSize(1);
        checkPage("bottom-list");
    }
}
