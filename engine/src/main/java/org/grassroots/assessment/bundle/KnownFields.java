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
        int bestShared = 0;
        for (String candidate : names) {
            String candidateLower = candidate.toLowerCase(Locale.ROOT);
            int d = EditDistance.between(lower, candidateLower, allowed);
            if (d > allowed) {
                continue;
            }
            // On a tie the name sharing more letters is the likelier intent ("lng" is "lon", not "lat").
            int shared = sharedLetters(lower, candidateLower);
            if (d < bestDistance || (d == bestDistance && shared > bestShared)) {
                best = candidate;
                bestDistance = d;
                bestShared = shared;
            }
        }
        return best;
    }

    private static int sharedLetters(String a, String b) {
        StringBuilder rest = new StringBuilder(b);
        int shared = 0;
        for (int i = 0; i < a.length(); i++) {
            int at = rest.indexOf(String.valueOf(a.charAt(i)));
            if (at >= 0) {
                rest.deleteCharAt(at);
                shared++;
            }
        }
        return shared;
    }
}
