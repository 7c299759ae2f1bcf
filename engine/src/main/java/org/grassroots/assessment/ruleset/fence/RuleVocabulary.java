package org.grassroots.assessment.ruleset.fence;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.grassroots.assessment.evaluation.AssessmentWindow;
import org.grassroots.assessment.evaluation.CalibrationFigures;
import org.grassroots.assessment.evaluation.CalibrationOutlier;
import org.grassroots.assessment.evaluation.CalibrationPeriod;
import org.grassroots.assessment.evaluation.CalibrationUnit;
import org.grassroots.assessment.evaluation.DoubtfulVisit;
import org.grassroots.assessment.evaluation.Distance;
import org.grassroots.assessment.evaluation.DueVisit;
import org.grassroots.assessment.evaluation.Planning;
import org.grassroots.assessment.evaluation.PhotoTaken;
import org.grassroots.assessment.evaluation.PlanningDay;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.VisitItemsVerified;
import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.evaluation.Composite;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.FindingDeduction;
import org.grassroots.assessment.evaluation.Flag;
import org.grassroots.assessment.evaluation.ForceScore;
import org.grassroots.assessment.evaluation.Grade;
import org.grassroots.assessment.evaluation.InspectionFinding;
import org.grassroots.assessment.evaluation.InspectionItem;
import org.grassroots.assessment.evaluation.InspectionScore;
import org.grassroots.assessment.evaluation.LifeRatio;
import org.grassroots.assessment.evaluation.LifeRatioBuilder;
import org.grassroots.assessment.evaluation.Line;
import org.grassroots.assessment.evaluation.MemberDisqualified;
import org.grassroots.assessment.evaluation.MemberTitle;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.MovementResult;
import org.grassroots.assessment.evaluation.OrgFlag;
import org.grassroots.assessment.evaluation.OrgScoped;
import org.grassroots.assessment.evaluation.OrgTitle;
import org.grassroots.assessment.evaluation.OrgTitleAward;
import org.grassroots.assessment.evaluation.PreviousGrade;
import org.grassroots.assessment.evaluation.ProvisionalTier;
import org.grassroots.assessment.evaluation.Rank;
import org.grassroots.assessment.evaluation.RankCandidate;
import org.grassroots.assessment.evaluation.RankScope;
import org.grassroots.assessment.evaluation.Ranking;
import org.grassroots.assessment.evaluation.RectificationDue;
import org.grassroots.assessment.evaluation.RectificationLever;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.evaluation.Rounding;
import org.grassroots.assessment.evaluation.SeverityFactor;
import org.grassroots.assessment.evaluation.Statistics;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.evaluation.UpgradeLever;
import org.grassroots.assessment.evaluation.UpgradeQuery;
import org.grassroots.assessment.evaluation.TimelyRectification;
import org.grassroots.assessment.evaluation.VanguardRate;
import org.grassroots.assessment.evaluation.VanguardTitle;
import org.grassroots.assessment.evaluation.VisitScore;
import org.grassroots.assessment.evaluation.WeakTrigger;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;

/**
 * The rule language's vocabulary, in one place: the types a rule may name, the methods and fields
 * it may use, the functions it may import, the accumulate functions and the rule attributes. The
 * {@link DrlFence} refuses every other name; {@link RuleClassLoader} resolves no other class of
 * the application or the JDK for the compiled rules.
 *
 * <p>The vocabulary is a closed world: a value in a rule comes from a literal, a fact, or a method
 * or field named here, and every such method and field gives back a type named here (or a
 * primitive, or a read-only collection of them); a test checks that by reflection. So checking
 * the names in the source is enough: no chain of allowed calls reaches a class outside the world.
 */
public final class RuleVocabulary {

    /** The engine's fact and result types, its enums and value records, and the rule functions. */
    static final List<Class<?>> ENGINE_TYPES = List.of(
            // facts the evaluator inserts
            AssessmentWindow.class, Organization.class, PeriodFacts.class, MemberRecord.class, Visit.class,
            InspectionFinding.class, PreviousGrade.class, RankCandidate.class,
            // facts the visit planner inserts
            PlanningDay.class, PublishedGrade.class, VisitItemsVerified.class, PhotoTaken.class,
            // facts the inspector calibration inserts
            CalibrationPeriod.class, CalibrationFigures.class,
            // facts the upgrade-path search inserts
            UpgradeQuery.class,
            // results and derived facts the rules insert
            ChecklistItem.class, SeverityFactor.class, FindingDeduction.class, VisitScore.class, InspectionScore.class,
            InspectionItem.class, TimelyRectification.class, MemberDisqualified.class, MemberTitle.class,
            VanguardRate.class, LifeRatio.class, Line.class, ForceScore.class, Composite.class, WeakTrigger.class,
            ProvisionalTier.class, Grade.class, OrgFlag.class, OrgTitleAward.class, MovementResult.class,
            RectificationDue.class, Rank.class, OrgScoped.class, DueVisit.class, DoubtfulVisit.class,
            CalibrationOutlier.class,
            UpgradeLever.class, RectificationLever.class,
            // enums and values that facts carry
            Dimension.class, Flag.class, Movement.class, OrgTitle.class, RankScope.class, RectificationSource.class,
            Tier.class, VanguardTitle.class, Appraisal.class, DemonstrationLevel.class, EnterpriseCategory.class,
            OrgLevel.class, OrgType.class, RectificationStatus.class, Severity.class, VisitMode.class, Period.class,
            Finding.class, GeoLocation.class, ImportedRectification.class, CalibrationUnit.class,
            // what the engine provides to rules: a builder and rule functions
            LifeRatioBuilder.class, Rounding.class, Ranking.class, Planning.class, Distance.class,
            Statistics.class);

    /**
     * The JDK types a rule may name, each with the members it may use (besides {@code equals},
     * {@code hashCode} and {@code toString} of {@link Object}). Nothing that allocates without
     * bound ({@code String.repeat}, {@code String.format}), runs a regular expression
     * ({@code matches}, {@code split}, {@code replaceAll}), reads the clock or the system
     * ({@code now}, {@code Integer.getInteger}, {@code Math.random}) or reaches a class.
     */
    static final Map<Class<?>, Set<String>> JDK_TYPES = jdkTypes();

    /** Types that values can have without a rule naming them (supertypes of the types above). */
    static final List<Class<?>> IMPLICIT_TYPES = List.of(Object.class, Enum.class, Record.class, Number.class,
            CharSequence.class, Comparable.class, Iterable.class);

    /** JDK types a rule may create with {@code new}, without arguments only. */
    static final Set<String> CONSTRUCTIBLE_JDK_TYPES = Set.of("ArrayList", "HashSet");

    /** Functions the engine provides, for {@code import function}. */
    static final Set<String> FUNCTION_IMPORTS = Set.of(
            "org.grassroots.assessment.evaluation.Rounding.round2",
            "org.grassroots.assessment.evaluation.Rounding.num",
            "org.grassroots.assessment.evaluation.Rounding.percent",
            "org.grassroots.assessment.evaluation.Planning.latest",
            "org.grassroots.assessment.evaluation.Planning.lastOr",
            "org.grassroots.assessment.evaluation.Distance.metresBetween",
            "org.grassroots.assessment.evaluation.Statistics.median",
            "org.grassroots.assessment.evaluation.Statistics.pooledSd");

    /** Wildcard imports a rule file may use. */
    static final Set<String> PACKAGE_IMPORTS = Set.of(
            "org.grassroots.assessment.evaluation.*",
            "org.grassroots.assessment.model.*");

    /** What a consequence may call without a target: inserting a result (never modify, update, delete). */
    static final Set<String> CONSEQUENCE_CALLS = Set.of("insert");

    /** Drools' built-in accumulate functions a rule may use. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");

    /** Operators in constraints besides comparisons ({@code ==}, {@code <} …). */
    static final Set<String> CONSTRAINT_OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains",
            "memberOf", "excludes");

    /** Rule and package attributes a rule may set (salience as a whole number only). */
    static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "enabled", "dialect");

    /** Never allowed, whatever a vocabulary class declares: these reach classes, threads or the VM. */
    static final Set<String> NEVER = Set.of("getClass", "getClassLoader", "forName", "getDeclaringClass",
            "describeConstable", "wait", "notify", "notifyAll", "finalize", "clone", "class", "classLoader",
            "repeat", "format", "formatted", "getRuntime", "exec", "exit", "halt", "getenv", "getProperty",
            "getInteger", "getLong", "getBoolean", "drools", "kcontext", "this$0");

    private static final Map<String, Class<?>> TYPES_BY_NAME = typesByName();
    private static final Map<Class<?>, Set<String>> STATIC_FIELDS = staticFields();
    private static final Set<String> ENUM_CONSTANTS = enumConstants();
    private static final Set<String> MEMBERS = members();

    private RuleVocabulary() {
    }

    private static Map<Class<?>, Set<String>> jdkTypes() {
        Map<Class<?>, Set<String>> m = new LinkedHashMap<>();
        Set<String> numbers = Set.of("intValue", "longValue", "doubleValue", "compare", "compareTo", "valueOf",
                "isNaN", "isInfinite", "sum", "max", "min", "signum", "MAX_VALUE", "MIN_VALUE");
        m.put(Object.class, Set.of("equals", "hashCode", "toString"));
        m.put(Comparable.class, Set.of("compareTo"));
        m.put(CharSequence.class, Set.of("length", "isEmpty", "charAt", "compare"));
        m.put(String.class, Set.of("length", "isEmpty", "isBlank", "charAt", "contains", "startsWith", "endsWith",
                "indexOf", "lastIndexOf", "substring", "trim", "strip", "toUpperCase", "toLowerCase",
                "equalsIgnoreCase", "compareTo", "concat", "join", "valueOf"));
        m.put(Math.class, Set.of("max", "min", "abs", "round", "floor", "ceil", "pow", "sqrt", "signum",
                "floorDiv", "floorMod"));
        m.put(Integer.class, union(numbers, Set.of("parseInt")));
        m.put(Long.class, union(numbers, Set.of("parseLong")));
        m.put(Double.class, union(numbers, Set.of("parseDouble", "NEGATIVE_INFINITY", "POSITIVE_INFINITY", "NaN")));
        m.put(Boolean.class, Set.of("booleanValue", "valueOf", "parseBoolean", "compare", "compareTo", "TRUE", "FALSE"));
        m.put(Number.class, Set.of("intValue", "longValue", "doubleValue"));
        Set<String> readCollection = Set.of("size", "isEmpty", "contains");
        m.put(Collection.class, union(readCollection, Set.of("add")));
        // reversed: from JDK 21 on a list has it too (a view in reverse order, a List again; the name is
        // allowed for Comparator): reviewed for the JDK 25 the server runs on where one is installed
        m.put(List.class, union(readCollection, Set.of("get", "indexOf", "lastIndexOf", "subList", "add", "of", "reversed")));
        m.put(ArrayList.class, union(readCollection, Set.of("get", "indexOf", "lastIndexOf", "subList", "add", "reversed")));
        m.put(Set.class, union(readCollection, Set.of("add", "of")));
        m.put(HashSet.class, union(readCollection, Set.of("add")));
        m.put(Map.class, Set.of("size", "isEmpty", "get", "containsKey", "getOrDefault", "keySet", "values", "of"));
        m.put(Comparator.class, Set.of("compare", "reversed", "thenComparing"));
        m.put(Enum.class, Set.of("name", "ordinal", "compareTo", "valueOf", "values"));
        m.put(LocalDate.class, Set.of("of", "parse", "plusDays", "minusDays", "plusWeeks", "minusWeeks", "plusMonths",
                "minusMonths", "plusYears", "minusYears", "isAfter", "isBefore", "isEqual", "getYear",
                "getMonthValue", "getMonth", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "lengthOfMonth",
                "lengthOfYear", "isLeapYear", "withDayOfMonth", "withMonth", "withYear", "compareTo", "toEpochDay",
                // get(TemporalField) needs a field, which no rule can name: harmless, listed because List.get is allowed
                "get", "MIN", "MAX", "EPOCH"));
        m.put(YearMonth.class, Set.of("of", "parse", "get", "getYear", "getMonthValue", "getMonth", "atDay", "atEndOfMonth",
                "lengthOfMonth", "lengthOfYear", "isLeapYear", "isAfter", "isBefore", "compareTo", "plusMonths", "minusMonths",
                "plusYears", "minusYears", "withMonth", "withYear"));
        m.put(Month.class, Set.of("of", "get", "getValue", "length"));
        m.put(DayOfWeek.class, Set.of("of", "get", "getValue"));
        m.put(ChronoUnit.class, Set.of("between", "DAYS", "WEEKS", "MONTHS", "YEARS"));
        return Collections.unmodifiableMap(m);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return Collections.unmodifiableSet(u);
    }

    private static Map<String, Class<?>> typesByName() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        ENGINE_TYPES.forEach(c -> m.put(c.getSimpleName(), c));
        JDK_TYPES.keySet().forEach(c -> m.put(c.getSimpleName(), c));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The method names rules may call: the engine types' public methods (accessors, builders, rule
     * functions) and the JDK types' listed methods. Fields are not members: a rule reads a static
     * field only through its type ({@code Severity.MINOR}, {@code Double.NEGATIVE_INFINITY}).
     */
    private static Set<String> members() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : ENGINE_TYPES) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    names.add(m.getName());
                }
            }
            if (c.isEnum()) {
                names.addAll(List.of("values", "valueOf", "name", "ordinal"));
            }
        }
        JDK_TYPES.forEach((type, listed) -> listed.stream().filter(n -> !isField(type, n)).forEach(names::add));
        names.removeAll(NEVER);
        return Collections.unmodifiableSet(names);
    }

    private static boolean isField(Class<?> type, String name) {
        try {
            type.getField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** Per type, the static fields a rule may read through the type's name: enum constants, listed JDK constants. */
    private static Map<Class<?>, Set<String>> staticFields() {
        Map<Class<?>, Set<String>> fields = new LinkedHashMap<>();
        for (Class<?> c : ENGINE_TYPES) {
            Set<String> names = new TreeSet<>();
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    names.add(f.getName());
                }
            }
            fields.put(c, Collections.unmodifiableSet(names));
        }
        JDK_TYPES.forEach((type, listed) -> fields.put(type,
                listed.stream().filter(n -> isField(type, n)).collect(java.util.stream.Collectors.toUnmodifiableSet())));
        return Collections.unmodifiableMap(fields);
    }

    private static Set<String> enumConstants() {
        Set<String> names = new TreeSet<>();
        TYPES_BY_NAME.values().stream().filter(Class::isEnum)
                .forEach(c -> java.util.Arrays.stream(c.getEnumConstants()).forEach(e -> names.add(((Enum<?>) e).name())));
        return Collections.unmodifiableSet(names);
    }

    /** Whether {@code Type.FIELD} is allowed: a static field listed for that very type. */
    public static boolean isStaticField(String typeName, String field) {
        Class<?> c = TYPES_BY_NAME.get(typeName);
        return c != null && STATIC_FIELDS.getOrDefault(c, Set.of()).contains(field);
    }

    /** Whether a name is a constant of an enum of the vocabulary (a {@code case} label). */
    static boolean isEnumConstant(String name) {
        return ENUM_CONSTANTS.contains(name);
    }

    /** Whether a rule may name this type (a simple name: {@code Line}, {@code LocalDate}). */
    public static boolean isType(String simpleName) {
        return TYPES_BY_NAME.containsKey(simpleName);
    }

    /** The class of an allowed simple type name, or null. */
    static Class<?> type(String simpleName) {
        return TYPES_BY_NAME.get(simpleName);
    }

    /** Whether a rule may call a method or read a field of this name (on an allowed type). */
    public static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    /** Whether a constraint may read a property of this name ({@code start} → {@code start()}, {@code year} → {@code getYear()}). */
    public static boolean isProperty(String name) {
        if (NEVER.contains(name) || name.isEmpty()) {
            return false;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return isMember(name) || isMember("get" + capitalized) || isMember("is" + capitalized);
    }

    /** Every allowed member name, for the closed-world test and the report. */
    public static Set<String> memberNames() {
        return MEMBERS;
    }

    /** Every allowed type, engine and JDK, by simple name. */
    public static Map<String, Class<?>> types() {
        return TYPES_BY_NAME;
    }

    /** Whether {@code import target;} is allowed: the two packages, or a single allowed type. */
    static boolean isImport(String target) {
        if (PACKAGE_IMPORTS.contains(target)) {
            return true;
        }
        int dot = target.lastIndexOf('.');
        Class<?> c = dot < 0 ? null : TYPES_BY_NAME.get(target.substring(dot + 1));
        return c != null && c.getName().equals(target);
    }

    /**
     * Whether the class loader of the compiled rules may resolve this class: the vocabulary, the
     * JDK types it names and what they extend, and what Drools' generated code needs (Drools,
     * KIE and MVEL themselves, a few {@code java.lang} classes for exceptions and string
     * concatenation). Not the rest of the application, not the rest of the JDK.
     */
    public static boolean isVisibleToRules(String className) {
        return RuleClassLoader.isVisible(className);
    }

    /** The classes of the vocabulary and the JDK types (for the class loader). */
    static Set<String> classNames() {
        Set<String> names = new HashSet<>();
        ENGINE_TYPES.forEach(c -> names.add(c.getName()));
        JDK_TYPES.keySet().forEach(c -> names.add(c.getName()));
        IMPLICIT_TYPES.forEach(c -> names.add(c.getName()));
        return names;
    }
}
