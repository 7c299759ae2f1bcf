package org.grassroots.assessment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Period;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The previous period's tiers that movement compares with, given to {@code evaluate
 * --previous-tiers FILE} instead of evaluating the previous period from the bundle's facts: what
 * a stored evaluation compared with (the server's {@code GET /api/evaluations/{id}/previous-tiers}
 * answers this file), so that the CLI run of a restatement's inputs is the restatement field by
 * field. Shape: {@code {"period": "2025", "tiers": {"CODE": "GOOD", …}}}; {@code period}, when
 * given, must be the period before the one evaluated; other members (e.g. {@code source}) are read
 * as comments.
 */
final class PreviousTiersFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TIERS = tierNames();

    private PreviousTiersFile() {
    }

    /** The file's tiers; every problem of the file at once, each with its JSON Pointer, as the exception's message. */
    static PreviousGrades read(Path file, Period evaluated) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IOException("the previous tiers " + file + " are not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Tier> tiers = new HashMap<>();
        if (root == null || !root.isObject()) {
            problems.add("/: must be an object {\"period\": …, \"tiers\": {code: tier}}");
        } else {
            JsonNode period = root.get("period");
            String expected = evaluated.previous().toString();
            if (period != null && !(period.isString() && period.asString().equals(expected))) {
                problems.add("/period: must be " + expected + ", the period before " + evaluated + ": " + period);
            }
            JsonNode given = root.get("tiers");
            if (given == null || !given.isObject()) {
                problems.add("/tiers: must be an object of organization code to tier (" + String.join(", ", TIERS) + ")");
            } else {
                for (Map.Entry<String, JsonNode> e : given.properties()) {
                    JsonNode tier = e.getValue();
                    if (tier.isString() && TIERS.contains(tier.asString())) {
                        tiers.put(e.getKey(), Tier.valueOf(tier.asString()));
                    } else {
                        problems.add("/tiers/" + pointer(e.getKey()) + ": must be one of " + String.join(", ", TIERS)
                                + ": " + tier);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("the previous tiers " + file + " have " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
        return PreviousGrades.of(tiers);
    }

    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> tierNames() {
        return Arrays.stream(Tier.values()).map(Tier::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
