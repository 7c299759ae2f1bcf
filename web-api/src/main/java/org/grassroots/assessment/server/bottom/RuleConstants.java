package org.grassroots.assessment.server.bottom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a rule file states once, found by reading the DRL text: {@code final double NAME = 0.35;}
 * in a consequence, or {@code Number( $NAME : doubleValue ) from 60} in a condition. Each is known by
 * its file, the id of the rule that states it and its name, so a constant a maintainer adds is found
 * without any list in Java; {@link #moved} gives the files with one of them changed.
 */
final class RuleConstants {

    private static final Pattern FINAL = Pattern.compile(
            "final\\s+double\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*;");
    private static final Pattern BOUND = Pattern.compile(
            "Number\\(\\s*\\$([A-Z][A-Z0-9_]*)\\s*:\\s*doubleValue\\s*\\)\\s*from\\s+(-?[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\" ]+)");

    /** One stated number: {@code start}/{@code end} delimit its digits in the file. */
    record Constant(String file, String rule, String name, BigDecimal value, int start, int end) {

        String key() {
            return file + "/" + rule + "/" + name;
        }
    }

    private RuleConstants() {
    }

    /** Every constant of the {@code .drl} files, by file name and then position. */
    static List<Constant> of(Map<String, String> files) {
        List<Constant> found = new ArrayList<>();
        new TreeMap<>(files).forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                List<Constant> inFile = new ArrayList<>();
                find(FINAL, file, text, inFile);
                find(BOUND, file, text, inFile);
                inFile.sort((a, b) -> Integer.compare(a.start(), b.start()));
                found.addAll(inFile);
            }
        });
        return found;
    }

    /** The first constant {@code name} of the files (e.g. {@code BORDERLINE_POINTS}). */
    static Optional<Constant> named(Map<String, String> files, String name) {
        return of(files).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The files with {@code constant} set to {@code value} (its text only; every other byte kept). */
    static Map<String, String> moved(Map<String, String> files, Constant constant, BigDecimal value) {
        Map<String, String> moved = new TreeMap<>(files);
        String text = files.get(constant.file());
        moved.put(constant.file(), text.substring(0, constant.start()) + plain(value) + text.substring(constant.end()));
        return moved;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void find(Pattern pattern, String file, String text, List<Constant> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(new Constant(file, ruleAt(text, m.start()), m.group(1), new BigDecimal(m.group(2)), m.start(2),
                    m.end(2)));
        }
    }

    /** The id of the rule the position is in: the last {@code rule "…"} before it ("" before the first). */
    private static String ruleAt(String text, int position) {
        Matcher m = RULE.matcher(text);
        String id = "";
        while (m.find() && m.start() < position) {
            id = m.group(1);
        }
        return id;
    }
}
