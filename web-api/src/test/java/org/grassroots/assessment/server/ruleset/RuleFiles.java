package org.grassroots.assessment.server.ruleset;

import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/** Rule files for the rule set tests: the shipped set, the CB-05 change, a file broken on line 17. */
final class RuleFiles {

    static final String COMBAT = "50-combat.drl";
    static final String BROKEN = "99-broken.drl";
    static final String CB05_VERSION = "2026.1.1-cb05-50";

    private RuleFiles() {
    }

    static Map<String, String> shipped() {
        return new TreeMap<>(RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR));
    }

    /** The shipped scenarios as a version stores them: {@code scenarios/<name>} → content. */
    static Map<String, String> shippedScenarios() {
        Map<String, String> files = new TreeMap<>();
        RuleSetLoader.readClasspathScenarios(RuleSetLoader.DEFAULT_RESOURCE_DIR)
                .forEach((name, content) -> files.put("scenarios/" + name, content));
        return files;
    }

    /** The shipped rules with the shipped scenarios. */
    static Map<String, String> shippedWithScenarios() {
        Map<String, String> files = shipped();
        files.putAll(shippedScenarios());
        return files;
    }

    /**
     * CB-05's weight 25 → 50, and a new version in ruleset.properties; without scenarios (the
     * shipped ones expect CB-05's weight 25, so the draft would be refused on activation with them).
     */
    static Map<String, String> cb05Weight50() {
        Map<String, String> files = shipped();
        String combat = files.get(COMBAT);
        String changed = combat.replace("final double WEIGHT_PERCENT = 25;", "final double WEIGHT_PERCENT = 50;");
        if (changed.equals(combat)) {
            throw new IllegalStateException("CB-05's weight is no longer written final double WEIGHT_PERCENT = 25;");
        }
        files.put(COMBAT, changed);
        files.put("ruleset.properties", files.get("ruleset.properties").replaceAll("(?m)^version=.*$",
                "version=" + CB05_VERSION));
        return files;
    }

    /** The shipped set plus a file whose line 17 is not DRL. */
    static Map<String, String> brokenOnLine17() {
        Map<String, String> files = shipped();
        StringBuilder drl = new StringBuilder("package org.grassroots.assessment.rules;\n");
        for (int line = 2; line <= 16; line++) {
            drl.append("// line ").append(line).append('\n');
        }
        drl.append("this is not a rule\n");
        drl.append("// line 18\n");
        files.put(BROKEN, drl.toString());
        return files;
    }

    static String body(Map<String, String> files, String comment) {
        Map<String, Object> body = new TreeMap<>();
        body.put("files", files);
        if (comment != null) {
            body.put("comment", comment);
        }
        return ResultJson.mapper().writeValueAsString(body);
    }
}
