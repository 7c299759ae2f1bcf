package org.grassroots.assessment.ruleset.fence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The rule-language fence: checks every {@code .drl} file of a rule set against
 * {@link RuleVocabulary} before Drools compiles anything. It parses each file with Drools' own
 * DRL parser and every piece of code in it (consequences, functions, constraints, {@code from},
 * {@code eval}, accumulate arguments) with JavaParser, and refuses, with file, line and column,
 * every name outside the vocabulary and every construct outside the rule language: loops other
 * than for-each, recursion through functions, inline accumulate code, arrays, unicode escapes,
 * fully qualified names, {@code drools}/{@code kcontext}, foreign imports, globals and declared
 * fields of other types, MVEL dialect, timers. An explanation line ({@code new Line(…, "ID", …)})
 * is created only in a rule's consequence, with its id written as a string equal to the policy id
 * its rule name starts with ({@link PolicyIds}).
 */
public final class DrlFence {

    /** {@code \}{@code uXXXX} as the Java compiler reads it: an odd number of backslashes, one or more u, four hex digits. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
    /** {@code $o : orgCode}, {@code $co : value >= 85}: a binding at the start and no other colon. */
    private static final Pattern SIMPLE_BINDING = Pattern.compile("\\s*([\\p{L}_$][\\p{L}\\p{N}_$]*)\\s*:=?[^:]*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private DrlFence() {
    }

    /** The outcome: what is refused, and the files that Drools' parser could not read (their errors come from the compiler). */
    public record Result(List<Refusal> refusals, Set<String> unparsedFiles) {

        public boolean passed() {
            return refusals.isEmpty() && unparsedFiles.isEmpty();
        }
    }

    /** Checks the {@code .drl} files of a set (name → content); other files are ignored. */
    public static Result check(SortedMap<String, String> files) {
        List<Refusal> refusals = new ArrayList<>();
        Set<String> unparsed = new TreeSet<>();
        Map<String, PackageDescr> packages = new LinkedHashMap<>();
        Map<String, SourceText> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (!e.getKey().endsWith(".drl")) {
                continue;
            }
            SourceText source = new SourceText(e.getKey(), e.getValue());
            if (refuseUnicodeEscapes(source, refusals)) {
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, e.getValue());
            } catch (DroolsParserException | RuntimeException ex) {
                pkg = null;
            }
            if (pkg == null || parser.hasErrors()) {
                unparsed.add(e.getKey());
                continue;
            }
            packages.put(e.getKey(), pkg);
            sources.put(e.getKey(), source);
        }
        FenceContext context = context(packages.values());
        Map<String, FunctionCalls> calls = new LinkedHashMap<>();
        for (Map.Entry<String, PackageDescr> e : packages.entrySet()) {
            new FileCheck(sources.get(e.getKey()), e.getValue(), context, refusals, calls, packages.values()).run();
        }
        refuseRecursion(calls, refusals);
        refusals.sort(Comparator.comparing(Refusal::file).thenComparingInt(Refusal::line).thenComparingInt(Refusal::column));
        return new Result(List.copyOf(refusals), unparsed);
    }

    /** The Java compiler reads unicode escapes before anything else, in comments and strings too: refuse them all. */
    private static boolean refuseUnicodeEscapes(SourceText source, List<Refusal> refusals) {
        String text = source.text();
        boolean found = false;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '\\') {
                i++;
                continue;
            }
            int run = i;
            while (run < text.length() && text.charAt(run) == '\\') {
                run++;
            }
            // an escape needs an odd number of backslashes before the u (JLS 3.3)
            int at = run - 1;
            if ((run - i) % 2 == 1 && UNICODE_ESCAPE.matcher(text).region(at, text.length()).lookingAt()) {
                String word = spelledWord(text, at);
                refusals.add(Refusal.at(source, at, word, "不允许使用 Unicode 转义（\\u…），请直接写出字符；此处拼出的是 " + word,
                        "(spelled with a unicode escape) is not in the rule language"));
                found = true;
            }
            i = run;
        }
        return found;
    }

    /** The word an escape sits in, with the escapes decoded ({@code \u0052untime} → {@code Runtime}). */
    private static String spelledWord(String text, int at) {
        java.util.regex.Matcher escape = UNICODE_ESCAPE.matcher(text).region(at, text.length());
        if (escape.lookingAt()) {
            char decoded = (char) Integer.parseInt(escape.group().substring(escape.group().length() - 4), 16);
            if (!Character.isJavaIdentifierPart(decoded)) {
                // a newline, a quote…: name the escape itself
                return escape.group();
            }
        }
        int start = at;
        while (start > 0 && (Character.isJavaIdentifierPart(text.charAt(start - 1)))) {
            start--;
        }
        StringBuilder word = new StringBuilder();
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= text.length() && text.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                    char decoded = (char) Integer.parseInt(text.substring(j, j + 4), 16);
                    if (!Character.isJavaIdentifierPart(decoded) && word.length() > 0) {
                        break;
                    }
                    word.append(decoded);
                    i = j + 4;
                    if (!Character.isJavaIdentifierPart(decoded)) {
                        break;
                    }
                    continue;
                }
            }
            if (!Character.isJavaIdentifierPart(c)) {
                break;
            }
            word.append(c);
            i++;
        }
        String w = word.toString().strip();
        return w.isEmpty() ? "\\u" : w;
    }

    private static FenceContext context(java.util.Collection<PackageDescr> packages) {
        Set<String> declared = new HashSet<>();
        Set<String> functions = new HashSet<>();
        for (PackageDescr p : packages) {
            p.getTypeDeclarations().forEach(t -> declared.add(t.getTypeName()));
            p.getRules().stream().filter(RuleDescr::isQuery).forEach(q -> declared.add(q.getName()));
            p.getFunctions().forEach(f -> functions.add(f.getName()));
            for (FunctionImportDescr f : p.getFunctionImports()) {
                if (RuleVocabulary.FUNCTION_IMPORTS.contains(f.getTarget())) {
                    functions.add(f.getTarget().substring(f.getTarget().lastIndexOf('.') + 1));
                }
            }
        }
        // a declared type may not take the name of a JDK class the compiler would otherwise find
        return new FenceContext(Set.copyOf(declared), Set.copyOf(functions));
    }

    /** The DRL functions each DRL function calls, with where: for the recursion check. */
    record FunctionCalls(SourceText source, int offset, Map<String, Integer> calls) {
    }

    /** Refuses every function that can reach itself (directly or through others), at its first call on the cycle. */
    private static void refuseRecursion(Map<String, FunctionCalls> calls, List<Refusal> refusals) {
        for (Map.Entry<String, FunctionCalls> e : calls.entrySet()) {
            String f = e.getKey();
            for (Map.Entry<String, Integer> call : e.getValue().calls().entrySet()) {
                List<String> path = pathTo(call.getKey(), f, calls, new HashSet<>());
                if (path != null) {
                    String cycle = f + " → " + String.join(" → ", path);
                    refusals.add(Refusal.at(e.getValue().source(), call.getValue(), f,
                            "不允许函数递归调用（" + cycle + "）", "(a recursive function: " + cycle + ") is not in the rule language"));
                    break;
                }
            }
        }
    }

    /** The call path from {@code from} to {@code target}, both included, or null. */
    private static List<String> pathTo(String from, String target, Map<String, FunctionCalls> calls, Set<String> seen) {
        if (from.equals(target)) {
            return new ArrayList<>(List.of(from));
        }
        if (!seen.add(from) || !calls.containsKey(from)) {
            return null;
        }
        for (String next : calls.get(from).calls().keySet()) {
            List<String> rest = pathTo(next, target, calls, seen);
            if (rest != null) {
                rest.add(0, from);
                return rest;
            }
        }
        return null;
    }

    /** The check of one file. */
    private static final class FileCheck {

        private final SourceText source;
        private final PackageDescr pkg;
        private final FenceContext context;
        private final List<Refusal> refusals;
        private final Map<String, FunctionCalls> calls;
        private final Map<String, RuleDescr> rulesByName = new HashMap<>();

        FileCheck(SourceText source, PackageDescr pkg, FenceContext context, List<Refusal> refusals,
                Map<String, FunctionCalls> calls, java.util.Collection<PackageDescr> all) {
            this.source = source;
            this.pkg = pkg;
            this.context = context;
            this.refusals = refusals;
            this.calls = calls;
            all.forEach(p -> p.getRules().forEach(r -> rulesByName.putIfAbsent(r.getName(), r)));
        }

        private int offset(BaseDescr d) {
            if (d != null && d.getStartCharacter() >= 0) {
                return d.getStartCharacter();
            }
            if (d != null && d.getLine() > 0) {
                return source.offset(d.getLine(), Math.max(0, d.getColumn()) + 1);
            }
            return 0;
        }

        private void refuse(BaseDescr d, String name, String chinese, String english) {
            refuse(offset(d), name, chinese, english);
        }

        private void refuse(int at, String name, String chinese, String english) {
            refusals.add(Refusal.at(source, at, name, chinese, english));
        }

        /** Where a name stands in or after a declaration (an import's target, not the keyword). */
        private int named(BaseDescr d, String name) {
            int at = source.find(name, offset(d));
            return at < 0 ? offset(d) : at;
        }

        void run() {
            for (ImportDescr i : pkg.getImports()) {
                if (!RuleVocabulary.isImport(i.getTarget())) {
                    refuse(named(i, i.getTarget()), i.getTarget(), "不允许导入 " + i.getTarget() + "（只能导入考评事实与结果类型）",
                            "(an import) is not in the rule language");
                }
            }
            for (FunctionImportDescr i : pkg.getFunctionImports()) {
                if (!RuleVocabulary.FUNCTION_IMPORTS.contains(i.getTarget())) {
                    refuse(named(i, i.getTarget()), i.getTarget(), "不允许导入函数 " + i.getTarget() + "（只能导入引擎提供的规则函数）",
                            "(a function import) is not in the rule language");
                }
            }
            pkg.getAccumulateImports().forEach(a -> refuse(a, a.getTarget(), "不允许导入累计函数 " + a.getTarget(),
                    "(an accumulate import) is not in the rule language"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "entry-point", "不允许声明入口点", "is not in the rule language"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w, "window", "不允许声明窗口", "is not in the rule language"));
            pkg.getEnumDeclarations().forEach(e -> refuse(e, "declare enum " + e.getTypeName(), "不允许声明枚举",
                    "is not in the rule language"));
            if (pkg.getUnit() != null) {
                refuse(pkg.getUnit(), "unit", "不允许使用规则单元", "is not in the rule language");
            }
            for (GlobalDescr g : pkg.getGlobals()) {
                int at = source.find(g.getType(), offset(g));
                new CodeChecker(source, context, refusals).checkType(g.getType(), at < 0 ? offset(g) : at);
            }
            pkg.getAttributes().forEach(this::checkAttribute);
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                checkDeclaration(t);
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                checkFunction(f);
            }
            for (RuleDescr r : pkg.getRules()) {
                checkRule(r);
            }
        }

        private void checkAttribute(AttributeDescr a) {
            String name = a.getName();
            String value = a.getValue() == null ? "" : a.getValue().trim();
            if (!RuleVocabulary.ATTRIBUTES.contains(name)) {
                refuse(a, name, "不允许使用规则属性 " + name, "(a rule attribute) is not in the rule language");
            } else if (name.equals("salience") && !WHOLE_NUMBER.matcher(value).matches()) {
                refuse(a, "salience " + value, "salience 只能是整数", "(salience must be a whole number) is not in the rule language");
            } else if (name.equals("enabled") && !value.equals("true") && !value.equals("false")) {
                refuse(a, "enabled " + value, "enabled 只能是 true 或 false", "is not in the rule language");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                refuse(a, "dialect " + value, "只能使用 java 方言（不允许 MVEL 方言）", "is not in the rule language");
            }
        }

        private void checkAnnotations(AnnotatedBaseDescr d) {
            for (AnnotationDescr a : d.getAnnotations()) {
                refuse(a.getLine() > 0 ? a : d, "@" + a.getName(), "不允许使用注解 @" + a.getName(), "is not in the rule language");
            }
        }

        private void checkDeclaration(TypeDeclarationDescr t) {
            checkAnnotations(t);
            String name = t.getTypeName();
            if (javaLangClass(name) || RuleVocabulary.isType(name)) {
                refuse(t, name, "不允许声明与已有类型同名的类型 " + name, "(a declared type that hides another) is not in the rule language");
            }
            t.getSuperTypes().forEach(s -> {
                if (!context.isType(s.getName()) && !s.getName().equals("Object")) {
                    refuse(t, s.getName(), "不允许使用 " + s.getName() + "（规则中只能使用考评事实与结果类型）",
                            "is not in the rule language");
                }
            });
            for (TypeFieldDescr field : t.getFields().values()) {
                checkAnnotations(field);
                String type = field.getPattern().getObjectType();
                int at = source.find(type, offset(field));
                new CodeChecker(source, context, refusals).checkType(type, at < 0 ? offset(field) : at);
                if (field.getInitExpr() != null) {
                    int init = source.find(field.getInitExpr(), offset(field));
                    new CodeChecker(source, context, refusals).checkExpression(field.getInitExpr(), init, Set.of());
                }
            }
        }

        private static boolean javaLangClass(String name) {
            try {
                Class.forName("java.lang." + name, false, DrlFence.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        private void checkFunction(FunctionDescr f) {
            if (f.getDialect() != null && !f.getDialect().equals("java")) {
                refuse(f, "dialect " + f.getDialect(), "只能使用 java 方言", "is not in the rule language");
            }
            int start = offset(f);
            CodeChecker types = new CodeChecker(source, context, refusals);
            if (f.getReturnType() != null) {
                int at = source.find(f.getReturnType(), start);
                types.checkType(f.getReturnType(), at < 0 ? start : at);
            }
            for (String type : f.getParameterTypes()) {
                int at = source.find(type, start);
                types.checkType(type, at < 0 ? start : at);
            }
            int body = source.find(f.getBody(), start);
            CodeChecker code = new CodeChecker(source, context, refusals);
            code.checkBlock(f.getBody(), body < 0 ? start : body, new HashSet<>(f.getParameterNames()), CodeChecker.Kind.FUNCTION);
            calls.put(f.getName(), new FunctionCalls(source, start, code.functionCalls()));
        }

        private void checkRule(RuleDescr r) {
            checkAnnotations(r);
            r.getAttributes().values().forEach(this::checkAttribute);
            Set<String> bindings = new HashSet<>();
            collectBindings(r, bindings, new HashSet<>());
            if (r instanceof org.drools.drl.ast.descr.QueryDescr q) {
                bindings.addAll(Arrays.asList(q.getParameters()));
                for (String type : q.getParameterTypes()) {
                    int at = source.find(type, offset(r));
                    new CodeChecker(source, context, refusals).checkType(type, at < 0 ? offset(r) : at);
                }
            }
            if (r.getLhs() != null) {
                checkElement(r.getLhs(), bindings);
            }
            if (r.getConsequence() != null) {
                checkConsequence(r, r.getConsequence().toString(), bindings);
            }
            for (Object named : r.getNamedConsequences().values()) {
                checkConsequence(r, named.toString(), bindings);
            }
        }

        private void checkConsequence(RuleDescr r, String code, Set<String> bindings) {
            int from = r.getLhs() != null && r.getLhs().getEndCharacter() > 0 ? r.getLhs().getEndCharacter() : offset(r);
            int at = source.find(code, from);
            int fallback = r.getConsequenceLine() > 0 ? source.offset(r.getConsequenceLine(), 1) : offset(r);
            new CodeChecker(source, context, refusals).ofRule(r.getName())
                    .checkBlock(code, at < 0 ? fallback : at, bindings, CodeChecker.Kind.CONSEQUENCE);
        }

        /** Every name a rule's conditions bind (and its parent rule's), so that the code may use them. */
        private void collectBindings(RuleDescr r, Set<String> bindings, Set<String> seen) {
            if (!seen.add(r.getName())) {
                return;
            }
            if (r.getLhs() != null) {
                collectBindings(r.getLhs(), bindings);
            }
            if (r.getParentName() != null && rulesByName.containsKey(r.getParentName())) {
                collectBindings(rulesByName.get(r.getParentName()), bindings, seen);
            }
        }

        private void collectBindings(BaseDescr d, Set<String> bindings) {
            if (d instanceof PatternDescr p) {
                if (p.getIdentifier() != null) {
                    bindings.add(p.getIdentifier());
                }
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        String text = e.getExpression();
                        if (text.indexOf(':') < 0) {
                            continue;
                        }
                        Matcher simple = SIMPLE_BINDING.matcher(text);
                        if (simple.matches()) {
                            bindings.add(simple.group(1));
                            continue;
                        }
                        ConstraintConnectiveDescr parsed = parseConstraint(text);
                        if (parsed != null) {
                            collectExprBindings(parsed, bindings);
                        }
                    }
                }
                if (p.getSource() != null) {
                    collectBindings(p.getSource(), bindings);
                }
            } else if (d instanceof AccumulateDescr a) {
                a.getFunctions().forEach(f -> {
                    if (f.getBind() != null) {
                        bindings.add(f.getBind());
                    }
                });
                if (a.getInput() != null) {
                    collectBindings(a.getInput(), bindings);
                }
            } else if (d instanceof CollectDescr c) {
                collectBindings(c.getInputPattern(), bindings);
            } else if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
                for (Object child : ce.getDescrs()) {
                    if (child instanceof BaseDescr b) {
                        collectBindings(b, bindings);
                    }
                }
            }
        }

        private static void collectExprBindings(BaseDescr d, Set<String> bindings) {
            if (d instanceof BindingDescr b) {
                bindings.add(b.getVariable());
            } else if (d instanceof ConstraintConnectiveDescr c) {
                c.getDescrs().forEach(x -> collectExprBindings(x, bindings));
            } else if (d instanceof RelationalExprDescr r) {
                collectExprBindings(r.getLeft(), bindings);
                collectExprBindings(r.getRight(), bindings);
            }
        }

        private static ConstraintConnectiveDescr parseConstraint(String expression) {
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr result = parser.parse(expression);
            return parser.hasErrors() ? null : result;
        }

        // -------------------------------------------------------------------------------- conditions

        private void checkElement(BaseDescr d, Set<String> bindings) {
            if (d instanceof PatternDescr p) {
                checkPattern(p, bindings);
            } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                    || d instanceof ForallDescr) {
                for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    checkElement((BaseDescr) child, bindings);
                }
            } else if (d instanceof EvalDescr e) {
                String code = String.valueOf(e.getContent());
                int at = source.find(code, offset(e));
                new CodeChecker(source, context, refusals).checkExpression(code, at < 0 ? offset(e) : at, bindings);
            } else {
                String name = d.getClass().getSimpleName().replace("Descr", "");
                refuse(d, name, "不允许使用 " + name + "（规则语言中没有这种条件）", "(a condition) is not in the rule language");
            }
        }

        private void checkPattern(PatternDescr p, Set<String> bindings) {
            checkAnnotations(p);
            String type = p.getObjectType();
            if (type != null && !context.isType(type) && !type.equals("Object")) {
                int at = source.find(type, offset(p));
                refusals.add(Refusal.name(source, at < 0 ? offset(p) : at, type));
            }
            if (!p.getBehaviors().isEmpty()) {
                refuse(p, "over", "不允许使用滑动窗口", "is not in the rule language");
            }
            int cursor = offset(p);
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    int at = e.getStartCharacter() >= 0 && source.text().startsWith(e.getExpression(), e.getStartCharacter())
                            ? e.getStartCharacter() : source.find(e.getExpression(), cursor);
                    checkConstraint(e.getExpression(), at < 0 ? offset(e) : at, bindings);
                    cursor = Math.max(cursor, at);
                } else {
                    checkElement(c, bindings);
                }
            }
            if (p.getSource() != null) {
                checkSource(p, p.getSource(), bindings);
            }
        }

        private void checkSource(PatternDescr p, BaseDescr src, Set<String> bindings) {
            if (src instanceof FromDescr f) {
                if (!(f.getDataSource() instanceof MVELExprDescr)) {
                    refuse(p, "from", "不允许使用这种 from 来源", "(this from source) is not in the rule language");
                    return;
                }
                String code = f.getExpression();
                int at = source.find(code, offset(p));
                new CodeChecker(source, context, refusals).checkExpression(code, at < 0 ? offset(p) : at, bindings);
            } else if (src instanceof CollectDescr c) {
                checkElement(c.getInputPattern(), bindings);
            } else if (src instanceof AccumulateDescr a) {
                checkAccumulate(a, bindings);
            } else {
                String name = src.getClass().getSimpleName().replace("Descr", "");
                refuse(p, name, "不允许使用 " + name + " 来源", "(a pattern source) is not in the rule language");
            }
        }

        private void checkAccumulate(AccumulateDescr a, Set<String> bindings) {
            if (a.getInitCode() != null || a.getActionCode() != null || a.getReverseCode() != null || a.getResultCode() != null) {
                int at = source.find("init", offset(a));
                refusals.add(Refusal.at(source, at < 0 ? offset(a) : at, "accumulate init",
                        "不允许在 accumulate 中写代码（init/action/reverse/result），只能使用 count、sum 等累计函数",
                        "(inline accumulate code) is not in the rule language"));
                return;
            }
            if (a.getInput() != null) {
                checkElement(a.getInput(), bindings);
            }
            int cursor = offset(a);
            for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
                int at = source.find(f.getFunction(), cursor);
                if (!RuleVocabulary.ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refusals.add(Refusal.at(source, at < 0 ? offset(a) : at, f.getFunction(),
                            "不允许使用累计函数 " + f.getFunction() + "（只能用 count、sum、min、max、average、collectList、collectSet）",
                            "(an accumulate function) is not in the rule language"));
                }
                for (String param : f.getParams()) {
                    int p = source.find(param, Math.max(cursor, at));
                    new CodeChecker(source, context, refusals).checkExpression(param, p < 0 ? offset(a) : p, bindings);
                }
                cursor = Math.max(cursor, at);
            }
        }

        /** A constraint: split by Drools' expression parser into atomic expressions, each checked as Java. */
        private void checkConstraint(String expression, int at, Set<String> bindings) {
            List<Refusal> fast = new ArrayList<>();
            CodeChecker quick = new CodeChecker(source, context, fast);
            if (quick.passesWithoutParsing(expression, at, bindings)) {
                return;
            }
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr parsed = parser.parse(expression);
            if (parser.hasErrors() || parsed == null) {
                new CodeChecker(source, context, refusals).checkExpression(expression, at, bindings);
                return;
            }
            int[] cursor = {0};
            checkConstraintPart(parsed, expression, at, cursor, bindings);
        }

        private void checkConstraintPart(BaseDescr d, String expression, int at, int[] cursor, Set<String> bindings) {
            if (d instanceof ConstraintConnectiveDescr c) {
                c.getDescrs().forEach(x -> checkConstraintPart(x, expression, at, cursor, bindings));
            } else if (d instanceof RelationalExprDescr r) {
                checkConstraintPart(r.getLeft(), expression, at, cursor, bindings);
                String op = r.getOperator();
                if (!RuleVocabulary.CONSTRAINT_OPERATORS.contains(op)) {
                    int opAt = expression.indexOf(op, cursor[0]);
                    refusals.add(Refusal.at(source, at + Math.max(0, opAt), op, "不允许使用运算符 " + op,
                            "(an operator) is not in the rule language"));
                }
                checkConstraintPart(r.getRight(), expression, at, cursor, bindings);
            } else if (d instanceof BindingDescr b) {
                checkAtom(b.getExpression(), expression, at, cursor, bindings);
            } else if (d instanceof AtomicExprDescr a) {
                checkAtom(a.getExpression(), expression, at, cursor, bindings);
            } else if (d != null) {
                new CodeChecker(source, context, refusals).checkExpression(expression, at, bindings);
            }
        }

        private void checkAtom(String atom, String expression, int at, int[] cursor, Set<String> bindings) {
            int local = expression.indexOf(atom, cursor[0]);
            if (local < 0) {
                local = expression.indexOf(atom);
            }
            if (local >= 0) {
                cursor[0] = local + atom.length();
            }
            new CodeChecker(source, context, refusals).checkExpression(atom, local < 0 ? at : at + local, bindings);
        }
    }
}
