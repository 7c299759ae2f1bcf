package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.assessment.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

/** A compile runs with the remembering loader as context class loader, which answers as the application's does. */
class CachedClassLookupsTest {

    @Test
    void answers_as_the_application_class_loader_and_restores_the_context_loader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader during = CachedClassLookups.compile(() -> Thread.currentThread().getContextClassLoader());
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThat(during).isNotSameAs(before);
        for (int i = 0; i < 2; i++) {
            assertThat(during.loadClass(RuleSet.class.getName())).isSameAs(RuleSet.class);
            assertThat(Class.forName("java.lang.String", false, during)).isSameAs(String.class);
            assertThatThrownBy(() -> during.loadClass("org.grassroots.NoSuchClass"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(during.getResource("assessment-rules/ruleset.properties"))
                    .isEqualTo(RuleSet.class.getClassLoader().getResource("assessment-rules/ruleset.properties"));
            assertThat(during.getResource("no/such/resource.txt")).isNull();
        }
    }

    @Test
    void a_rule_set_compiles_against_it() throws Exception {
        RuleSet rules = CachedClassLookups.compile(() -> RuleSet.compile(RuleFiles.shipped()));
        assertThat(rules.ruleNames()).isNotEmpty();
    }
}
