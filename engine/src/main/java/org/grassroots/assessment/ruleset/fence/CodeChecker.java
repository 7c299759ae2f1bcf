package org.grassroots.assessment.ruleset.fence;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one piece of rule code (a consequence, a function body, a constraint, a {@code from} or
 * {@code eval} expression, an accumulate function's argument) against the vocabulary, with
 * JavaParser. It allows only the node kinds listed below and refuses the rest (fail closed).
 */
final class CodeChecker {

    /** Where the code stands; what it may do differs a little. */
    enum Kind {
        /** A rule's {@code then} part: may {@code insert}. */
        CONSEQUENCE,
        /** A DRL {@code function}'s body. */
        FUNCTION,
        /** A constraint, {@code from}, {@code eval} or accumulate argument: bare names are properties; {@code this} is the fact. */
        EXPRESSION
    }

    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|([\\p{L}_$][\\p{L}\\p{N}_$]*)");
    private static final Set<String> EXPRESSION_WORDS = Set.of("true", "false", "null", "this", "new", "instanceof",
            "int", "long", "double", "boolean", "char", "float", "short", "byte");

    private final SourceText source;
    private final FenceContext context;
    private final List<Refusal> refusals;
    /** DRL functions this code calls, with the offset of the first call. */
    private final Map<String, Integer> functionCalls = new LinkedHashMap<>();

    /** The name of the rule whose consequence this is; null for other code. */
    private String ruleName;
    private Kind kind;
    private Set<String> names;
    private String text;
    private int fileOffset;
    private int prefix;
    private int[] lineStarts;

    CodeChecker(SourceText source, FenceContext context, List<Refusal> refusals) {
        this.source = source;
        this.context = context;
        this.refusals = refusals;
    }

    Map<String, Integer> functionCalls() {
        return functionCalls;
    }

    /** The code to check is the consequence of this rule (for the ids of the explanation lines it creates). */
    CodeChecker ofRule(String name) {
        this.ruleName = name;
        return this;
    }

    private static JavaParser parser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false));
    }

    /** A block of statements (consequence or function body) that starts at {@code offset} in the file. */
    void checkBlock(String code, int offset, Set<String> bound, Kind blockKind) {
        start("{" + code + "\n}", offset, 1, bound, blockKind);
        ParseResult<BlockStmt> result = parser().parseBlock(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            unparsable(result.getProblems());
            return;
        }
        BlockStmt block = result.getResult().get();
        declare(block);
        check(block);
    }

    /** An expression that starts at {@code offset} in the file. */
    void checkExpression(String code, int offset, Set<String> bound) {
        start(code, offset, 0, bound, Kind.EXPRESSION);
        if (simpleExpressionPasses()) {
            return;
        }
        ParseResult<Expression> result = parser().parseExpression(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            // not Java (MVEL syntax such as this.class): name the first word outside the vocabulary
            if (!refuseFirstUnknownWord()) {
                unparsable(result.getProblems());
            }
            return;
        }
        Expression e = result.getResult().get();
        declare(e);
        check(e);
    }

    /** Whether a whole constraint passes by its words alone (see {@link #simpleExpressionPasses()}). */
    boolean passesWithoutParsing(String code, int offset, Set<String> bound) {
        start(code, offset, 0, bound, Kind.EXPRESSION);
        return simpleExpressionPasses();
    }

    /** A type written in DRL (a function's return or parameter type, a declared field's type, a global's type). */
    void checkType(String typeText, int offset) {
        start(typeText, offset, 0, Set.of(), Kind.EXPRESSION);
        ParseResult<ClassOrInterfaceType> parsed;
        String trimmed = typeText.trim();
        if (PRIMITIVES.contains(trimmed)) {
            return;
        }
        try {
            com.github.javaparser.ast.type.Type t = parser().parseType(trimmed).getResult().orElse(null);
            if (t == null) {
                refusals.add(Refusal.name(source, offset, trimmed));
                return;
            }
            checkTypeNode(t);
        } catch (RuntimeException e) {
            refusals.add(Refusal.name(source, offset, trimmed));
        }
    }

    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "boolean", "char", "float",
            "short", "byte", "void");

    private void start(String code, int offset, int prefixLength, Set<String> bound, Kind unitKind) {
        this.text = code;
        this.fileOffset = offset;
        this.prefix = prefixLength;
        this.lineStarts = SourceText.lineStarts(code);
        this.names = new HashSet<>(bound);
        this.kind = unitKind;
    }

    /** Collects every local variable and parameter the code declares, so that uses of them are known names. */
    private void declare(Node root) {
        root.walk(VariableDeclarator.class, v -> names.add(v.getNameAsString()));
        root.walk(Parameter.class, p -> names.add(p.getNameAsString()));
        root.walk(TypePatternExpr.class, p -> names.add(p.getNameAsString()));
    }

    private int offsetOf(Node node) {
        Optional<Position> begin = node.getBegin();
        if (begin.isEmpty() || fileOffset < 0) {
            return Math.max(0, fileOffset);
        }
        int line = begin.get().line;
        int local = lineStarts[Math.min(line, lineStarts.length) - 1] + begin.get().column - 1;
        return fileOffset + Math.max(0, local - prefix);
    }

    private void refuse(Node node, String name) {
        refusals.add(Refusal.name(source, offsetOf(node), name));
    }

    private void refuse(Node node, String name, String chinese, String english) {
        refusals.add(Refusal.at(source, offsetOf(node), name, chinese, english));
    }

    private void unparsable(List<Problem> problems) {
        int at = Math.max(0, fileOffset);
        String detail = problems.isEmpty() ? "" : problems.get(0).getMessage().lines().findFirst().orElse("");
        if (!problems.isEmpty() && problems.get(0).getLocation().isPresent()) {
            Position p = problems.get(0).getLocation().get().getBegin().getRange().map(r -> r.begin).orElse(null);
            if (p != null && fileOffset >= 0) {
                int local = lineStarts[Math.min(p.line, lineStarts.length) - 1] + p.column - 1;
                at = fileOffset + Math.max(0, local - prefix);
            }
        }
        refusals.add(Refusal.at(source, at, "code", "规则代码无法校验，不能使用（" + detail + "）",
                "that cannot be verified is not accepted (" + detail + ")"));
    }

    /**
     * Most constraints are names, dots, literals and operators ({@code orgCode == $o},
     * {@code type == OrgType.VILLAGE}): without a parenthesis, bracket, brace or string nothing in
     * them can call or create anything, so checking each word is enough and saves parsing. Returns
     * false when the text needs the parser (or a word is unknown: the parser then says where and why).
     */
    private boolean simpleExpressionPasses() {
        if (!SIMPLE_EXPRESSION_TEXT.matcher(text).matches()) {
            return false;
        }
        Matcher m = CHAIN.matcher(text);
        while (m.find()) {
            String[] parts = m.group().split("\\s*\\.\\s*");
            String first = parts[0];
            if (first.equals("drools") || first.equals("kcontext")
                    || !(EXPRESSION_WORDS.contains(first) || knownName(first))) {
                return false;
            }
            int next = 1;
            if (parts.length > 1 && isTypeName(first)) {
                if (!RuleVocabulary.isStaticField(first, parts[1])) {
                    return false;
                }
                next = 2;
            }
            for (int i = next; i < parts.length; i++) {
                if (!RuleVocabulary.isProperty(parts[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A name and what follows it after dots: {@code OrgType.VILLAGE}, {@code $w.start}, {@code orgCode}. */
    private static final Pattern CHAIN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_$.])[\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    /** Only words, numbers, dots, spaces and operators; no call, index, block, string or escape. */
    private static final Pattern SIMPLE_EXPRESSION_TEXT = Pattern.compile("[\\p{L}\\p{N}_$.\\s=!<>&|+*/%:?-]*");

    /** For text JavaParser cannot read: the first identifier outside the vocabulary and the known names. */
    private boolean refuseFirstUnknownWord() {
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String word = m.group(1);
            if (word != null && !EXPRESSION_WORDS.contains(word) && !knownName(word)) {
                refusals.add(Refusal.name(source, Math.max(0, fileOffset) + m.start(1), word));
                return true;
            }
        }
        return false;
    }

    private boolean knownName(String name) {
        if (name.equals("drools") || name.equals("kcontext")) {
            return false;
        }
        return names.contains(name) || context.isType(name) || (kind == Kind.EXPRESSION && RuleVocabulary.isProperty(name));
    }

    // ---------------------------------------------------------------------------------------- nodes

    private void check(Node node) {
        if (node instanceof Comment) {
            return;
        }
        if (node instanceof com.github.javaparser.ast.Modifier m) {
            if (m.getKeyword() != com.github.javaparser.ast.Modifier.Keyword.FINAL
                    && m.getKeyword() != com.github.javaparser.ast.Modifier.Keyword.PUBLIC) {
                refuse(m, m.getKeyword().asString());
            }
            return;
        }
        if (node instanceof AnnotationExpr a) {
            if (!a.getNameAsString().equals("Override")) {
                refuse(a, a.getNameAsString());
            }
            return;
        }
        if (node instanceof BlockStmt || node instanceof ExpressionStmt || node instanceof IfStmt
                || node instanceof ReturnStmt || node instanceof EmptyStmt || node instanceof SwitchStmt
                || node instanceof YieldStmt || node instanceof SwitchExpr
                || node instanceof BinaryExpr || node instanceof UnaryExpr || node instanceof ConditionalExpr
                || node instanceof EnclosedExpr || node instanceof AssignExpr || node instanceof ArrayAccessExpr
                || node instanceof VariableDeclarationExpr || node instanceof LiteralExpr) {
            children(node);
        } else if (node instanceof ForEachStmt f) {
            children(f);
        } else if (node instanceof SwitchEntry entry) {
            for (Expression label : entry.getLabels()) {
                if (label instanceof NameExpr n && RuleVocabulary.isEnumConstant(n.getNameAsString())) {
                    continue;
                }
                check(label);
            }
            entry.getStatements().forEach(this::check);
        } else if (node instanceof BreakStmt b) {
            if (b.getLabel().isPresent()) {
                refuse(b, "break " + b.getLabel().get(), "不允许使用带标签的 break", "is not in the rule language");
            }
        } else if (node instanceof ContinueStmt c) {
            if (c.getLabel().isPresent()) {
                refuse(c, "continue " + c.getLabel().get(), "不允许使用带标签的 continue", "is not in the rule language");
            }
        } else if (node instanceof WhileStmt) {
            refuse(node, "while", "不允许使用 while 循环（只能用 for-each 遍历集合）", "loops are not in the rule language");
        } else if (node instanceof DoStmt) {
            refuse(node, "do", "不允许使用 do 循环（只能用 for-each 遍历集合）", "loops are not in the rule language");
        } else if (node instanceof ForStmt) {
            refuse(node, "for(;;)", "不允许使用计数 for 循环（只能用 for-each 遍历集合）", "loops are not in the rule language");
        } else if (node instanceof VariableDeclarator v) {
            checkDeclaredName(v.getName());
            children(v);
        } else if (node instanceof Parameter p) {
            checkDeclaredName(p.getName());
            children(p);
        } else if (node instanceof TypePatternExpr p) {
            checkDeclaredName(p.getName());
            children(p);
        } else if (node instanceof NameExpr n) {
            checkName(n);
        } else if (node instanceof FieldAccessExpr f) {
            checkFieldAccess(f);
        } else if (node instanceof MethodCallExpr m) {
            checkCall(m);
        } else if (node instanceof ObjectCreationExpr o) {
            checkNew(o);
        } else if (node instanceof CastExpr || node instanceof InstanceOfExpr) {
            children(node);
        } else if (node instanceof ThisExpr t) {
            if (kind != Kind.EXPRESSION || t.getTypeName().isPresent()) {
                refuse(t, "this", "规则代码中不允许使用 this", "is not in the rule language outside constraints");
            }
        } else if (node instanceof Type t) {
            checkTypeNode(t);
        } else if (node instanceof SimpleName) {
            // names are checked by the node that holds them
        } else if (node instanceof ArrayCreationExpr || node instanceof ArrayInitializerExpr) {
            refuse(node, "new[]", "不允许创建数组", "(array creation) is not in the rule language");
        } else if (node instanceof LambdaExpr) {
            refuse(node, "->", "不允许使用 lambda 表达式", "(lambda) is not in the rule language");
        } else if (node instanceof MethodReferenceExpr) {
            refuse(node, "::", "不允许使用方法引用", "(method reference) is not in the rule language");
        } else if (node instanceof ClassExpr) {
            refuse(node, "class", "不允许使用类对象（.class）", "(class literal) is not in the rule language");
        } else if (node instanceof SuperExpr) {
            refuse(node, "super", "不允许使用 super", "is not in the rule language");
        } else {
            String name = statementName(node);
            refuse(node, name, "不允许使用 " + name + "（规则语言中没有这种写法）", "is not in the rule language");
        }
    }

    private static String statementName(Node node) {
        String simple = node.getClass().getSimpleName();
        return switch (simple) {
            case "TryStmt", "CatchClause" -> "try";
            case "ThrowStmt" -> "throw";
            case "SynchronizedStmt" -> "synchronized";
            case "LabeledStmt" -> "label";
            case "AssertStmt" -> "assert";
            case "LocalClassDeclarationStmt", "ClassOrInterfaceDeclaration" -> "class";
            case "LocalRecordDeclarationStmt", "RecordDeclaration" -> "record";
            default -> simple.replaceAll("(Stmt|Expr)$", "");
        };
    }

    private void children(Node node) {
        for (Node child : node.getChildNodes()) {
            check(child);
        }
    }

    private void checkDeclaredName(SimpleName name) {
        String n = name.getIdentifier();
        if (n.equals("kcontext") || n.equals("drools")) {
            refuse(name, n);
        }
    }

    private void checkName(NameExpr n) {
        String name = n.getNameAsString();
        if (!knownName(name) || name.equals("drools") || name.equals("kcontext")) {
            refuse(n, name);
        }
    }

    /**
     * {@code a.b.c}: a fully qualified name is refused whole. {@code Type.FIELD} must be a static
     * field listed for that type. On a value, a constraint reads a property ({@code $w.start} →
     * {@code start()}); Java code reads no field but an array's {@code length}.
     */
    private void checkFieldAccess(FieldAccessExpr f) {
        Expression root = f;
        while (root instanceof FieldAccessExpr fa) {
            root = fa.getScope();
        }
        if (root instanceof NameExpr n && !knownName(n.getNameAsString())) {
            String qualified = f.toString();
            refuse(f, qualified, "不允许使用全限定名 " + qualified + "（只能使用规则语言中的类型名）",
                    "(a fully qualified name) is not in the rule language");
            return;
        }
        String field = f.getNameAsString();
        boolean allowed;
        if (f.getScope() instanceof NameExpr scope && isTypeName(scope.getNameAsString())) {
            allowed = RuleVocabulary.isStaticField(scope.getNameAsString(), field);
        } else {
            allowed = kind == Kind.EXPRESSION ? RuleVocabulary.isProperty(field) : field.equals("length");
            check(f.getScope());
        }
        if (!allowed) {
            refusals.add(Refusal.name(source, offsetOf(f.getName()), field));
        }
        f.getTypeArguments().ifPresent(ts -> ts.forEach(this::check));
    }

    /** A name that stands for a type here (not a variable or binding of that name). */
    private boolean isTypeName(String name) {
        return !names.contains(name) && context.isType(name);
    }

    private void checkCall(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (m.getScope().isEmpty()) {
            if (context.isFunction(name)) {
                functionCalls.putIfAbsent(name, offsetOf(m));
            } else if (!(kind == Kind.CONSEQUENCE && RuleVocabulary.CONSEQUENCE_CALLS.contains(name))) {
                refusals.add(Refusal.method(source, offsetOf(m.getName()), name));
            }
        } else {
            Expression scope = m.getScope().get();
            if (!RuleVocabulary.isMember(name) || RuleVocabulary.NEVER.contains(name)) {
                refusals.add(Refusal.method(source, offsetOf(m.getName()), name));
            }
            check(scope);
        }
        m.getTypeArguments().ifPresent(ts -> ts.forEach(this::check));
        m.getArguments().forEach(this::check);
    }

    private void checkNew(ObjectCreationExpr o) {
        if (o.getScope().isPresent()) {
            refuse(o, o.toString(), "不允许创建内部类对象", "is not in the rule language");
            return;
        }
        ClassOrInterfaceType type = o.getType();
        checkTypeNode(type);
        String name = type.getNameAsString();
        if (name.equals("Line") && !context.isDeclaredType(name)) {
            checkLineId(o);
        }
        Class<?> c = context.isDeclaredType(name) ? null : RuleVocabulary.type(name);
        boolean jdk = c != null && RuleVocabulary.JDK_TYPES.containsKey(c);
        if (o.getAnonymousClassBody().isPresent()) {
            checkAnonymousComparator(o, name, o.getAnonymousClassBody().get());
        } else if (jdk && !(RuleVocabulary.CONSTRUCTIBLE_JDK_TYPES.contains(name) && o.getArguments().isEmpty())) {
            refuse(type, "new " + name, "不允许创建 " + name + " 对象（只能创建不带参数的 ArrayList、HashSet 和考评结果）",
                    "(this constructor) is not in the rule language");
        }
        o.getArguments().forEach(this::check);
    }

    /**
     * An explanation line carries the policy id of the rule that explains it (issue: a maintainer
     * copying a rule kept the old id): only a rule's consequence creates one, its id is a string
     * literal, and it is the id at the start of the rule's name ({@code rule "CB-05 …"} creates
     * {@code new Line($o, "CB-05", …)}). A rule's variants share its id (the three {@code CH-01} rules).
     */
    private void checkLineId(ObjectCreationExpr o) {
        if (kind != Kind.CONSEQUENCE || ruleName == null) {
            refuse(o.getType(), "new Line", "说明行（Line）只能在规则的结果部分（then）中创建",
                    "(an explanation line created outside a rule's consequence) is not accepted");
            return;
        }
        if (o.getArguments().size() < 2) {
            return; // not a Line constructor: the compiler says so
        }
        String id = PolicyIds.of(ruleName);
        Expression argument = o.getArgument(1);
        if (!(argument instanceof StringLiteralExpr literal)) {
            refuse(argument, argument.toString(), "说明行（Line）的规则编号必须直接写成字符串"
                    + (id == null ? "" : "，即规则名称开头的编号 " + id),
                    "(an explanation line whose rule id is not a string literal) is not accepted");
        } else if (id == null) {
            refuse(argument, literal.asString(), "规则 \"" + ruleName + "\" 的名称不以规则编号开头，不能创建说明行（Line）",
                    "(an explanation line of a rule without a policy id) is not accepted");
        } else if (!id.equals(literal.asString())) {
            refuse(argument, literal.asString(), "规则 \"" + ruleName + "\" 的编号是 " + id + "，它创建的说明行（Line）编号却是 "
                    + literal.asString() + "：说明行的编号必须与规则名称开头的编号一致",
                    "(an explanation line whose id differs from its rule's policy id " + id + ") is not accepted");
        }
    }

    /** The only anonymous class a rule may write: a Comparator with one compare method. */
    private void checkAnonymousComparator(ObjectCreationExpr o, String typeName, List<BodyDeclaration<?>> body) {
        if (!typeName.equals("Comparator")) {
            refuse(o.getType(), typeName + " {}", "不允许定义匿名类（只能定义 Comparator 比较器）",
                    "(an anonymous class) is not in the rule language");
            return;
        }
        for (BodyDeclaration<?> member : body) {
            if (member instanceof MethodDeclaration method && method.getNameAsString().equals("compare")
                    && method.getBody().isPresent()) {
                for (AnnotationExpr a : method.getAnnotations()) {
                    if (!a.getNameAsString().equals("Override")) {
                        refuse(a, a.getNameAsString());
                    }
                }
                method.getParameters().forEach(this::check);
                checkTypeNode(method.getType());
                check(method.getBody().get());
            } else {
                String name = member instanceof MethodDeclaration method ? method.getNameAsString() : "class member";
                refuse(member, name, "比较器中只能定义 compare 方法", "is not in the rule language (a Comparator has compare only)");
            }
        }
    }

    private void checkTypeNode(Type t) {
        if (t instanceof PrimitiveType || t instanceof VoidType || t instanceof VarType) {
            return;
        }
        if (t instanceof ArrayType a) {
            checkTypeNode(a.getComponentType());
        } else if (t instanceof WildcardType w) {
            w.getExtendedType().ifPresent(this::checkTypeNode);
            w.getSuperType().ifPresent(this::checkTypeNode);
        } else if (t instanceof ClassOrInterfaceType c) {
            if (c.getScope().isPresent()) {
                String qualified = c.asString();
                refuse(c, qualified, "不允许使用全限定名 " + qualified + "（只能使用规则语言中的类型名）",
                        "(a fully qualified name) is not in the rule language");
                return;
            }
            if (!context.isType(c.getNameAsString())) {
                refuse(c, c.getNameAsString());
            }
            c.getTypeArguments().ifPresent(ts -> ts.forEach(this::checkTypeNode));
        } else {
            refuse(t, t.asString());
        }
    }
}
