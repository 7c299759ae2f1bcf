package org.grassroots.assessment.server.pages.rules;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring.RuleError;

/** An uploaded rule file shown line by line, with the compile errors next to the lines they name. */
public record UploadedFile(String name, List<Line> lines, List<RuleError> elsewhere) {

    public record Line(int number, String text, List<String> errors) {
    }

    static UploadedFile of(String name, String content, List<RuleError> errors) {
        List<Line> lines = new ArrayList<>();
        List<RuleError> mine = errors.stream().filter(e -> name.equals(e.file())).toList();
        String[] texts = content.split("\n", -1);
        for (int i = 0; i < texts.length; i++) {
            int number = i + 1;
            lines.add(new Line(number, texts[i], mine.stream().filter(e -> e.line() == number)
                    .map(e -> (e.column() > 0 ? "第 " + e.column() + " 列：" : "") + e.message()).toList()));
        }
        List<RuleError> elsewhere = mine.stream().filter(e -> e.line() < 1 || e.line() > texts.length).toList();
        return new UploadedFile(name, lines, elsewhere);
    }

    /** The number of the first line with an error, or 0. */
    public int firstErrorLine() {
        return lines.stream().filter(l -> !l.errors().isEmpty()).mapToInt(Line::number).findFirst().orElse(0);
    }

    public boolean hasErrors() {
        return !elsewhere.isEmpty() || lines.stream().anyMatch(l -> !l.errors().isEmpty());
    }
}
