package org.grassroots.assessment.server.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.ruleset.RuleMessage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.ruleset.ValidationReport;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.scenario.ScenarioRunner;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.RuleLimits;
import org.grassroots.assessment.server.evaluation.WhatIfEvaluation;
import org.grassroots.assessment.server.ruleset.RulesInForce.VersionDetail;
import org.grassroots.assessment.server.ruleset.RulesInForce.VersionView;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * The rule maintainers' tools for a set before it is in force: validate a set of files, run its
 * scenarios, store a draft, see what it would change (what-if) and compare versions. Nothing here
 * changes the set evaluations use; activating and rolling back are {@link RulesInForce}.
 */
@Service
public class RuleSetAuthoring {

    private final ActiveRuleSet active;
    private final RuleSetVersions versions;
    private final StoredRuleSets stored;
    private final WhatIfEvaluation whatIf;
    private final EvaluationRunner runner;
    private final Actor actor;
    private final RuleLimits limits;

    RuleSetAuthoring(ActiveRuleSet active, RuleSetVersions versions, StoredRuleSets stored, WhatIfEvaluation whatIf,
            EvaluationRunner runner, Actor actor, RuleLimits limits) {
        this.limits = limits;
        this.active = active;
        this.versions = versions;
        this.stored = stored;
        this.whatIf = whatIf;
        this.runner = runner;
        this.actor = actor;
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

    public record FileDiff(String file, String change, String diff) {
    }

    public record VersionDiff(VersionView from, VersionView to, List<FileDiff> files, int unchanged) {
    }

    // ---- validate, drafts

    /** Compiles the rules and, when the files hold scenarios, runs them to warn about rules that never fire. */
    public Validation validate(Map<String, String> files) {
        RuleSetFiles.checkFiles(files);
        ValidationReport report = CachedClassLookups.compile(
                () -> RuleSetValidator.validate(RuleSetFiles.rulesOf(files), RuleSetFiles.scenariosOf(files), limits.firingsPerOrganization(),
                        limits::scenarios));
        List<RuleWarning> warnings = report.warnings().stream().map(RuleWarning::of).toList();
        List<ScenarioProblem> problems = report.scenarioProblems().stream().map(RuleSetFiles::named).toList();
        RuleSet rules = report.ruleSet();
        if (rules == null) {
            return new Validation(false, report.errors().stream().map(RuleError::of).toList(), warnings, null, null,
                    List.of(), problems);
        }
        return new Validation(true, List.of(), warnings, rules.version(), rules.checksum(), rules.ruleNames(),
                problems);
    }

    /** Compiles the rules of {@code files} and runs their scenarios; a set that does not compile is valid=false. */
    public TestReport test(Map<String, String> files) {
        RuleSetFiles.checkFiles(files);
        RuleSet rules;
        try {
            rules = CachedClassLookups.compile(() -> RuleSet.compile(RuleSetFiles.rulesOf(files)));
        } catch (RuleSetCompilationException e) {
            return new TestReport(false, RuleSetFiles.errors(e.messages(), RuleMessage.Level.ERROR), null, null, false, 0, 0,
                    List.of(), List.of(), null);
        }
        return test(rules, RuleSetFiles.scenariosOf(files));
    }

    /** Runs a stored version's scenarios with the version's rules. */
    public TestReport testVersion(long id) {
        RuleSetVersions.Row r = stored.row(id);
        RuleSet current = active.get();
        RuleSet rules;
        try {
            rules = r.checksum().equals(current.checksum()) ? current : stored.compiled(r);
        } catch (InvalidRequestException e) {
            return test(versions.files(id));
        }
        return test(rules, RuleSetFiles.scenariosOf(versions.files(id)));
    }

    private TestReport test(RuleSet rules, Map<String, String> scenarios) {
        if (!RuleSetFiles.hasScenario(scenarios)) {
            return new TestReport(true, List.of(), rules.version(), rules.checksum(), false, 0, 0, List.of(),
                    List.of(new ScenarioProblem(RuleSetFiles.SCENARIOS, 0, "the set has no " + RuleSetFiles.SCENARIOS + "*"
                            + ScenarioRunner.SUFFIX + " file")),
                    new Coverage(new java.util.TreeMap<>(), rules.ruleNames()));
        }
        ScenarioReport report = ScenarioRuns.run(rules, scenarios, limits.firingsPerOrganization(), limits.scenarios());
        List<ScenarioOutcome> outcomes = report.results().stream()
                .map(res -> new ScenarioOutcome(RuleSetFiles.SCENARIOS + res.scenario(), res.description(), res.passed(),
                        res.expectations(), res.failures().stream()
                                .map(f -> new ExpectationFailure(f.line(), f.expectation(), f.expected(), f.actual()))
                                .toList(), res.error()))
                .toList();
        int failed = (int) report.failedCount();
        Coverage coverage = report.coverage() == null ? null
                : new Coverage(report.coverage().organizationCounts(), report.coverage().neverFired());
        return new TestReport(true, List.of(), rules.version(), rules.checksum(), report.passed(),
                outcomes.size() - failed, failed, outcomes,
                report.problems().stream().map(RuleSetFiles::named).toList(), coverage);
    }

    /** Stores a draft; 400 with every compile error when the set does not compile. */
    public VersionView draft(Map<String, String> files, String comment) {
        RuleSetFiles.checkFiles(files);
        if (comment != null && comment.length() > 2000) {
            throw new InvalidRequestException("/comment", "comment must be at most 2000 characters");
        }
        RuleSet rules = RuleSetFiles.compileOrRefuse(RuleSetFiles.rulesOf(files));
        if (rules.version().length() > 100) {
            throw new InvalidRequestException("/files/" + RuleSet.PROPERTIES, "version must be at most 100 characters");
        }
        refuseTakenLabel(rules);
        long id = stored.store(rules.version(), rules.checksum(), RuleSetVersions.DRAFT, files, comment, actor.current());
        // a draft is usually tried (what-if) and activated next: neither compiles it again
        stored.remember(rules);
        return VersionView.of(stored.row(id));
    }

    /**
     * Two versions never share a label (evaluations record the label, and a maintainer picks versions by
     * it): other rules under a label already stored are refused. The same rules again may keep it.
     */
    private void refuseTakenLabel(RuleSet rules) {
        versions.list().stream()
                .filter(r -> r.version().equals(rules.version()) && !r.checksum().equals(rules.checksum()))
                .findFirst().ifPresent(r -> {
                    throw new InvalidRequestException("/files/" + RuleSet.PROPERTIES, "版本号 " + rules.version()
                            + " 已被版本 #" + r.id() + " 使用：请在 " + RuleSet.PROPERTIES + " 中改用新的版本号（version=…）");
                });
    }

    /** The labels of every stored version. */
    public Set<String> labels() {
        Set<String> labels = new HashSet<>();
        versions.list().forEach(r -> labels.add(r.version()));
        return labels;
    }

    public List<VersionView> list() {
        return versions.list().stream().map(VersionView::of).toList();
    }

    public VersionDetail detail(long id) {
        return new VersionDetail(VersionView.of(stored.row(id)), versions.files(id));
    }

    public VersionDiff diff(long from, long to) {
        RuleSetVersions.Row a = stored.row(from);
        RuleSetVersions.Row b = stored.row(to);
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

    /**
     * The rule files (no scenarios) of the set whose rules have {@code checksum}: the set in force, or a
     * stored version; empty when the server knows no such set.
     */
    public java.util.Optional<Map<String, String>> rulesWithChecksum(String checksum) {
        RuleSet current = active.get();
        if (current.checksum().equals(checksum)) {
            return java.util.Optional.of(RuleSetFiles.rulesOf(current.files()));
        }
        return versions.list().stream().filter(r -> r.checksum().equals(checksum)).findFirst()
                .map(r -> RuleSetFiles.rulesOf(versions.files(r.id())));
    }

    /** Compiles rule files (a set in force, or one with a constant moved); 400 with every compile error. */
    public RuleSet compileRules(Map<String, String> files) {
        return RuleSetFiles.compileOrRefuse(RuleSetFiles.rulesOf(files));
    }

    /** Evaluates the period's stored data with the version and with the active set; stores nothing. */
    public WhatIfReport whatIf(long id, String period, LocalDate asOf) {
        if (period == null || period.isBlank()) {
            throw new InvalidRequestException("/period", "period is required (YYYY or YYYY-Qn)");
        }
        EvaluationRunner.EvaluationTarget target = runner.target(period, asOf);
        RuleSet before = active.get();
        RuleSetVersions.Row r = stored.row(id);
        RuleSet after = r.checksum().equals(before.checksum()) ? before : stored.compiled(r);
        Deadline deadline = limits.whatIf();
        EvaluationResult resultBefore = whatIf.evaluate(before, target, deadline);
        EvaluationResult resultAfter = whatIf.evaluate(after, target, deadline);
        return WhatIfReport.compare(resultBefore, resultAfter);
    }

    /** A stored rule version compiled: its id, its label and the set. */
    public record CompiledVersion(long id, String version, RuleSet rules) {
    }

    /**
     * A stored rule version by its id, or by its label (the newest version with that label),
     * compiled (the set in force when its files are the same); 404 when there is none.
     */
    public CompiledVersion compiledVersion(String ruleVersion) {
        if (ruleVersion == null || ruleVersion.isBlank()) {
            throw new InvalidRequestException("/ruleVersion", "ruleVersion is required (a stored rule version's id or label)");
        }
        String wanted = ruleVersion.strip();
        RuleSetVersions.Row r;
        if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 18) {
            r = stored.row(Long.parseLong(wanted));
        } else {
            r = versions.list().stream().filter(v -> v.version().equals(wanted)).findFirst()
                    .orElseThrow(() -> new org.grassroots.assessment.server.web.NotFoundException(
                            "规则集版本不存在：" + wanted));
        }
        RuleSet current = active.get();
        RuleSet rules = r.checksum().equals(current.checksum()) ? current : stored.compiled(r);
        return new CompiledVersion(r.id(), r.version(), rules);
    }
}
