package org.grassroots.assessment.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.evaluation.PublishedGrade;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Period;

/**
 * Reads a scenario file:
 * <pre>
 * # 石桥村 is weak as of year end         (leading comments describe the scenario)
 * bundle: worked-example.json           (relative to the scenario file)
 * period: 2026                          (a year or a quarter 2026-Q3)
 * asOf: 2026-12-31                      (optional: default the period end)
 * published: V-SHIQIAO WEAK 2026-01-20  (optional, repeatable: a latest published grade and its day,
 *                                        for the planning rules)
 * photo: XQ-2026-K001 C01.jpg 2026-03-01 (optional, repeatable: a photo of a visit and the day its
 *                                        embedded time says it was taken, for PL-04)
 * expect:
 * V-SHIQIAO.tier = WEAK
 * V-HONGQI.explanation[CB-05] = 24.75   (numbers compare to 0.01)
 * V-SHIQIAO.weakTriggers contains W-05
 * V-SHIQIAO.due = [PL-01, PL-02]         (the visits due as of the date, by rule id)
 * V-SHIQIAO.due[PL-01] = 2026-03-21      (the day it fell due)
 * V-SHIQIAO.doubts = [XQ-2026-K001]      (its visits in doubt, PL-04)
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored; see {@link Expectation} for targets.
 */
public final class ScenarioParser {

    private ScenarioParser() {
    }

    /** Parses one file; every problem is added to {@code problems}; returns null when there was any. */
    public static Scenario parse(String file, String text, List<ScenarioProblem> problems) {
        int before = problems.size();
        String bundle = null;
        Period period = null;
        LocalDate asOf = null;
        int asOfLine = 0;
        boolean inExpect = false;
        List<Expectation> expectations = new ArrayList<>();
        List<PublishedGrade> published = new ArrayList<>();
        List<Scenario.Photo> photos = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        boolean leading = true;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                if (leading) {
                    description.append(description.length() == 0 ? "" : " ").append(line.substring(1).strip());
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            leading = false;
            if (inExpect) {
                try {
                    expectations.add(Expectation.parse(n, line));
                } catch (IllegalArgumentException e) {
                    problems.add(new ScenarioProblem(file, n, e.getMessage()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).strip();
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (key) {
                case "bundle" -> {
                    if (value.isEmpty()) {
                        problems.add(new ScenarioProblem(file, n, "bundle: needs a file name"));
                    }
                    bundle = value;
                }
                case "period" -> {
                    try {
                        period = Period.parse(value);
                    } catch (RuntimeException e) {
                        problems.add(new ScenarioProblem(file, n, "period must be a year 2026 or a quarter 2026-Q3: " + value));
                    }
                }
                case "asOf" -> {
                    try {
                        asOf = LocalDate.parse(value);
                        asOfLine = n;
                        if (!Period.inRange(asOf)) {
                            problems.add(new ScenarioProblem(file, n, "asOf must lie in the years "
                                    + Period.MIN_YEAR + "–" + Period.MAX_YEAR + ": " + value));
                            asOf = null;
                        }
                    } catch (DateTimeParseException e) {
                        problems.add(new ScenarioProblem(file, n, "asOf must be a date YYYY-MM-DD: " + value));
                    }
                }
                case "published" -> {
                    String[] parts = value.split("\\s+");
                    try {
                        if (parts.length != 3) {
                            throw new IllegalArgumentException("three words");
                        }
                        published.add(new PublishedGrade(parts[0], Tier.valueOf(parts[1]), LocalDate.parse(parts[2])));
                    } catch (RuntimeException e) {
                        problems.add(new ScenarioProblem(file, n, "published: needs ORG TIER YYYY-MM-DD (TIER one of "
                                + java.util.Arrays.toString(Tier.values()) + "): " + value));
                    }
                }
                case "photo" -> {
                    String[] parts = value.split("\\s+");
                    try {
                        if (parts.length != 3) {
                            throw new IllegalArgumentException("three words");
                        }
                        photos.add(new Scenario.Photo(parts[0], parts[1], LocalDate.parse(parts[2])));
                    } catch (RuntimeException e) {
                        problems.add(new ScenarioProblem(file, n, "photo: needs VISIT-ID FILE-NAME YYYY-MM-DD: " + value));
                    }
                }
                case "expect" -> {
                    if (!value.isEmpty()) {
                        problems.add(new ScenarioProblem(file, n, "expect: takes its expectations on the following lines"));
                    }
                    inExpect = true;
                }
                default -> problems.add(new ScenarioProblem(file, n,
                        "unknown line (bundle:, period:, asOf:, published:, photo:, expect: and then expectations): " + line));
            }
        }
        if (bundle == null) {
            problems.add(new ScenarioProblem(file, 0, "no bundle: line"));
        }
        if (period == null && problems.size() == before) {
            problems.add(new ScenarioProblem(file, 0, "no period: line"));
        }
        if (!inExpect) {
            problems.add(new ScenarioProblem(file, 0, "no expect: section"));
        } else if (expectations.isEmpty() && problems.size() == before) {
            problems.add(new ScenarioProblem(file, 0, "expect: lists no expectation"));
        }
        if (period != null && asOf != null && asOf.isBefore(period.start())) {
            problems.add(new ScenarioProblem(file, asOfLine, "asOf " + asOf + " is before the period start " + period.start()));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Scenario(file, description.toString(), bundle, period, asOf == null ? period.end() : asOf, published,
                photos, expectations);
    }
}
