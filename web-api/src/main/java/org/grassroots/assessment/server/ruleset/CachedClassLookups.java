package org.grassroots.assessment.server.ruleset;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.grassroots.assessment.ruleset.RuleSet;

/**
 * The class loader that rule sets are compiled against: the application's, with every class and
 * resource look-up remembered, the misses too. Drools takes the parent of a rule set's class loader
 * from the thread's context class loader, and its DRL compiler (MVEL's import resolution above all)
 * tries many class names that do not exist. In the packaged server each miss searches every nested
 * jar (and in a request thread Tomcat's class loader first): that was most of a compile's time. The
 * application's classes do not change while it runs, so a remembered answer stays right.
 */
final class CachedClassLookups extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Shared by every compile, so that later compiles (drafts, what-ifs) find the answers ready. */
    private static final CachedClassLookups APPLICATION = new CachedClassLookups(RuleSet.class.getClassLoader());

    /** Names remembered at most; more (many distinct names in drafts) start over. */
    private static final int MAX_REMEMBERED = 100_000;
    private static final Object MISSING = new Object();

    /** Work that compiles rules. */
    @FunctionalInterface
    interface Compilation<T, E extends Exception> {
        T run() throws E;
    }

    private final Map<String, Object> classes = new ConcurrentHashMap<>();
    private final Map<String, Optional<URL>> resources = new ConcurrentHashMap<>();

    private CachedClassLookups(ClassLoader parent) {
        super("rule-set-classes", parent);
    }

    /** Runs a compile with the shared loader as the thread's context class loader, then restores it. */
    static <T, E extends Exception> T compile(Compilation<T, E> compilation) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(APPLICATION);
        try {
            return compilation.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Object found = classes.get(name);
        if (found == null) {
            try {
                found = getParent().loadClass(name);
            } catch (ClassNotFoundException e) {
                found = MISSING;
            }
            remember(classes, name, found);
        }
        if (found == MISSING) {
            throw new ClassNotFoundException(name);
        }
        return (Class<?>) found;
    }

    @Override
    public URL getResource(String name) {
        Optional<URL> found = resources.get(name);
        if (found == null) {
            found = Optional.ofNullable(getParent().getResource(name));
            remember(resources, name, found);
        }
        return found.orElse(null);
    }

    private static <V> void remember(Map<String, V> cache, String name, V value) {
        if (cache.size() >= MAX_REMEMBERED) {
            cache.clear();
        }
        cache.put(name, value);
    }
}
