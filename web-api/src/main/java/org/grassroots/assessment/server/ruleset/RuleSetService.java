package org.grassroots.assessment.server.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.ruleset.RuleMessage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.ruleset.ValidationReport;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.scenario.ScenarioRunner;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.RuleLimits;
import org.grassroots.assessment.server.evaluation.WhatIfEvaluation;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule maintainers' workflow: validate a set of files, store a draft, see what it would change
 * (what-if), activate a version (a draft, or an earlier one to roll back) and compare versions.
 *
 * <p>On start the database's ACTIVE version is put into {@link ActiveRuleSet}; on the very first
 * start the shipped set is stored as the first version (with the shipped scenarios as
 * {@code scenarios/...}) and made active. Activations are one at a
 * time; the swap is atomic and evaluations already running keep the set they took.
 */
@Service
public class RuleSetService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetService.class);

    private final ActiveRuleSet active;
    private final RuleSetVersions versions;
    private final WhatIfEvaluation whatIf;
    private final EvaluationRunner runner;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Actor actor;
    private final AuditTrail audit;
    private final RuleLimits limits;
    private final Object activation = new Object();
    /** Recently compiled sets by checksum, so that a roll back or a repeated what-if does not recompile. */
    private final Map<String, RuleSet> compiled = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
                    return size() > 4;
                }
            });

    RuleSetService(ActiveRuleSet active, RuleSetVersions versions, WhatIfEvaluation whatIf, EvaluationRunner runner,
            TransactionTemplate transactions, Clock clock, Actor actor, AuditTrail audit, RuleLimits limits) {
        this.limits = limits;
        this.active = active;
        this.versions = versions;
        this.whatIf = whatIf;
        this.runner = runner;
        this.transactions = transactions;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
    }

    /** A compile error or warning with where it is. */
    public record RuleError(String file, int line, int column, String message) {

        static RuleError of(RuleMessage m) {
            return new RuleError(m.file(), m.line(), m.column(), m.text());
        }

        String describe() {
            String where = file == null ? "" : file + (line > 0 ? " line " + line + (column > 0 ? ", column " + column : "")
                    : "") + ": ";
            return where + message;
        }
    }

    /**
     * A warning: {@code kind} COMPILER, NO_POLICY_ID, DUPLICATE_ID or NEVER_FIRED (the rule fired in
     * none of the set's scenarios), where the rule is declared, its name and what.
     */
    public record RuleWarning(String kind, String file, int line, String rule, String message) {

        static RuleWarning of(ValidationReport.Warning w) {
            return new RuleWarning(w.kind().name(), w.file(), w.line(), w.rule(), w.message());
        }
    }

    /** {@code scenarioProblems}: what is wrong with the scenario files ({@code scenarios/...}), when there are some. */
    public record Validation(boolean valid, List<RuleError> errors, List<RuleWarning> warnings, String version,
            String checksum, List<String> rules, List<ScenarioProblem> scenarioProblems) {
    }

    /** One failed expectation of a scenario. */
    public record ExpectationFailure(int line, String expectation, String expected, String actual) {
    }

    /** A scenario's outcome; {@code error} when it could not be evaluated. */
    public record ScenarioOutcome(String file, String description, boolean passed, int expectations,
            List<ExpectationFailure> failures, String error) {
    }

    /** Rule → number of organizations it fired for (over all scenarios), and the rules that fired for none. */
    public record Coverage(SortedMap<String, Integer> fired, List<String> neverFired) {
    }

    /**
     * The result of running a set's scenarios: {@code valid=false} with {@code errors} when the set
     * does not compile (then nothing ran); {@code passed}/{@code failed} count scenarios,
     * {@code allPassed} is true when every scenario file was read, ran and passed.
     */
    public record TestReport(boolean valid, List<RuleError> errors, String version, String checksum, boolean allPassed,
            int passed, int failed, List<ScenarioOutcome> scenarios, List<ScenarioProblem> problems,
            Coverage coverage) {
    }

    /** A stored version without its files. */
    public record VersionView(long id, String version, String checksum, String status, boolean active, String comment,
            String createdBy, Instant createdAt, String activatedBy, Instant activatedAt) {

        static VersionView of(RuleSetVersions.Row r) {
            return new VersionView(r.id(), r.version(), r.checksum(), r.status(),
                    RuleSetVersions.ACTIVE.equals(r.status()), r.comment(), r.createdBy(), r.createdAt(),
                    r.activatedBy(), r.activatedAt());
        }
    }

    public record VersionDetail(VersionView version, SortedMap<String, String> files) {
    }

    /** The set evaluations use now; {@code id} is null when the server fell back to the shipped set. */
    public record ActiveView(Long id, String version, String checksum, boolean fallback, VersionView stored) {
    }

    public record FileDiff(String file, String change, String diff) {
    }

    public record VersionDiff(VersionView from, VersionView to, List<FileDiff> files, int unchanged) {
    }

    // ---- start

    @Override
    public void afterPropertiesSet() {
        RuleSet shipped = active.get();
        if (versions.isEmpty()) {
            long id = store(shipped.version(), shipped.checksum(), RuleSetVersions.ACTIVE, withShippedScenarios(shipped),
                    "随应用发布的默认规则集 (the shipped default set)", Actor.SYSTEM);
            log.info("rule set {} ({}) stored as version #{} and active", shipped.version(), shipped.checksum(), id);
            return;
        }
        if (!versions.hasChecksum(shipped.checksum())) {
            // a new release ships a set the database does not hold: offer it as a draft, do not impose it
            long id = store(shipped.version(), shipped.checksum(), RuleSetVersions.DRAFT, withShippedScenarios(shipped),
                    "随新版本应用发布的默认规则集 (the set shipped with this release)", Actor.SYSTEM);
            log.warn("the shipped rule set {} ({}) is new: stored as draft #{}; activate it to use it", shipped.version(),
                    shipped.checksum(), id);
        }
        Optional<RuleSetVersions.Row> row = versions.active();
        if (row.isEmpty()) {
            log.error("no ACTIVE rule set version in the database; evaluations use the shipped set {} ({})",
                    shipped.version(), shipped.checksum());
            return;
        }
        RuleSetVersions.Row r = row.get();
        if (r.checksum().equals(shipped.checksum())) {
            log.info("active rule set: version #{} {} ({}), the shipped set", r.id(), r.version(), r.checksum());
            return;
        }
        try {
            RuleSet rules = CachedClassLookups.compile(() -> RuleSet.compile(rulesOf(versions.files(r.id()))));
            active.activate(rules);
            log.info("active rule set: version #{} {} ({})", r.id(), rules.version(), rules.checksum());
        } catch (RuleSetCompilationException e) {
            log.error("the active rule set version #{} {} is refused (the rule-language fence, or it does not compile);"
                    + " evaluations use the shipped set {} ({}) until a version is activated: {}", r.id(), r.version(),
                    shipped.version(), shipped.checksum(), e.messages());
            List<String> refusals = e.messages().stream().map(Object::toString).toList();
            audit.record(AuditAction.RULESET_FALLBACK, "ruleset:" + r.id(), "启动时拒绝启用的规则集版本 #" + r.id() + " "
                    + r.version() + "，改用随应用发布的规则集 " + shipped.version() + "（" + refusals.size() + " 个问题，首个："
                    + (refusals.isEmpty() ? "" : refusals.get(0)) + "）", refusals);
        } catch (RuntimeException e) {
            log.error("the active rule set version #{} {} cannot be loaded; evaluations use the shipped set {} ({})",
                    r.id(), r.version(), shipped.version(), shipped.checksum(), e);
        }
    }

    // ---- validate, drafts

    /** Compiles the rules and, when the files hold scenarios, runs them to warn about rules that never fire. */
    public Validation validate(Map<String, String> files) {
        checkFiles(files);
        ValidationReport report = CachedClassLookups.compile(
                () -> RuleSetValidator.validate(rulesOf(files), scenariosOf(files), limits.firingsPerOrganization(),
                        limits::scenarios));
        List<RuleWarning> warnings = report.warnings().stream().map(RuleWarning::of).toList();
        List<ScenarioProblem> problems = report.scenarioProblems().stream().map(RuleSetService::named).toList();
        RuleSet rules = report.ruleSet();
        if (rules == null) {
            return new Validation(false, report.errors().stream().map(RuleError::of).toList(), warnings, null, null,
                    List.of(), problems);
        }
        return new Validation(true, List.of(), warnings, rules.version(), rules.checksum(), rules.ruleNames(),
                problems);
    }

    // ---- test

    /** Compiles the rules of {@code files} and runs their scenarios; a set that does not compile is valid=false. */
    public TestReport test(Map<String, String> files) {
        checkFiles(files);
        RuleSet rules;
        try {
            rules = CachedClassLookups.compile(() -> RuleSet.compile(rulesOf(files)));
        } catch (RuleSetCompilationException e) {
            return new TestReport(false, errors(e.messages(), RuleMessage.Level.ERROR), null, null, false, 0, 0,
                    List.of(), List.of(), null);
        }
        return test(rules, scenariosOf(files));
    }

    /** Runs a stored version's scenarios with the version's rules. */
    public TestReport testVersion(long id) {
        RuleSetVersions.Row r = row(id);
        RuleSet current = active.get();
        RuleSet rules;
        try {
            rules = r.checksum().equals(current.checksum()) ? current : compiled(r);
        } catch (InvalidRequestException e) {
            return test(versions.files(id));
        }
        return test(rules, scenariosOf(versions.files(id)));
    }

    private TestReport test(RuleSet rules, Map<String, String> scenarios) {
        if (!hasScenario(scenarios)) {
            return new TestReport(true, List.of(), rules.version(), rules.checksum(), false, 0, 0, List.of(),
                    List.of(new ScenarioProblem(SCENARIOS, 0, "the set has no " + SCENARIOS + "*"
                            + ScenarioRunner.SUFFIX + " file")),
                    new Coverage(new java.util.TreeMap<>(), rules.ruleNames()));
        }
        ScenarioReport report = ScenarioRuns.run(rules, scenarios, limits.firingsPerOrganization(), limits.scenarios());
        List<ScenarioOutcome> outcomes = report.results().stream()
                .map(res -> new ScenarioOutcome(SCENARIOS + res.scenario(), res.description(), res.passed(),
                        res.expectations(), res.failures().stream()
                                .map(f -> new ExpectationFailure(f.line(), f.expectation(), f.expected(), f.actual()))
                                .toList(), res.error()))
                .toList();
        int failed = (int) report.failedCount();
        Coverage coverage = report.coverage() == null ? null
                : new Coverage(report.coverage().organizationCounts(), report.coverage().neverFired());
        return new TestReport(true, List.of(), rules.version(), rules.checksum(), report.passed(),
                outcomes.size() - failed, failed, outcomes,
                report.problems().stream().map(RuleSetService::named).toList(), coverage);
    }

    /** Stores a draft; 400 with every compile error when the set does not compile. */
    public VersionView draft(Map<String, String> files, String comment) {
        checkFiles(files);
        if (comment != null && comment.length() > 2000) {
            throw new InvalidRequestException("/comment", "comment must be at most 2000 characters");
        }
        RuleSet rules = compileOrRefuse(rulesOf(files));
        if (rules.version().length() > 100) {
            throw new InvalidRequestException("/files/" + RuleSet.PROPERTIES, "version must be at most 100 characters");
        }
        long id = store(rules.version(), rules.checksum(), RuleSetVersions.DRAFT, files, comment, actor.current());
        // a draft is usually tried (what-if) and activated next: neither compiles it again
        compiled.put(rules.checksum(), rules);
        return VersionView.of(row(id));
    }

    /**
     * For the watched rules directory: stores the files as a new version and activates it, unless
     * they are the active set already (then empty). Throws when they do not compile; nothing changes.
     */
    Optional<VersionView> storeAndActivate(Map<String, String> files, String comment)
            throws RuleSetCompilationException {
        checkFiles(files);
        RuleSet rules = CachedClassLookups.compile(() -> RuleSet.compile(rulesOf(files)));
        synchronized (activation) {
            if (rules.checksum().equals(active.get().checksum())) {
                return Optional.empty();
            }
            compiled.put(rules.checksum(), rules);
            long id = store(rules.version(), rules.checksum(), RuleSetVersions.DRAFT, files, comment, actor.current());
            return Optional.of(activate(id));
        }
    }

    // ---- read

    public List<VersionView> list() {
        return versions.list().stream().map(VersionView::of).toList();
    }

    public VersionDetail detail(long id) {
        return new VersionDetail(VersionView.of(row(id)), versions.files(id));
    }

    public ActiveView active() {
        RuleSet now = active.get();
        Optional<RuleSetVersions.Row> row = versions.active().filter(r -> r.checksum().equals(now.checksum()));
        return new ActiveView(row.map(RuleSetVersions.Row::id).orElse(null), now.version(), now.checksum(),
                row.isEmpty(), row.map(VersionView::of).orElse(null));
    }

    public VersionDiff diff(long from, long to) {
        RuleSetVersions.Row a = row(from);
        RuleSetVersions.Row b = row(to);
        SortedMap<String, String> fa = versions.files(from);
        SortedMap<String, String> fb = versions.files(to);
        TreeSet<String> names = new TreeSet<>(fa.keySet());
        names.addAll(fb.keySet());
        List<FileDiff> files = new ArrayList<>();
        int unchanged = 0;
        for (String name : names) {
            String before = fa.get(name);
            String after = fb.get(name);
            if (before == null) {
                files.add(new FileDiff(name, "ADDED", LineDiff.unified("/dev/null", "b/" + name, "", after)));
            } else if (after == null) {
                files.add(new FileDiff(name, "REMOVED", LineDiff.unified("a/" + name, "/dev/null", before, "")));
            } else if (!before.equals(after)) {
                files.add(new FileDiff(name, "CHANGED", LineDiff.unified("a/" + name, "b/" + name, before, after)));
            } else {
                unchanged++;
            }
        }
        return new VersionDiff(VersionView.of(a), VersionView.of(b), files, unchanged);
    }

    // ---- what-if

    /** Evaluates the period's stored data with the version and with the active set; stores nothing. */
    public WhatIfReport whatIf(long id, String period, LocalDate asOf) {
        if (period == null || period.isBlank()) {
            throw new InvalidRequestException("/period", "period is required (YYYY or YYYY-Qn)");
        }
        EvaluationRunner.EvaluationTarget target = runner.target(period, asOf);
        RuleSet before = active.get();
        RuleSetVersions.Row r = row(id);
        RuleSet after = r.checksum().equals(before.checksum()) ? before : compiled(r);
        Deadline deadline = limits.whatIf();
        EvaluationResult resultBefore = whatIf.evaluate(before, target, deadline);
        EvaluationResult resultAfter = whatIf.evaluate(after, target, deadline);
        return WhatIfReport.compare(resultBefore, resultAfter);
    }

    // ---- activate

    /**
     * Activates a version (a draft, or an earlier one: roll back): compiles it, checks it, records
     * who and when in the database, then swaps it in. A set that does not compile or fails one of
     * its own scenarios is refused (400) and the active set stays.
     */
    public VersionView activate(long id) {
        synchronized (activation) {
            RuleSetVersions.Row r = row(id);
            RuleSet current = active.get();
            if (RuleSetVersions.ACTIVE.equals(r.status()) && r.checksum().equals(current.checksum())) {
                return VersionView.of(r);
            }
            RuleSet rules = r.checksum().equals(current.checksum()) ? current : compiled(r);
            checkScenarios(rules, scenariosOf(versions.files(id)));
            String who = actor.current();
            Instant now = clock.instant();
            boolean rollBack = RuleSetVersions.RETIRED.equals(r.status());
            transactions.executeWithoutResult(tx -> {
                versions.markActive(id, who, now);
                audit.record(rollBack ? AuditAction.RULESET_ROLLED_BACK : AuditAction.RULESET_ACTIVATED, "ruleset:" + id,
                        (rollBack ? "回退到规则集版本 #" : "启用规则集版本 #") + id + " " + rules.version() + "（替换 "
                                + current.version() + "）", Map.of("versionId", id, "version", rules.version(),
                                "checksum", rules.checksum(), "replaced", current.checksum()));
            });
            RuleSet replaced = active.activate(rules);
            compiled.put(replaced.checksum(), replaced);
            log.info("rule set version #{} {} ({}) activated by {}; it replaces {} ({})", id, rules.version(),
                    rules.checksum(), who, replaced.version(), replaced.checksum());
            return VersionView.of(row(id));
        }
    }

    /**
     * Runs the version's own scenarios (example data with expected results kept beside the rules,
     * stored as {@code scenarios/...}) with the compiled set; throws an {@link InvalidRequestException}
     * listing every failing scenario and expectation (file:line) when one fails. A version without
     * scenarios is accepted.
     */
    void checkScenarios(RuleSet rules, Map<String, String> scenarios) {
        if (!hasScenario(scenarios)) {
            return;
        }
        ScenarioReport report = ScenarioRuns.run(rules, scenarios, limits.firingsPerOrganization(), limits.scenarios());
        if (report.passed()) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        for (ScenarioProblem p : report.problems()) {
            problems.add(new Problem("/files/" + pointer(SCENARIOS + p.file()), named(p).toString()));
        }
        for (ScenarioReport.ScenarioResult res : report.results()) {
            if (res.passed()) {
                continue;
            }
            String file = SCENARIOS + res.scenario();
            String pointer = "/files/" + pointer(file);
            if (res.error() != null) {
                problems.add(new Problem(pointer, file + ": " + res.error()));
            }
            for (ScenarioReport.Failure f : res.failures()) {
                problems.add(new Problem(pointer, file + ":" + f.line() + ": " + f.expectation() + " — expected "
                        + f.expected() + ", actual " + f.actual()));
            }
        }
        throw new InvalidRequestException("规则集未通过自带的测试场景：" + report.failedCount() + " 个场景失败"
                + (report.problems().isEmpty() ? "" : "，" + report.problems().size() + " 个场景文件有问题")
                + " (the set fails its scenarios)", problems);
    }

    // ---- helpers

    /** Inserts a version and records it in the audit trail (a draft, or the shipped set made active), in one transaction. */
    private long store(String version, String checksum, String status, Map<String, String> files, String comment,
            String who) {
        Long id = transactions.execute(tx -> {
            long stored = versions.insert(version, checksum, status, files, comment, who, clock.instant());
            boolean isActive = RuleSetVersions.ACTIVE.equals(status);
            audit.record(isActive ? AuditAction.RULESET_ACTIVATED : AuditAction.RULESET_DRAFTED, "ruleset:" + stored,
                    (isActive ? "保存并启用规则集版本 #" : "保存规则集草稿 #") + stored + " " + version
                            + (comment == null || comment.isBlank() ? "" : "：" + comment), files);
            return stored;
        });
        return id;
    }

    /** The folder prefix of scenario files in a version's files (e.g. {@code scenarios/worked-example.scenario}). */
    static final String SCENARIOS = RuleSetLoader.SCENARIOS + "/";

    /** The rule files (top-level {@code .drl} files and {@code ruleset.properties}): what is compiled and checksummed. */
    static Map<String, String> rulesOf(Map<String, String> files) {
        Map<String, String> rules = new java.util.TreeMap<>();
        files.forEach((name, content) -> {
            if (!name.startsWith(SCENARIOS)) {
                rules.put(name, content);
            }
        });
        return rules;
    }

    /** The scenario files, named relative to the scenarios folder (as {@link ScenarioRunner} takes them). */
    static Map<String, String> scenariosOf(Map<String, String> files) {
        Map<String, String> scenarios = new java.util.TreeMap<>();
        files.forEach((name, content) -> {
            if (name.startsWith(SCENARIOS)) {
                scenarios.put(name.substring(SCENARIOS.length()), content);
            }
        });
        return scenarios;
    }

    private static boolean hasScenario(Map<String, String> scenarios) {
        return scenarios.keySet().stream().anyMatch(n -> n.endsWith(ScenarioRunner.SUFFIX));
    }

    /** A scenario problem with the file named as in the version's files. */
    private static ScenarioProblem named(ScenarioProblem p) {
        return new ScenarioProblem(p.file() == null || p.file().equals(RuleSetLoader.SCENARIOS)
                ? RuleSetLoader.SCENARIOS : SCENARIOS + p.file(), p.line(), p.message());
    }

    /** The shipped rule files with the shipped scenarios as {@code scenarios/...}. */
    private static Map<String, String> withShippedScenarios(RuleSet shipped) {
        Map<String, String> files = new java.util.TreeMap<>(shipped.files());
        RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR)
                .forEach((name, content) -> files.put(SCENARIOS + name, content));
        return files;
    }

    private RuleSetVersions.Row row(long id) {
        return versions.find(id).orElseThrow(() -> new NotFoundException("规则集版本不存在：" + id));
    }

    /** The version compiled (or taken from the cache when its files compiled to the same checksum). */
    private RuleSet compiled(RuleSetVersions.Row r) {
        RuleSet cached = compiled.get(r.checksum());
        if (cached != null) {
            return cached;
        }
        RuleSet rules = compileOrRefuse(rulesOf(versions.files(r.id())));
        if (rules.checksum().equals(r.checksum())) {
            compiled.put(rules.checksum(), rules);
        }
        return rules;
    }

    private static RuleSet compileOrRefuse(Map<String, String> files) {
        try {
            return CachedClassLookups.compile(() -> RuleSet.compile(files));
        } catch (RuleSetCompilationException e) {
            List<RuleError> errors = errors(e.messages(), RuleMessage.Level.ERROR);
            List<Problem> problems = errors.stream()
                    .map(err -> new Problem(err.file() == null ? "/files" : "/files/" + pointer(err.file()),
                            err.describe()))
                    .toList();
            throw new InvalidRequestException("规则集编译未通过：共 " + errors.size() + " 个错误", problems);
        }
    }

    private static List<RuleError> errors(List<RuleMessage> messages, RuleMessage.Level level) {
        return messages.stream().filter(m -> m.level() == level).map(RuleError::of).toList();
    }

    private static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Names without folders, {@code .drl} files or {@code ruleset.properties}, or scenario files
     * {@code scenarios/<name>.scenario} and the {@code .json} bundles they name; at least one file.
     */
    static void checkFiles(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException("/files", "files is required: an object of file name → content");
        }
        List<Problem> problems = new ArrayList<>();
        files.forEach((name, content) -> {
            String path = "/files/" + pointer(name == null ? "" : name);
            if (name != null && name.startsWith(SCENARIOS)) {
                String rest = name.substring(SCENARIOS.length());
                if (rest.isBlank() || rest.contains("\\") || rest.startsWith("/") || rest.contains("//")
                        || java.util.Arrays.asList(rest.split("/")).contains("..")
                        || !(rest.endsWith(ScenarioRunner.SUFFIX) || rest.endsWith(".json"))) {
                    problems.add(new Problem(path, "a scenario file name must be " + SCENARIOS + "<name>"
                            + ScenarioRunner.SUFFIX + " or " + SCENARIOS + "<name>.json: " + name));
                } else if (content == null) {
                    problems.add(new Problem(path, "the content of " + name + " is missing"));
                }
            } else if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")
                    || !(name.endsWith(".drl") || name.equals(RuleSet.PROPERTIES))) {
                problems.add(new Problem(path, "a file name must be a .drl file, " + RuleSet.PROPERTIES
                        + " or a scenario file " + SCENARIOS + "<name>, without other folders: " + name));
            } else if (content == null) {
                problems.add(new Problem(path, "the content of " + name + " is missing"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("规则文件不正确：共 " + problems.size() + " 个问题", problems);
        }
    }
}
