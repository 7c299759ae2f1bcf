package org.grassroots.assessment.ruleset.fence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RuleClassLoader} per parent. The parent is the thread's context class loader when
 * that one sees the engine's own classes (the server compiles with a loader that remembers
 * look-ups; a Spring Boot jar's application loader is the one that sees the nested jars), else
 * the engine's class loader.
 */
public final class RuleClassLoaders {

    private static final Map<ClassLoader, RuleClassLoader> BY_PARENT = new ConcurrentHashMap<>();

    private RuleClassLoaders() {
    }

    public static RuleClassLoader forCurrentThread() {
        MvelLiterals.removeDangerousNames();
        ClassLoader engine = RuleClassLoaders.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader parent = context != null && context != engine && sees(context) ? context : engine;
        return BY_PARENT.computeIfAbsent(parent, RuleClassLoader::new);
    }

    private static boolean sees(ClassLoader loader) {
        try {
            return loader.loadClass(RuleClassLoaders.class.getName()) == RuleClassLoaders.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
