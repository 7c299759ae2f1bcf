package org.grassroots.assessment.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file of the hostile rule corpus ({@code src/test/resources/hostile-rules/}): an escape
 * attempt, added beside the shipped rule set. Its first two lines say what it tries and what must
 * happen: {@code // hostile: …} and {@code // expect: refused LINE:COLUMN NAME} (the fence refuses
 * it there, naming NAME) or {@code // expect: stopped …} (the run-time limits stop it).
 */
public record HostileRule(String file, String content, String attempt, String expectation, int line, int column,
        String name) {

    public static final Path STATIC = Path.of("src/test/resources/hostile-rules/static");
    private static final Pattern REFUSED = Pattern.compile("refused (\\d+):(\\d+) (.+)");

    public boolean refused() {
        return expectation.startsWith("refused ");
    }

    /** Every {@code .drl} file of a corpus folder, in name order. */
    public static List<HostileRule> read(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().map(HostileRule::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostileRule of(Path path) {
        try {
            String content = Files.readString(path);
            List<String> lines = content.lines().limit(2).toList();
            if (lines.size() < 2 || !lines.get(0).startsWith("// hostile: ") || !lines.get(1).startsWith("// expect: ")) {
                throw new IllegalArgumentException(path + " does not start with // hostile: and // expect: lines");
            }
            String expectation = lines.get(1).substring("// expect: ".length()).trim();
            Matcher m = REFUSED.matcher(expectation);
            boolean refused = m.matches();
            return new HostileRule(path.getFileName().toString(), content, lines.get(0).substring("// hostile: ".length()),
                    expectation, refused ? Integer.parseInt(m.group(1)) : 0, refused ? Integer.parseInt(m.group(2)) : 0,
                    refused ? m.group(3) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a compiler message is this file's expected refusal: same file, line, column, and the name in its text. */
    public boolean matches(RuleMessage m) {
        return m.level() == RuleMessage.Level.ERROR && file.equals(m.file()) && m.line() == line && m.column() == column
                && m.text().contains("refused: " + name + " ");
    }

    @Override
    public String toString() {
        return file + " (" + attempt + ")";
    }
}
