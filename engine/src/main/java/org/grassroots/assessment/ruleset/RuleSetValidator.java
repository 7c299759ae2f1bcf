package org.grassroots.assessment.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.evaluation.Deadline;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.RuleCoverage;
import org.grassroots.assessment.ruleset.fence.PolicyIds;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.scenario.ScenarioRunner;

/**
 * Validates a rule set before it is used: compiles it (through the rule-language fence, which also
 * refuses an explanation line whose id differs from its rule's policy id), reports every error with
 * file, line and column, and warns about rules without a policy id, a policy id used in two files and, when
 * scenarios are given, rules that fire in none of them.
 */
public final class RuleSetValidator {

    /**
     * A policy id at the start of a rule name: one or two capitals, a dash, capitals or digits, then
     * a space or the end ({@code CO-01}, {@code C-CATALOG}, {@code W-FS}, {@code G-00}, {@code V-RATE}).
     */
    public static final Pattern POLICY_ID = PolicyIds.POLICY_ID;

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|(\\S+))");

    private RuleSetValidator() {
    }

    /** A rule as declared in a file: its name, the file, the line of its {@code rule} keyword. */
    public record Declaration(String name, String file, int line) {
    }

    /** The policy id of a rule name, or null when it has none. */
    public static String policyId(String ruleName) {
        return PolicyIds.of(ruleName);
    }

    /** Compiles and checks a set of files (as {@link RuleSet#compile} takes them), without scenarios. */
    public static ValidationReport validate(Map<String, String> files) {
        return validate(files, Map.of());
    }

    /**
     * Compiles and checks a set of files; when {@code scenarioFiles} is not empty (as
     * {@link RuleSetLoader#readScenarios} reads them), runs the scenarios and warns about every rule
     * that fired in none of them. Scenario failures are not validation errors: {@code rules test}
     * reports them.
     */
    public static ValidationReport validate(Map<String, String> files, Map<String, String> scenarioFiles) {
        return validate(files, scenarioFiles, Evaluator.DEFAULT_FIRINGS_PER_ORGANIZATION, () -> Deadline.NONE);
    }

    /**
     * As {@link #validate(Map, Map)}, the scenarios limited as {@link ScenarioRunner} limits them: a
     * scenario stopped by a limit throws an {@link org.grassroots.assessment.evaluation.ExecutionStoppedException}.
     * The deadline is taken once the set has compiled: the compile does not count against it.
     */
    public static ValidationReport validate(Map<String, String> files, Map<String, String> scenarioFiles,
            int firingsPerOrganization, Supplier<Deadline> deadline) {
        List<Declaration> declarations = declarations(files);
        List<ValidationReport.Warning> warnings = new ArrayList<>(staticWarnings(declarations));
        RuleSet rules;
        try {
            rules = RuleSet.compile(files);
        } catch (RuleSetCompilationException e) {
            List<RuleMessage> errors = withoutEchoes(
                    e.messages().stream().filter(m -> m.level() == RuleMessage.Level.ERROR).toList());
            List<ValidationReport.Warning> all = new ArrayList<>();
            e.messages().stream().filter(m -> m.level() == RuleMessage.Level.WARNING).forEach(m -> all.add(compilerWarning(m)));
            all.addAll(warnings);
            return new ValidationReport(null, errors, all, List.of(), null);
        }
        List<ValidationReport.Warning> all = new ArrayList<>();
        rules.warnings().stream().filter(m -> m.level() == RuleMessage.Level.WARNING).forEach(m -> all.add(compilerWarning(m)));
        all.addAll(warnings);
        List<ScenarioProblem> problems = List.of();
        RuleCoverage coverage = null;
        if (!scenarioFiles.isEmpty()) {
            ScenarioReport report = new ScenarioRunner(rules, firingsPerOrganization, deadline.get())
                    .run(scenarioFiles);
            problems = report.problems();
            if (!report.results().isEmpty()) {
                coverage = report.coverage();
                Map<String, Declaration> byName = new LinkedHashMap<>();
                declarations.forEach(d -> byName.putIfAbsent(d.name(), d));
                for (String rule : coverage.neverFired()) {
                    Declaration d = byName.get(rule);
                    all.add(new ValidationReport.Warning(ValidationReport.Kind.NEVER_FIRED, d == null ? null : d.file(),
                            d == null ? 0 : d.line(), rule, "rule \"" + rule + "\" fires in none of the "
                            + report.results().size() + " scenario(s)"));
                }
            }
        }
        return new ValidationReport(rules, List.of(), all, problems, coverage);
    }

    /** Drops the "Parser returned a null Package" that follows a file's positioned syntax errors. */
    private static List<RuleMessage> withoutEchoes(List<RuleMessage> errors) {
        return errors.stream()
                .filter(m -> !(m.line() <= 0 && m.text().startsWith("Parser returned a null Package")
                        && errors.stream().anyMatch(o -> o != m && java.util.Objects.equals(o.file(), m.file()) && o.line() > 0)))
                .toList();
    }

    /** The rules declared in the {@code .drl} files, in file and line order. */
    public static List<Declaration> declarations(Map<String, String> files) {
        List<Declaration> out = new ArrayList<>();
        new TreeMap<>(files).forEach((file, content) -> {
            if (!RuleSet.isRuleFile(file)) {
                return;
            }
            String[] lines = content.split("\r?\n", -1);
            boolean inComment = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (inComment) {
                    int end = line.indexOf("*/");
                    if (end < 0) {
                        continue;
                    }
                    inComment = false;
                    line = line.substring(end + 2);
                }
                if (line.strip().startsWith("/*") && !line.contains("*/")) {
                    inComment = true;
                    continue;
                }
                Matcher m = RULE_DECLARATION.matcher(line);
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    out.add(new Declaration(name, file, i + 1));
                }
            }
        });
        return out;
    }

    private static List<ValidationReport.Warning> staticWarnings(List<Declaration> declarations) {
        List<ValidationReport.Warning> warnings = new ArrayList<>();
        Map<String, TreeSet<String>> filesById = new TreeMap<>();
        for (Declaration d : declarations) {
            String id = policyId(d.name());
            if (id == null) {
                warnings.add(new ValidationReport.Warning(ValidationReport.Kind.NO_POLICY_ID, d.file(), d.line(), d.name(),
                        "rule \"" + d.name() + "\" has no policy id (a name starts with one, e.g. \"CO-01 organizational life\")"));
            } else {
                filesById.computeIfAbsent(id, k -> new TreeSet<>()).add(d.file());
            }
        }
        for (Declaration d : declarations) {
            String id = policyId(d.name());
            if (id != null && filesById.get(id).size() > 1) {
                TreeSet<String> others = new TreeSet<>(filesById.get(id));
                others.remove(d.file());
                warnings.add(new ValidationReport.Warning(ValidationReport.Kind.DUPLICATE_ID, d.file(), d.line(), d.name(),
                        "policy id " + id + " of rule \"" + d.name() + "\" is also used in " + String.join(", ", others)));
            }
        }
        return warnings;
    }

    private static ValidationReport.Warning compilerWarning(RuleMessage m) {
        return new ValidationReport.Warning(ValidationReport.Kind.COMPILER, m.file(), m.line(), null, m.text());
    }
}
