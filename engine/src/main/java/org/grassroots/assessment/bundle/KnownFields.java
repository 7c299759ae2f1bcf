package org.grassroots.assessment.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The field names an object may carry. Unknown names are usually typos of real fields, so the
 * message suggests the closest known name when it is close enough to be a plausible typo.
 */
final class KnownFields {

    private final List<String> names;
    private final Set<String> lookup;

    private KnownFields(List<String> names) {
        this.names = names;
        this.lookup = Set.copyOf(names);
    }

    static KnownFields of(String... names) {
        return new KnownFields(List.of(names));
    }

    boolean contains(String name) {
        return lookup.contains(name);
    }

    String unknownFieldMessage(String name) {
        String message = "unknown field " + ValueText.quote(name);
        String closest = closestTo(name);
        return closest == null ? message : message + " (did you mean \"" + closest + "\"?)";
    }

    private String closestTo(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // A third of the length (at least 2) separates typos from different words in practice.
        int allowed = Math.max(2, lower.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : names) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), allowed);
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up early (returning limit + 1) once it must exceed limit. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
