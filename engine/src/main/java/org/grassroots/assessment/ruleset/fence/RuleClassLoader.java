package org.grassroots.assessment.ruleset.fence;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

/**
 * The class loader that rule sets are compiled against and run with (defence in depth behind
 * {@link DrlFence}): it resolves the vocabulary's classes, their supertypes, and Drools' own
 * machinery, and nothing else of the application or the JDK. A name the fence missed still
 * finds no class: {@code Runtime}, {@code System}, {@code java.io.File}, {@code Thread},
 * {@code Class} neither compile nor link in rule code.
 *
 * <p>It sits between Drools' project class loader and the application's (or a caching loader
 * above it): classes it lets through come from its parent, so the application's classes stay the
 * same classes for the engine and the rules.
 */
public final class RuleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Drools, KIE and MVEL: the generated code extends and calls them; they run with their own loader. */
    private static final String[] MACHINERY = {"org.drools.", "org.kie.", "org.mvel2."};

    private static final Set<String> VISIBLE = visible();

    public RuleClassLoader(ClassLoader parent) {
        super("rule-language", parent);
    }

    private static Set<String> visible() {
        Set<String> names = new HashSet<>();
        for (String name : RuleVocabulary.classNames()) {
            try {
                addWithSupertypes(Class.forName(name, false, RuleClassLoader.class.getClassLoader()), names);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the rule vocabulary names a missing class " + name, e);
            }
        }
        // what compiled rule code needs from java.lang besides the vocabulary: exceptions it may
        // catch or throw in generated code, string concatenation, annotations
        for (Class<?> c : new Class<?>[] {Throwable.class, Exception.class, RuntimeException.class, Error.class,
                ClassCastException.class, NullPointerException.class, IllegalArgumentException.class,
                IllegalStateException.class, ArithmeticException.class, IndexOutOfBoundsException.class,
                StringBuilder.class, Character.class, Byte.class, Short.class, Float.class, Void.class,
                Override.class, Deprecated.class, SuppressWarnings.class, java.util.Iterator.class,
                java.util.Collections.class, java.util.Objects.class, java.util.Arrays.class}) {
            addWithSupertypes(c, names);
        }
        return Collections.unmodifiableSet(names);
    }

    private static void addWithSupertypes(Class<?> c, Set<String> names) {
        if (c == null || !names.add(c.getName())) {
            return;
        }
        addWithSupertypes(c.getSuperclass(), names);
        for (Class<?> i : c.getInterfaces()) {
            addWithSupertypes(i, names);
        }
    }

    /** Whether rule code may resolve this class (binary name, e.g. {@code java.lang.String}). */
    static boolean isVisible(String className) {
        if (VISIBLE.contains(className)) {
            return true;
        }
        for (String prefix : MACHINERY) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isVisible(name)) {
            throw new ClassNotFoundException(name + " is not in the rule language");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    /** Class files are looked up like classes (the compiler reads them); other resources pass. */
    @Override
    public URL getResource(String name) {
        return classFileVisible(name) ? super.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return classFileVisible(name) ? super.getResources(name) : Collections.emptyEnumeration();
    }

    private static boolean classFileVisible(String resource) {
        if (!resource.endsWith(".class")) {
            return true;
        }
        String name = resource.substring(resource.startsWith("/") ? 1 : 0, resource.length() - ".class".length()).replace('/', '.');
        return isVisible(name);
    }
}
