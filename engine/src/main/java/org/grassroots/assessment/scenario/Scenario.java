package org.grassroots.assessment.scenario;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.model.Period;

/**
 * A rule test scenario: a bundle (a file name resolved against the scenario file's folder), a
 * period, an as-of date, the latest published grades the planning rules see ({@code published:}
 * lines), the embedded days of visit photos ({@code photo:} lines) and expectations about the result and the visits due as of the date. {@code file} is the scenario's name in
 * its set (e.g. {@code worked-example.scenario}); {@code description} the text of its leading
 * comment lines.
 */
public record Scenario(String file, String description, String bundle, Period period, LocalDate asOf,
        List<PublishedGrade> published, List<Photo> photos, List<Expectation> expectations) {

    /** A photo of a visit of the bundle, taken (its embedded time says) on the day. */
    public record Photo(String visitId, String name, LocalDate takenOn) {
    }

    public Scenario {
        published = List.copyOf(published);
        photos = List.copyOf(photos);
        expectations = List.copyOf(expectations);
    }

    /** The bundle's name in the scenario set: the bundle path resolved against the scenario's folder. */
    public String bundlePath() {
        int slash = file.lastIndexOf('/');
        String folder = slash < 0 ? "" : file.substring(0, slash + 1);
        return normalize(folder + bundle);
    }

    static String normalize(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
