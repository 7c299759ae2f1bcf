package org.grassroots.assessment.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, defect 1 on the rule pages: a maintainer who copies a rule and leaves another rule's id
 * in its explanation line (rule "CB-05 not inspected" creating a "CB-06" line) gets the draft
 * refused, with the Chinese reason on the line where the id stands; nothing is stored.
 */
class RuleLineIdPageTest extends BrowserTest {

    private static final String COMBAT = "50-combat.drl";

    @TempDir
    Path dir;

    @Test
    void a_draft_whose_line_id_differs_from_its_rule_is_refused_at_that_line() throws IOException {
        Api maintainer = new Api(port, TestUsers.basic("maintainer", DEMO_PASSWORD));
        long activeId = maintainer.get("/api/rules/active").json().get("id").asLong();
        int versions = maintainer.get("/api/rules/versions").json().size();
        JsonNode files = maintainer.get("/api/rules/versions/" + activeId).json().get("files");
        String combat = files.get(COMBAT).asString();
        String notInspected = combat.substring(combat.indexOf("rule \"CB-05 not inspected"));
        int ruleStart = combat.indexOf(notInspected);
        String copied = notInspected.replaceFirst("new Line\\(\\$o, \"CB-05\"", "new Line(\\$o, \"CB-06\"");
        assertThat(copied).isNotEqualTo(notInspected);
        String changed = combat.substring(0, ruleStart) + copied;
        int line = (int) changed.substring(0, changed.indexOf("\"CB-06\"")).chars().filter(c -> c == '\n').count() + 1;

        signIn("maintainer");
        assertThat(browser.getCurrentUrl()).endsWith("/rules");
        find("#files").sendKeys(write(COMBAT, changed));
        find("#comment").sendKeys("复制规则后忘改编号");
        find("#upload-form button[type=submit]").click();

        waitFor(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#upload-error")).isEmpty());
        assertThat(text("#upload-error")).contains("未通过编译");
        String row = text("tr.error-line[data-line='" + line + "']");
        assertThat(row).contains("第 " + line + " 行", "CB-06",
                "规则 \"CB-05 not inspected 未接受明察暗访\" 的编号是 CB-05，它创建的说明行（Line）编号却是 CB-06");
        checkPage("rules-line-id-refused");
        assertThat(maintainer.get("/api/rules/versions").json().size()).as("nothing stored").isEqualTo(versions);
    }

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toAbsolutePath().toString();
    }
}
