package org.grassroots.assessment.ruleset;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.evaluation.CompiledRules;
import org.grassroots.assessment.ruleset.fence.DrlFence;
import org.grassroots.assessment.ruleset.fence.RuleClassLoaders;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * A compiled rule set: its files (name → content), a version, a SHA-256 checksum over the files and
 * the compiled KieBase. Immutable and safe to share between threads; sessions are made per use.
 * The version comes from {@code ruleset.properties} ({@code version=…}) when the set has one.
 */
public final class RuleSet implements CompiledRules {

    public static final String PROPERTIES = "ruleset.properties";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[(\\d+):(\\d+)\\]|line (\\d+):(\\d+)|\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\]",
            Pattern.CASE_INSENSITIVE);

    /** The package every rule file declares. */
    static final String RULES_PACKAGE = "org.grassroots.assessment.rules";
    // the folder matches the rules' package, which Drools expects
    static final String RESOURCE_FOLDER = "src/main/resources/" + RULES_PACKAGE.replace('.', '/') + "/";

    private final String version;
    private final String checksum;
    private final SortedMap<String, String> files;
    private final KieBase kieBase;
    private final List<RuleMessage> warnings;
    private final boolean prebuilt;

    private RuleSet(String version, String checksum, SortedMap<String, String> files, KieBase kieBase,
            List<RuleMessage> warnings, boolean prebuilt) {
        this.version = version;
        this.checksum = checksum;
        this.files = files;
        this.kieBase = kieBase;
        this.warnings = warnings;
        this.prebuilt = prebuilt;
    }

    /**
     * The set from its executable model, generated and fenced at build time from exactly these
     * files (the caller has compared the checksums, {@link ExecutableModel#madeFrom}).
     */
    static RuleSet fromExecutableModel(Map<String, String> files, ExecutableModel model) throws RuleSetCompilationException {
        SortedMap<String, String> sorted = new TreeMap<>(files);
        String checksum = checksum(sorted);
        if (!model.madeFrom(checksum)) {
            throw new IllegalArgumentException("the executable model was made from other files (" + model.checksum()
                    + ") than these (" + checksum + ")");
        }
        return new RuleSet(versionOf(sorted, checksum), checksum, sorted, model.newKieBase(), List.of(), true);
    }

    /**
     * Whether the KieBase was loaded from the executable model generated at build time (the shipped
     * set) rather than compiled from the DRL in this process.
     */
    public boolean prebuilt() {
        return prebuilt;
    }

    /**
     * Compiles a set of files (names without folders, e.g. {@code 50-combat.drl}). Only {@code .drl}
     * files are rules; other files (the properties) count in the checksum. Every error is reported.
     */
    public static RuleSet compile(Map<String, String> files) throws RuleSetCompilationException {
        return compile(files, Fence.ON);
    }

    /** Whether {@link #compile} checks the files with the rule-language fence first (always, but in a test that proves the class loader alone). */
    enum Fence { ON, OFF_FOR_TESTS }

    /**
     * Compiles a set: first the rule-language fence ({@link DrlFence}) over every file, then
     * Drools with the rule class loader ({@link RuleClassLoader}), so that the compiled rules
     * resolve nothing outside the vocabulary even where the fence had a gap.
     */
    static RuleSet compile(Map<String, String> files, Fence fence) throws RuleSetCompilationException {
        SortedMap<String, String> sorted = new TreeMap<>(files);
        if (sorted.keySet().stream().noneMatch(RuleSet::isRuleFile)) {
            throw new RuleSetCompilationException("the rule set has no .drl file");
        }
        String checksum = checksum(sorted);
        String version = versionOf(sorted, checksum);

        if (fence == Fence.ON) {
            DrlFence.Result checked = DrlFence.check(sorted);
            if (!checked.passed()) {
                throw refused(checked, sorted);
            }
        }
        ClassLoader loader = RuleClassLoaders.forCurrentThread();
        List<RuleMessage> messages = new ArrayList<>();
        KieBase base = build(sorted, loader, messages);
        if (base == null) {
            throw new RuleSetCompilationException(messages);
        }
        return new RuleSet(version, checksum, sorted, base, List.copyOf(messages), false);
    }

    /**
     * The fence's refusals; for files Drools' parser could not read, the compiler's own messages
     * about them (compiled alone, nothing else), as before the fence.
     */
    private static RuleSetCompilationException refused(DrlFence.Result checked, SortedMap<String, String> files) {
        List<RuleMessage> messages = new ArrayList<>();
        checked.refusals().forEach(r -> messages.add(RuleMessage.refused(r)));
        if (!checked.unparsedFiles().isEmpty()) {
            SortedMap<String, String> unparsed = new TreeMap<>();
            checked.unparsedFiles().forEach(f -> unparsed.put(f, files.get(f)));
            List<RuleMessage> compiler = new ArrayList<>();
            KieBase base = build(unparsed, RuleClassLoaders.forCurrentThread(), compiler);
            messages.addAll(compiler);
            if (base != null || compiler.stream().noneMatch(m -> m.level() == RuleMessage.Level.ERROR)) {
                checked.unparsedFiles().forEach(f -> messages.add(new RuleMessage(RuleMessage.Level.ERROR, f, 0, 0,
                        "规则文件无法解析，不能校验 / refused: file that the rule-language fence cannot read")));
            }
        }
        return new RuleSetCompilationException(messages);
    }

    /** Drools' build with the given class loader; the KieBase, or null with the errors in {@code messages}. */
    private static KieBase build(SortedMap<String, String> sorted, ClassLoader loader, List<RuleMessage> messages) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.grassroots.assessment", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        sorted.forEach((name, content) -> {
            if (isRuleFile(name)) {
                kfs.write(RESOURCE_FOLDER + name, content);
            }
        });
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        for (Message m : builder.getResults().getMessages()) {
            messages.add(toRuleMessage(m));
        }
        if (messages.stream().anyMatch(m -> m.level() == RuleMessage.Level.ERROR)) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId, loader);
        KieBase base = container.getKieBase();
        // the base is all we keep; do not let the repository hold every version ever compiled
        ks.getRepository().removeKieModule(releaseId);
        return base;
    }

    @Override
    public String version() {
        return version;
    }

    /** {@code sha256:<hex>} over the files in name order. */
    @Override
    public String checksum() {
        return checksum;
    }

    public SortedMap<String, String> files() {
        return java.util.Collections.unmodifiableSortedMap(files);
    }

    public List<RuleMessage> warnings() {
        return warnings;
    }

    @Override
    public KieBase kieBase() {
        return kieBase;
    }

    @Override
    public StatelessKieSession newSession() {
        return kieBase.newStatelessKieSession();
    }

    /** Names of the rules in the set, e.g. {@code CB-05 inspection score 明察暗访得分}. */
    @Override
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> names.add(r.getName())));
        names.sort(null);
        return names;
    }

    static boolean isRuleFile(String name) {
        return name.endsWith(".drl");
    }

    static String checksum(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String versionOf(SortedMap<String, String> files, String checksum) throws RuleSetCompilationException {
        String properties = files.get(PROPERTIES);
        if (properties != null) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(properties));
            } catch (IOException | IllegalArgumentException e) {
                throw new RuleSetCompilationException(PROPERTIES + " is not a valid properties file: " + e.getMessage());
            }
            String v = p.getProperty("version", "").trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        // no declared version: name the set by its content, so equal files give equal versions
        return "unversioned-" + checksum.substring("sha256:".length(), "sha256:".length() + 12);
    }

    static RuleMessage toRuleMessage(Message m) {
        RuleMessage.Level level = switch (m.getLevel()) {
            case ERROR -> RuleMessage.Level.ERROR;
            case WARNING -> RuleMessage.Level.WARNING;
            default -> RuleMessage.Level.INFO;
        };
        String path = m.getPath();
        String file = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        int line = m.getLine();
        int column = m.getColumn();
        // Drools leaves getColumn() at 0; the column is only in the text: the parser writes
        // "[ERR 101] Line 17:26 no viable alternative at input ')'", counting columns from 0; we
        // count from 1 like editors and compilers (file:17:27 is the 27th character of line 17)
        Matcher matcher = LINE_COLUMN.matcher(m.getText());
        if (column <= 0 && matcher.find()) {
            for (int g = 1; g < matcher.groupCount(); g += 2) {
                if (matcher.group(g) != null) {
                    if (line <= 0) {
                        line = Integer.parseInt(matcher.group(g));
                    }
                    column = Integer.parseInt(matcher.group(g + 1)) + 1;
                    break;
                }
            }
        }
        return new RuleMessage(level, file, line, column, m.getText().trim());
    }
}
