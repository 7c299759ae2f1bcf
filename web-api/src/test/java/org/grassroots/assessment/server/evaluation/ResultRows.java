package org.grassroots.assessment.server.evaluation;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation result (docs/formats.md section 2) as comparable lines of text, numbers to 2
 * decimals: what the worked example's expected results fix, in their published order.
 */
public final class ResultRows {

    private ResultRows() {
    }

    public static List<String> organizations(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode o : result.get("organizations")) {
            rows.add(organization(o));
        }
        return rows;
    }

    public static String organization(JsonNode o) {
        StringBuilder row = new StringBuilder();
        row.append(o.get("code").asString()).append(" rank=").append(o.get("rank").asInt());
        for (String f : List.of("cohesion", "charisma", "combat", "composite", "inspectionScore")) {
            row.append(' ').append(f).append('=').append(number(o.get(f)));
        }
        for (String f : List.of("tier", "weakTriggers", "titles", "flags", "movement")) {
            row.append(' ').append(f).append('=').append(o.get(f));
        }
        row.append(" explanation=");
        for (JsonNode line : o.get("explanation")) {
            row.append('[').append(line.get("rule").asString()).append(' ').append(line.get("dimension").asString())
                    .append(' ').append(number(line.get("points"))).append(']');
        }
        return row.toString();
    }

    public static List<String> members(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode m : result.get("members")) {
            rows.add(m.get("memberId").asString() + " " + m.get("orgCode").asString() + " " + m.get("titles"));
        }
        return rows;
    }

    public static List<String> rectifications(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : result.get("rectifications")) {
            rows.add(rectification(r));
        }
        return rows;
    }

    public static String rectification(JsonNode r) {
        return String.join(" ", r.get("orgCode").asString(), r.get("source").asString(), r.get("rule").asString(),
                r.hasNonNull("visitId") ? r.get("visitId").asString() : "-", r.get("deadline").asString(),
                r.get("status").asString(), r.get("overdue").toString());
    }

    private static String number(JsonNode n) {
        return n == null || n.isNull() ? "null" : String.format("%.2f", n.asDouble());
    }
}
