package org.grassroots.assessment.server.importing.xlsx;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules read each fact, derived from the DRL text of the rule set in force, so that the
 * 说明 sheet can never name a rule that no longer reads the fact or miss one that does: a rule
 * reads field {@code f} of record type {@code T} when its text (comments removed) names {@code T}
 * and names {@code f} other than as a {@code $variable}. The id is the first word of the rule's
 * name (docs/policy.md, "Rule ids"). Rules that read a fact only through a value another rule
 * derived from it (CO-01 reads the ratio R-00 computed) show as the rule that reads it.
 */
public final class RuleReaders {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\\s\"]+)[^\"]*\"(.*?)^\\s*end\\b",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private final Map<String, SortedSet<String>> readers;

    private RuleReaders(Map<String, SortedSet<String>> readers) {
        this.readers = readers;
    }

    /**
     * @param files  the rule set's files by name (only {@code .drl} files are read)
     * @param fields the fields to look for, as {@code Type.field}
     */
    public static RuleReaders of(Map<String, String> files, Set<String> fields) {
        Map<String, SortedSet<String>> readers = new HashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().endsWith(".drl")) {
                continue;
            }
            String text = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(file.getValue()).replaceAll(" ")).replaceAll("");
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                String id = rule.group(1);
                String body = rule.group(2);
                for (String qualified : fields) {
                    int dot = qualified.indexOf('.');
                    String type = qualified.substring(0, dot);
                    String field = qualified.substring(dot + 1);
                    if (mentions(body, type) && mentions(body, field)) {
                        readers.computeIfAbsent(qualified, k -> new TreeSet<>()).add(id);
                    }
                }
            }
        }
        return new RuleReaders(readers);
    }

    /** The ids of the rules that read {@code Type.field}, in order; empty when none does. */
    public SortedSet<String> of(String type, String field) {
        if (type == null || field == null) {
            return Collections.emptySortedSet();
        }
        return readers.getOrDefault(type + "." + field, Collections.emptySortedSet());
    }

    private static boolean mentions(String text, String word) {
        return Pattern.compile("(?<![$\\w])" + Pattern.quote(word) + "\\b").matcher(text).find();
    }
}
