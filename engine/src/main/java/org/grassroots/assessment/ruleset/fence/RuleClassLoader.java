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
 * <p>Its limit: Drools' generated code links {@code java.lang.Class}, so the loader lets it
 * through; MVEL, which interprets constraints, calls methods reflectively from its own class
 * loader, so a constraint that names {@code Class} (Drools imports {@code java.lang.*}) could
 * still reach other classes by reflection if the fence let it pass. Java code (consequences,
 * functions, {@code eval}) has no such way: it does not compile or fails when it runs.
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

    /**
     * Parts of that machinery that compiled rules never need and that would be a way out if rule
     * code named them: reading resources and files, building or evaluating new rules or MVEL
     * text (which would not pass the fence), the services that reach all of KIE.
     */
    private static final String[] MACHINERY_REFUSED = {"org.drools.io.", "org.drools.compiler.", "org.drools.util.IoUtils",
            "org.drools.util.ClassUtils", "org.drools.wiring.", "org.kie.api.KieServices", "org.kie.api.io.",
            "org.kie.api.builder.", "org.kie.internal.io.", "org.kie.internal.builder.", "org.kie.internal.utils.",
            "org.kie.memorycompiler.", "org.mvel2.MVEL", "org.mvel2.templates.", "org.mvel2.sh.", "org.mvel2.util.ParseTools"};

    /**
     * JDK classes that Drools' generated code (compiled by ECJ) refers to or that the compiler must
     * read to type it: class literals, serialization of invokers, enum switches, string
     * concatenation by invokedynamic, the functional interfaces in {@code List}'s signatures. None
     * of them opens a file, a process, a thread, a class loader or a reflective call by itself:
     * {@code ClassLoader}, {@code Method}, {@code MethodHandle}, {@code MethodType},
     * {@code InputStream}, {@code File}, {@code Thread}, {@code System}, {@code Runtime} stay out,
     * so code that reaches for them does not compile.
     */
    private static final Set<String> GENERATED_CODE_NEEDS = Set.of("java.lang.Class", "java.lang.ClassNotFoundException",
            "java.lang.NoSuchFieldError", "java.lang.ReflectiveOperationException", "java.lang.Cloneable",
            "java.io.Serializable", "java.io.Externalizable", "java.io.ObjectInput", "java.io.ObjectOutput",
            "java.io.IOException", "java.io.ObjectInputStream", "java.io.ObjectOutputStream", "java.io.DataInput",
            "java.io.DataOutput", "java.io.ObjectStreamConstants", "java.lang.AutoCloseable", "java.io.Closeable",
            "java.lang.invoke.StringConcatFactory", "java.lang.invoke.MethodHandles", "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.TypeDescriptor", "java.lang.invoke.TypeDescriptor$OfField", "java.lang.invoke.TypeDescriptor$OfMethod",
            "java.lang.reflect.AnnotatedElement", "java.lang.reflect.GenericDeclaration", "java.lang.reflect.Type",
            "java.lang.constant.Constable", "java.lang.constant.ConstantDesc");

    /**
     * What the Java code of Drools' executable model needs besides: its lambdas are enums marked
     * {@code @MaterializedLambda}, and the compiler reads a few more JDK types for them; its
     * project-model class names the KIE module model. Only the build's generation of the shipped
     * set's model ({@code ExecutableModelGenerator}) uses them, after the fence and the classic
     * compile (behind the loader without them) have passed every file.
     */
    private static final Set<String> EXECUTABLE_MODEL_BUILD_NEEDS = Set.of("java.lang.Enum$EnumDesc",
            "java.lang.constant.DynamicConstantDesc", "java.lang.invoke.LambdaMetafactory",
            "java.lang.CloneNotSupportedException", "java.io.ObjectStreamException", "java.util.Optional",
            "java.util.Locale", "java.util.Spliterator", "java.util.ListIterator", "java.time.format.DateTimeFormatter",
            "java.time.format.DateTimeFormatterBuilder", "org.drools.compiler.kie.builder.MaterializedLambda",
            "org.kie.api.KieServices", "org.kie.api.builder.ReleaseId", "org.kie.api.builder.model.KieModuleModel",
            "org.kie.api.builder.model.KieBaseModel", "org.kie.api.builder.model.KieSessionModel",
            "org.kie.api.builder.model.KieSessionModel$KieSessionType");

    private static final Set<String> VISIBLE = visible();

    private final Set<String> alsoVisible;

    public RuleClassLoader(ClassLoader parent) {
        this(parent, Set.of());
    }

    private RuleClassLoader(ClassLoader parent, Set<String> alsoVisible) {
        super("rule-language", parent);
        this.alsoVisible = alsoVisible;
    }

    /** The loader for generating the executable model of a rule set at build time (see {@link #EXECUTABLE_MODEL_BUILD_NEEDS}). */
    public static RuleClassLoader forExecutableModelBuild(ClassLoader parent) {
        return new RuleClassLoader(parent, EXECUTABLE_MODEL_BUILD_NEEDS);
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
        if (VISIBLE.contains(className) || GENERATED_CODE_NEEDS.contains(className)
                || className.startsWith("java.util.function.")
                // the JDK's reflection generates accessor classes that link against these; the
                // module system keeps them out of reach of rule code (jdk.internal is not exported)
                || className.startsWith("jdk.internal.reflect.")) {
            return true;
        }
        for (String refused : MACHINERY_REFUSED) {
            if (className.startsWith(refused)) {
                return false;
            }
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
        if (!isVisible(name) && !alsoVisible.contains(name)) {
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

    private boolean classFileVisible(String resource) {
        if (!resource.endsWith(".class")) {
            return true;
        }
        String name = resource.substring(resource.startsWith("/") ? 1 : 0, resource.length() - ".class".length()).replace('/', '.');
        return isVisible(name) || alsoVisible.contains(name);
    }
}
