package org.grassroots.assessment.server.pages.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.web.InvalidRequestException;

/**
 * The label ({@code version=} of {@code ruleset.properties}) a draft made on the pages gets: the one the
 * maintainer typed, else the one in the files when no other version has it, else the next free one
 * ({@code 2026.1.0} → {@code 2026.1.1}); two versions never share a label.
 */
final class DraftLabel {

    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version\\s*=.*$");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");
    private static final int MAX = 100;

    private DraftLabel() {
    }

    /** The label in the files' {@code ruleset.properties}, or null. */
    static String of(Map<String, String> files) {
        String properties = files.get(RuleSet.PROPERTIES);
        if (properties == null) {
            return null;
        }
        Matcher m = VERSION_LINE.matcher(properties);
        return m.find() ? m.group().substring(m.group().indexOf('=') + 1).strip() : null;
    }

    /** The files with {@code label} as their version. */
    static Map<String, String> with(Map<String, String> files, String label) {
        if (label.length() > MAX || label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("/version", "版本号最多 " + MAX + " 个字符，且不能含换行等控制字符");
        }
        Map<String, String> changed = new TreeMap<>(files);
        String properties = files.getOrDefault(RuleSet.PROPERTIES, "");
        Matcher m = VERSION_LINE.matcher(properties);
        changed.put(RuleSet.PROPERTIES, m.find() ? m.replaceFirst(Matcher.quoteReplacement("version=" + label))
                : properties + (properties.isEmpty() || properties.endsWith("\n") ? "" : "\n") + "version=" + label + "\n");
        return changed;
    }

    /** The label after {@code label}: its trailing number plus one, else {@code label-2}. */
    static String next(String label) {
        Matcher m = TRAILING_NUMBER.matcher(label);
        if (m.matches()) {
            return m.group(1) + (Long.parseLong(m.group(2)) + 1);
        }
        return label + "-2";
    }

    /**
     * The files as the draft is stored: with {@code typed} as their label when the maintainer typed one,
     * else with their own label, moved on to the next free one when a stored version has it.
     */
    static Map<String, String> chosen(Map<String, String> files, String typed, Set<String> taken) {
        if (typed != null && !typed.isBlank()) {
            return with(files, typed.strip());
        }
        String label = of(files);
        if (label == null || label.isEmpty() || !taken.contains(label)) {
            return files;
        }
        while (taken.contains(label)) {
            label = next(label);
        }
        return with(files, label);
    }
}
