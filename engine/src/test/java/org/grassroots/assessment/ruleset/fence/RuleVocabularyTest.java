package org.grassroots.assessment.ruleset.fence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary is a closed world: every method or field a rule may name, on every type a value
 * in a rule can have, gives back a type of that world. Then checking names in the source is
 * enough: no chain of allowed calls leads to a class outside it.
 */
class RuleVocabularyTest {

    /** The types values in rules can have: the vocabulary, the JDK types it names, and their supertypes. */
    private static Set<Class<?>> world() {
        Set<Class<?>> world = new HashSet<>(RuleVocabulary.types().values());
        world.addAll(RuleVocabulary.IMPLICIT_TYPES);
        world.add(Collection.class);
        return world;
    }

    private static boolean inWorld(Class<?> type, Set<Class<?>> world) {
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isArray()) {
            return inWorld(type.getComponentType(), world);
        }
        return world.contains(type);
    }

    @Test
    void every_allowed_method_and_field_of_every_type_in_the_world_gives_back_a_type_of_the_world() {
        Set<Class<?>> world = world();
        List<String> escapes = new ArrayList<>();
        for (Class<?> type : world) {
            for (Method m : type.getMethods()) {
                // bridge methods only repeat a method with a wider return type for the JVM
                if (!m.isBridge() && RuleVocabulary.isMember(m.getName()) && !inWorld(m.getReturnType(), world)) {
                    escapes.add(type.getSimpleName() + "." + m.getName() + " → " + m.getReturnType().getName());
                }
            }
            for (Field f : type.getFields()) {
                if (RuleVocabulary.isStaticField(type.getSimpleName(), f.getName()) && !inWorld(f.getType(), world)) {
                    escapes.add(type.getSimpleName() + "." + f.getName() + " → " + f.getType().getName());
                }
            }
        }
        assertThat(escapes).isEmpty();
    }

    /**
     * A name the vocabulary allows for one type is allowed for all (the fence sees names, not
     * types): no JDK type may have a method of an allowed name that is not reviewed for it, or an
     * engine accessor called, say, {@code getInteger} would open {@code Integer.getInteger}.
     */
    @Test
    void every_jdk_method_an_allowed_name_reaches_is_listed_for_its_type() {
        List<String> unreviewed = new ArrayList<>();
        for (Class<?> type : world()) {
            if (RuleVocabulary.ENGINE_TYPES.contains(type)) {
                continue;
            }
            for (Method m : type.getMethods()) {
                if (!m.isBridge() && RuleVocabulary.isMember(m.getName()) && !reviewed(type, m.getName())
                        && !reviewed(m.getDeclaringClass(), m.getName())) {
                    unreviewed.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(unreviewed).isEmpty();
    }

    private static boolean reviewed(Class<?> type, String name) {
        for (Map.Entry<Class<?>, Set<String>> e : RuleVocabulary.JDK_TYPES.entrySet()) {
            if (e.getKey().isAssignableFrom(type) && e.getValue().contains(name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void names_that_reach_classes_threads_or_the_system_are_never_members() {
        for (String name : List.of("getClass", "getClassLoader", "forName", "exec", "exit", "getenv", "getProperty",
                "getInteger", "getBoolean", "repeat", "format", "wait", "notify", "clone", "finalize", "halt",
                "getKieRuntime", "getWorkingMemory", "update", "modify", "retract", "delete", "now", "random")) {
            assertThat(RuleVocabulary.isMember(name)).as(name).isFalse();
        }
        assertThat(RuleVocabulary.isProperty("class")).isFalse();
        assertThat(RuleVocabulary.isProperty("classLoader")).isFalse();
        assertThat(RuleVocabulary.isProperty("orgCode")).isTrue();
        assertThat(RuleVocabulary.isProperty("year")).isTrue();
        // an enum constant of the vocabulary (RankScope.TYPE) does not open Integer.TYPE
        assertThat(RuleVocabulary.isStaticField("RankScope", "TYPE")).isTrue();
        assertThat(RuleVocabulary.isStaticField("Integer", "TYPE")).isFalse();
        assertThat(RuleVocabulary.isProperty("TYPE")).isFalse();
    }

    @Test
    void public_engine_methods_are_all_static_or_on_values_rules_can_hold() {
        for (Class<?> type : RuleVocabulary.ENGINE_TYPES) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    assertThat(RuleVocabulary.isMember(m.getName()) || RuleVocabulary.NEVER.contains(m.getName()))
                            .as(type.getSimpleName() + "." + m.getName()).isTrue();
                }
            }
        }
    }
}
