package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The sign-in page in Chinese; each role lands on its own home page. */
class SignInPagesTest extends BrowserTest {

    @Test
    void a_wrong_password_is_said_in_chinese_next_to_the_form() {
        open("/login");
        checkPage("login");
        browser.findElement(By.id("username")).sendKeys("inspector");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        find("form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().contains("error"));
        assertThat(text(".alert.error")).isEqualTo("用户名或密码错误");
    }

    @Test
    void each_role_lands_on_its_home_page() {
        assertLandsOn("inspector", "/inspection", "明察暗访");
        assertLandsOn("evaluator", "/office", "考核办");
        assertLandsOn("maintainer", "/rules", "规则维护");
        assertLandsOn("donggang", "/org/Z01-V04", "东岗村");
    }

    private void assertLandsOn(String user, String path, String heading) {
        browser.manage().deleteAllCookies();
        signIn(user);
        assertThat(browser.getCurrentUrl()).endsWith(path);
        assertThat(text("h1")).contains(heading);
        find("form.signout button").click();
        waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
        assertThat(text(".alert.ok")).isEqualTo("已退出登录");
    }
}
