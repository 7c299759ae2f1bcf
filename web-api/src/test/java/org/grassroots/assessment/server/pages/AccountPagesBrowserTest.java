package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.server.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The accounts page (用户管理) in a browser at phone and desktop widths (axe clean): the administrator
 * adds a user with an e-mail address, finds it in the list, and changes the address on the edit page.
 */
class AccountPagesBrowserTest extends BrowserTest {

    @Test
    void the_administrator_adds_a_user_with_an_email_address_and_changes_it() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
        find("form button[type=submit]").click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.linkText("用户管理")).getAttribute("href")).endsWith("/admin/users");

        open("/admin/users");
        assertThat(text("h1")).isEqualTo("用户管理");
        checkPage("admin-users");
        find("#user-form #username").sendKeys("b-zhao");
        find("#user-form #password").sendKeys("secret-pass-1");
        find("#user-form #displayName").sendKeys("督查三组 赵刚");
        new Select(find("#user-form #role")).selectByVisibleText("督查组");
        find("#user-form #email").sendKeys("zhao.gang@example.gov.cn");
        find("#user-form button[type=submit]").click();
        waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
        assertThat(text("#notice")).isEqualTo("已新增用户 b-zhao（督查组）");
        assertThat(text("#user-b-zhao .email")).isEqualTo("zhao.gang@example.gov.cn");

        find("#user-b-zhao a.button").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/users/b-zhao"));
        checkPage("admin-user");
        find("#email").clear();
        find("#email").sendKeys("zhao@example.gov.cn");
        find("#user-form button[type=submit]").click();
        waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
        assertThat(text("#user-b-zhao .email")).isEqualTo("zhao@example.gov.cn");
        assertThat(text("#user-b-zhao td[data-label=状态]")).isEqualTo("启用");
    }
}
