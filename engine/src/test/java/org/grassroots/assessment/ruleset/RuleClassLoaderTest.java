package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.Line;
import org.grassroots.assessment.ruleset.fence.RuleClassLoader;
import org.grassroots.assessment.ruleset.fence.RuleClassLoaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth: with the fence switched off (only a test can), the rule class loader alone
 * keeps rule code away from the JDK outside the vocabulary. Each escape either does not compile
 * or fails when the rule fires, and nothing of it happens.
 */
class RuleClassLoaderTest {

    private static String rule(String when, String then) {
        return """
                package org.grassroots.assessment.rules;
                import org.grassroots.assessment.evaluation.*;
                import org.grassroots.assessment.model.*;
                rule "X-01 escape"
                when
                    $l : Line( %s )
                then
                    %s
                end
                """.formatted(when, then);
    }

    /** Compiles without the fence and fires the rule on one Line; what the rule inserted, or the failure. */
    private static Object compileAndFire(String drl) {
        RuleSet rules;
        try {
            rules = RuleSet.compile(Map.of("escape.drl", drl), RuleSet.Fence.OFF_FOR_TESTS);
        } catch (RuleSetCompilationException e) {
            return e;
        }
        List<Object> facts = new ArrayList<>(List.of(new Line("o1", "X", Dimension.COMBAT, 1, "x")));
        try {
            rules.newSession().execute(facts);
            return facts;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
    }

    @Test
    void vocabulary_code_compiles_and_runs_with_the_fence_off() {
        Object outcome = compileAndFire(rule("points > 0", "insert(new Line($l.orgCode(), \"Y\", Dimension.COMBAT, Math.min(0, 2), \"y\"));"));
        assertThat(outcome).isInstanceOf(List.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Runtime.getRuntime().exec(\"touch /tmp/fence-escape\");",
            "insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, System.getenv(\"PATH\")));",
            "insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, System.getProperty(\"user.home\")));",
            "new java.io.File(\"/tmp/fence-escape\").createNewFile();",
            "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"));",
            "Thread.sleep(10);",
            "new Thread(new Runnable() { public void run() { } }).start();",
            "Object c = Class.forName(\"java.lang.Runtime\"); insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, c.toString()));",
            "Object c = Class.forName(\"java.lang.\" + $l.rule().replace(\"X\", \"Runtime\")); insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, c.toString()));",
            "Object c = Class.forName(\"java.lang.Runtime\", false, null); insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, c.toString()));",
            "Object l = $l.getClass().getClassLoader(); insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, l.toString()));",
            "java.lang.invoke.MethodHandles.lookup().findStatic(Runtime.class, \"getRuntime\", null);",
            "java.util.concurrent.Executors.newSingleThreadExecutor();",
            "org.mvel2.MVEL.eval(\"1 + 1\");",
            "org.kie.api.KieServices.get();",
            "new ProcessBuilder(\"id\").start();"})
    void a_consequence_that_reaches_outside_the_vocabulary_does_not_compile_or_fails_when_it_fires(String then) {
        Object outcome = compileAndFire(rule("points > 0", then));
        assertThat(outcome).as(then).isInstanceOfAny(RuleSetCompilationException.class, RuntimeException.class, LinkageError.class);
        assertThat(new java.io.File("/tmp/fence-escape")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "points > 0, Runtime.getRuntime().exec(\"touch /tmp/fence-escape\") != null",
            "points > 0, System.getenv(\"PATH\") != null",
            "points > 0, new java.io.File(\"/tmp/fence-escape\").createNewFile()",
            "points > 0, Thread.currentThread() != null",
            "points > 0, Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch /tmp/fence-escape\") != null",
            "points > 0, this.class.classLoader != null"})
    void a_constraint_that_reaches_outside_the_vocabulary_does_not_compile_or_fails_when_it_is_evaluated(String when) {
        Object outcome = compileAndFire(rule(when, "insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, \"matched\"));"));
        assertThat(outcome).as(when).isInstanceOfAny(RuleSetCompilationException.class, RuntimeException.class, LinkageError.class);
        assertThat(new java.io.File("/tmp/fence-escape")).doesNotExist();
    }

    @Test
    void a_name_built_at_run_time_finds_no_class() {
        Object outcome = compileAndFire(rule("points > 0",
                "Object c = Class.forName(\"java.lang.Run\" + \"time\"); insert(new Line(\"o\", \"X\", Dimension.COMBAT, 0, c.toString()));"));
        assertThat(outcome).isInstanceOf(RuntimeException.class);
        assertThat(rootCause((Throwable) outcome)).isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("java.lang.Runtime");
    }

    @Test
    void the_loader_resolves_the_vocabulary_and_refuses_the_rest() throws Exception {
        RuleClassLoader loader = RuleClassLoaders.forCurrentThread();
        assertThat(loader.loadClass("org.grassroots.assessment.evaluation.Line")).isSameAs(Line.class);
        assertThat(loader.loadClass("java.time.LocalDate")).isSameAs(java.time.LocalDate.class);
        for (String refused : List.of("java.lang.Runtime", "java.lang.System", "java.lang.Thread", "java.lang.ClassLoader",
                "java.lang.ProcessBuilder", "java.io.File", "java.nio.file.Files", "java.lang.reflect.Method",
                "java.lang.invoke.MethodHandle", "java.util.concurrent.Executors",
                "org.grassroots.assessment.evaluation.Evaluator", "org.grassroots.assessment.evaluation.ResultJson",
                "org.mvel2.MVEL", "org.kie.api.KieServices")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.loadClass(refused)).as(refused)
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(loader.getResource(refused.replace('.', '/') + ".class")).as(refused).isNull();
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
