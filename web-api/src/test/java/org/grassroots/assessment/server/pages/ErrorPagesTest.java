package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14, defect 3: no raw JSON in a browser. A page URL refused (403), unknown (404), opened with
 * a method it does not take (405) or with a bad parameter (400) shows the Chinese error page with a
 * way back, in Chinese only; a period that has not started says so plainly. The API keeps answering
 * problem details.
 */
class ErrorPagesTest extends BrowserTest {

    private static final String ORG = "Z01-V04";

    @Test
    void refused_unknown_and_bad_page_requests_show_the_chinese_error_page_with_a_way_back() {
        signIn("inspector");
        expectPage("/office", "无权访问", "您的账号无权查看此页面或进行此操作。如需权限，请联系系统管理员。");
        checkPage("error-403");
        find("#go-home").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/inspection"));

        expectPage("/inspection/visits", "此页面不能这样打开",
                "此页面不能这样打开（例如提交表单的地址不能直接在地址栏中打开），请从首页进入。");
        expectPage("/org/" + ORG + "?period=abc", "请求有误", "考评期间“abc”无效：应为年份（如 2026）或季度（如 2026-Q3）");
        expectPage("/org/NO-SUCH-ORG", "页面不存在", null);
        expectPage("/inspection/visits/NO-SUCH-VISIT", "页面不存在", null);
        // an address no page has is refused like any address the user may not open (nothing is told about it)
        expectPage("/no/such/page", "无权访问", "您的账号无权查看此页面或进行此操作。如需权限，请联系系统管理员。");
        expectPage("/inspection/visits/new", "请求有误", "请求的地址或参数不正确，请返回上一页重新操作。");
        // today as the server sees it: its clock is in the configured zone (Asia/Shanghai), not the JVM's
        LocalDate today = LocalDate.now(clock);
        int next = today.getYear() + 1;
        expectPage("/org/" + ORG + "?period=" + next, "请求有误", "考评期间 " + next + " 尚未开始（" + next
                + "-01-01 开始，今天是 " + today + "），还不能评估");
        checkPage("error-period-not-started");

        Api inspector = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        Api.Reply api = inspector.get("/api/rankings?period=abc");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(inspector.get("/api/evaluations/999999/summary").contentType()).startsWith("application/problem+json");
    }

    /** Opens a page URL: an HTML page in Chinese (no English word, no JSON), its heading and message. */
    private void expectPage(String path, String heading, String message) {
        open(path);
        assertThat(browser.findElements(By.tagName("pre"))).as(path + ": not a raw JSON document").isEmpty();
        assertThat(text("h1")).as(path).isEqualTo(heading);
        String main = text("main").replace("NO-SUCH-ORG", "").replace("NO-SUCH-VISIT", "");
        assertThat(main).as(path + ": Chinese only").doesNotContainPattern("[A-Za-z]{4,}").doesNotContain("{\"");
        if (message != null) {
            assertThat(text("#error-message")).as(path).isEqualTo(message);
        }
        assertThat(find("#go-home").getText()).isEqualTo("返回首页");
    }
}
