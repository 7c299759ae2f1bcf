package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.ruleset.RuleSetValidator.Declaration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/policy.md describes the shipped rule set rule by rule: every rule of the DRL files must be
 * named there (its exact name, so its policy id too) with its file, and every rule id the document
 * lists in a table must still exist. A rule added, renamed or removed without the document fails here.
 */
class PolicyDocumentTest {

    /** A table row that starts with a rule id: {@code | `CO-01` | …}. */
    private static final Pattern TABLE_ROW_ID = Pattern.compile("^\\| `([A-Z]{1,2}-[A-Z0-9]+)` \\|", Pattern.MULTILINE);

    private static Map<String, String> files;
    private static List<Declaration> rules;
    private static String document;

    @BeforeAll
    static void read() throws Exception {
        files = RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR);
        rules = RuleSetValidator.declarations(files);
        // the module's directory when Maven runs the test; the repository root when an IDE does
        Path doc = Files.exists(Path.of("../docs/policy.md")) ? Path.of("../docs/policy.md") : Path.of("docs/policy.md");
        document = Files.readString(doc, StandardCharsets.UTF_8);
    }

    @Test
    void the_shipped_set_has_rules_to_check() {
        assertThat(rules).hasSizeGreaterThan(50);
    }

    @Test
    void every_rule_is_named_exactly_with_its_policy_id() {
        assertThat(rules).allSatisfy(rule -> {
            String id = RuleSetValidator.policyId(rule.name());
            assertThat(document).as("docs/policy.md names rule id %s (%s:%d)", id, rule.file(), rule.line())
                    .contains("`" + id);
            assertThat(document).as("docs/policy.md names rule \"%s\" (%s:%d)", rule.name(), rule.file(), rule.line())
                    .contains("`" + rule.name() + "`");
        });
    }

    @Test
    void every_rule_file_is_named() {
        assertThat(rules.stream().map(Declaration::file).distinct())
                .allSatisfy(file -> assertThat(document).as("docs/policy.md names %s", file).contains("`" + file + "`"));
    }

    @Test
    void every_rule_id_in_a_table_of_the_document_exists() {
        Set<String> shipped = new TreeSet<>();
        rules.forEach(rule -> shipped.add(RuleSetValidator.policyId(rule.name())));
        Matcher m = TABLE_ROW_ID.matcher(document);
        Set<String> listed = new TreeSet<>();
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).as("rule ids in the tables of docs/policy.md").isNotEmpty();
        assertThat(shipped).as("rule ids of the shipped DRL").containsAll(listed);
    }
}
