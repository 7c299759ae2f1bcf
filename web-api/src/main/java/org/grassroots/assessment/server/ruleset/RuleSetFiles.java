package org.grassroots.assessment.server.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.ruleset.RuleMessage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioRunner;
import org.grassroots.assessment.server.web.InvalidRequestException;

/**
 * A version's files: which are rules and which scenarios ({@code scenarios/...}), the checks on
 * their names, and compiling the rules with every error as a problem with its JSON Pointer.
 */
final class RuleSetFiles {

    private RuleSetFiles() {
    }

    /** The folder prefix of scenario files in a version's files (e.g. {@code scenarios/worked-example.scenario}). */
    static final String SCENARIOS = RuleSetLoader.SCENARIOS + "/";

    /** The rule files (top-level {@code .drl}

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

    static boolean hasScenario(Map<String, String> scenarios) {
        return scenarios.keySet().stream().anyMatch(n -> n.endsWith(ScenarioRunner.SUFFIX));
    }

    /** A scenario problem with the file named as in the version's files. */
    static ScenarioProblem named(ScenarioProblem p) {
        return new ScenarioProblem(p.file() == null || p.file().equals(RuleSetLoader.SCENARIOS)
                ? RuleSetLoader.SCENARIOS : SCENARIOS + p.file(), p.line(), p.message());
    }

    /** The shipped rule files with the shipped scenarios as {@code scenarios/...}. */
    static Map<String, String> withShippedScenarios(RuleSet shipped) {
        Map<String, String> files = new java.util.TreeMap<>(shipped.files());
        RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR)
                .forEach((name, content) -> files.put(SCENARIOS + name, content));
        return files;
    }

    static RuleSet compileOrRefuse(Map<String, String> files) {
        try {
            return CachedClassLookups.compile(() -> RuleSet.compile(files));
        } catch (RuleSetCompilationException e) {
            List<RuleSetAuthoring.RuleError> errors = errors(e.messages(), RuleMessage.Level.ERROR);
            List<Problem> problems = errors.stream()
                    .map(err -> new Problem(err.file() == null ? "/files" : "/files/" + pointer(err.file()),
                            err.describe()))
                    .toList();
            throw new InvalidRequestException("规则集编译未通过：共 " + errors.size() + " 个错误", problems);
        }
    }

    static List<RuleSetAuthoring.RuleError> errors(List<RuleMessage> messages, RuleMessage.Level level) {
        return messages.stream().filter(m -> m.level() == level).map(RuleSetAuthoring.RuleError::of).toList();
    }

    static String pointer(String name) {
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
