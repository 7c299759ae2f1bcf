package org.grassroots.assessment.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.evaluation.DoubtfulVisit;
import org.grassroots.assessment.evaluation.DueVisit;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.OrganizationResult;

/**
 * One expected value of a scenario, one line of its {@code expect:} block:
 * <pre>
 *   TARGET = VALUE          equal: numbers to 0.01, lists as sets ([A, B], [] for none), null for absent
 *   TARGET contains VALUE   a list target holds the value
 *   TARGET lacks VALUE      a list target does not hold the value
 * </pre>
 * Targets: {@code ORG.FIELD} with FIELD one of tier, composite, cohesion, charisma, combat,
 * inspectionScore, rank, rankInType, rankInParent, movement, weakTriggers, titles, flags, due (the rule
 * ids of the visits it is due), doubts (the ids of its visits in doubt, PL-04);
 * {@code ORG.due[RULE-ID]} (the day that visit fell due);
 * {@code ORG.explanation[RULE-ID]} (the sum of the organization's explanation points with that rule
 * id, null when none); {@code members.MEMBER-ID.titles}, {@code members.MEMBER-ID.disqualified}
 * (the reason, null when not disqualified); {@code rectifications.count(ORG)},
 * {@code rectifications.count(ORG, SOURCE)} (open or submitted items as of the as-of date);
 * {@code organizations.count}.
 */
public record Expectation(int line, String text, String target, Op op, String expected) {

    public enum Op { EQUALS, CONTAINS, LACKS }

    private static final double TOLERANCE = 0.01 + 1e-9;
    private static final List<String> NUMBER_FIELDS = List.of("composite", "cohesion", "charisma", "combat",
            "inspectionScore", "rank", "rankInType", "rankInParent");
    private static final List<String> TEXT_FIELDS = List.of("tier", "movement");
    private static final List<String> LIST_FIELDS = List.of("weakTriggers", "titles", "flags", "due", "doubts");
    private static final Pattern LINE = Pattern.compile("^(rectifications\\.count\\([^)]*\\)|\\S+?)\\s*(=|\\s+contains\\s+|\\s+lacks\\s+)\\s*(.*)$");
    private static final Pattern ORG_FIELD = Pattern.compile("^([^.\\s]+)\\.(\\w+)(?:\\[([^\\]]+)\\])?$");
    private static final Pattern MEMBER = Pattern.compile("^members\\.([^.\\s]+)\\.(titles|disqualified)$");
    private static final Pattern COUNT = Pattern.compile("^rectifications\\.count\\(\\s*([^,\\s)]+)\\s*(?:,\\s*([A-Z_]+)\\s*)?\\)$");

    /** Parses one expectation line; the message says what is wrong. */
    static Expectation parse(int line, String text) throws IllegalArgumentException {
        Matcher m = LINE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an expectation (TARGET = VALUE, TARGET contains VALUE or TARGET lacks VALUE): " + text.trim());
        }
        String target = m.group(1);
        Op op = switch (m.group(2).trim()) {
            case "=" -> Op.EQUALS;
            case "contains" -> Op.CONTAINS;
            default -> Op.LACKS;
        };
        String expected = m.group(3).trim();
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("no expected value after " + m.group(2).trim());
        }
        Kind kind = kindOf(target);
        if (op != Op.EQUALS && kind != Kind.LIST) {
            throw new IllegalArgumentException(m.group(2).trim() + " needs a list target (weakTriggers, titles, flags, members.ID.titles): " + target);
        }
        if (op == Op.EQUALS && kind == Kind.NUMBER && !expected.equals("null")) {
            try {
                Double.parseDouble(expected);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(target + " is a number, not " + expected);
            }
        }
        if (op == Op.EQUALS && kind == Kind.LIST && !(expected.startsWith("[") && expected.endsWith("]"))) {
            throw new IllegalArgumentException(target + " is a list: write [A, B] (or [] for none)");
        }
        return new Expectation(line, text.trim(), target, op, expected);
    }

    private enum Kind { NUMBER, TEXT, LIST }

    private static Kind kindOf(String target) {
        if (target.equals("organizations.count") || COUNT.matcher(target).matches()) {
            return Kind.NUMBER;
        }
        Matcher member = MEMBER.matcher(target);
        if (member.matches()) {
            return member.group(2).equals("titles") ? Kind.LIST : Kind.TEXT;
        }
        if (target.startsWith("rectifications.") || target.startsWith("members.")) {
            throw new IllegalArgumentException("unknown target " + target
                    + " (members.ID.titles, members.ID.disqualified, rectifications.count(ORG[, SOURCE]))");
        }
        Matcher org = ORG_FIELD.matcher(target);
        if (!org.matches()) {
            throw new IllegalArgumentException("unknown target " + target + " (ORG.field, ORG.explanation[RULE], members.…, rectifications.count(…))");
        }
        String field = org.group(2);
        if (org.group(3) != null) {
            if (field.equals("due")) {
                return Kind.TEXT;
            }
            if (!field.equals("explanation")) {
                throw new IllegalArgumentException("only explanation and due take [RULE]: " + target);
            }
            return Kind.NUMBER;
        }
        if (field.equals("due")) {
            return Kind.LIST;
        }
        if (NUMBER_FIELDS.contains(field)) {
            return Kind.NUMBER;
        }
        if (TEXT_FIELDS.contains(field)) {
            return Kind.TEXT;
        }
        if (LIST_FIELDS.contains(field)) {
            return Kind.LIST;
        }
        throw new IllegalArgumentException("unknown field " + field + " (fields: " + String.join(", ", NUMBER_FIELDS)
                + ", " + String.join(", ", TEXT_FIELDS) + ", " + String.join(", ", LIST_FIELDS) + ", explanation[RULE])");
    }

    /** Checks the expectation against a result: empty when it holds, else the actual value found. */
    public Optional<String> check(EvaluationResult result) {
        return check(result, List.of());
    }

    /** Checks the expectation against a result and the visits due as of its date. */
    public Optional<String> check(EvaluationResult result, List<DueVisit> due) {
        return check(result, due, List.of());
    }

    /** Checks the expectation against a result, the visits due as of its date and the visits in doubt. */
    public Optional<String> check(EvaluationResult result, List<DueVisit> due, List<DoubtfulVisit> doubts) {
        Object actual;
        try {
            actual = actual(result, due, doubts);
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
        boolean holds = switch (op) {
            case EQUALS -> equal(actual);
            case CONTAINS -> ((List<?>) actual).contains(expected);
            case LACKS -> !((List<?>) actual).contains(expected);
        };
        return holds ? Optional.empty() : Optional.of(show(actual));
    }

    private boolean equal(Object actual) {
        if (expected.equals("null")) {
            return actual == null;
        }
        if (actual == null) {
            return false;
        }
        if (actual instanceof Double d) {
            return Math.abs(d - Double.parseDouble(expected)) <= TOLERANCE;
        }
        if (actual instanceof List<?> list) {
            return new TreeSet<>(list(expected)).equals(new TreeSet<>(list.stream().map(Object::toString).toList()));
        }
        return actual.toString().equals(expected);
    }

    private static List<String> list(String text) {
        String inner = text.substring(1, text.length() - 1).trim();
        List<String> items = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String s : inner.split(",")) {
                items.add(s.trim());
            }
        }
        return items;
    }

    private static String show(Object actual) {
        if (actual == null) {
            return "null";
        }
        if (actual instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
        }
        if (actual instanceof List<?> l) {
            return l.stream().map(Object::toString).sorted().toList().toString();
        }
        return actual.toString();
    }

    private Object actual(EvaluationResult result, List<DueVisit> due, List<DoubtfulVisit> doubts) {
        if (target.equals("organizations.count")) {
            return (double) result.organizations().size();
        }
        Matcher count = COUNT.matcher(target);
        if (count.matches()) {
            String org = count.group(1);
            String source = count.group(2);
            organization(result, org);
            long n = result.rectifications().stream()
                    .filter(r -> r.orgCode().equals(org))
                    .filter(r -> source == null || r.source().name().equals(source))
                    .count();
            return (double) n;
        }
        Matcher member = MEMBER.matcher(target);
        if (member.matches()) {
            MemberResult m = result.members().stream().filter(r -> r.memberId().equals(member.group(1))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no member " + member.group(1) + " in the result"));
            return member.group(2).equals("titles") ? m.titles().stream().map(Enum::name).toList() : m.disqualified();
        }
        Matcher field = ORG_FIELD.matcher(target);
        field.matches();
        OrganizationResult o = organization(result, field.group(1));
        if (field.group(2).equals("doubts")) {
            return doubts.stream().filter(d -> d.orgCode().equals(o.code())).map(DoubtfulVisit::visitId).distinct()
                    .toList();
        }
        if (field.group(2).equals("due")) {
            List<DueVisit> own = due.stream().filter(d -> d.orgCode().equals(o.code())).toList();
            if (field.group(3) == null) {
                return own.stream().map(DueVisit::rule).distinct().toList();
            }
            return own.stream().filter(d -> d.rule().equals(field.group(3))).map(d -> d.dueOn().toString()).findFirst()
                    .orElse(null);
        }
        return switch (field.group(2)) {
            case "explanation" -> {
                Double sum = null;
                for (ExplanationLine l : o.explanation()) {
                    if (l.rule().equals(field.group(3))) {
                        sum = (sum == null ? 0 : sum) + l.points();
                    }
                }
                yield sum;
            }
            case "composite" -> o.composite();
            case "cohesion" -> o.cohesion();
            case "charisma" -> o.charisma();
            case "combat" -> o.combat();
            case "inspectionScore" -> o.inspectionScore();
            case "rank" -> (double) o.rank();
            case "rankInType" -> (double) o.rankInType();
            case "rankInParent" -> (double) o.rankInParent();
            case "tier" -> o.tier() == null ? null : o.tier().name();
            case "movement" -> o.movement() == null ? null : o.movement().name();
            case "weakTriggers" -> o.weakTriggers();
            case "titles" -> o.titles().stream().map(Enum::name).toList();
            case "flags" -> o.flags().stream().map(Enum::name).toList();
            default -> throw new IllegalStateException("unknown field " + field.group(2));
        };
    }

    private static OrganizationResult organization(EvaluationResult result, String code) {
        return result.organizations().stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no organization " + code + " in the result"));
    }

}
