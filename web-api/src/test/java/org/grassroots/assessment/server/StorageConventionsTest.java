package org.grassroots.assessment.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the storage conventions of the server (README, "Architecture: persistence"): only classes
 * named {@code <Thing>Repository} talk to the database through JDBC or hold SQL, and they use one
 * JDBC API. A source file whose name does not end in {@code Repository} fails when its code (not its
 * comments) names a JDBC template or client, or when one of its string literals reads as a SQL
 * statement; a repository fails when it names {@code NamedParameterJdbcTemplate} or uses a
 * {@code JdbcTemplate} for anything but a batch ({@code JdbcClient} has no batch API).
 *
 * <p>A plain source scan rather than ArchUnit: SQL lives in string literals, which bytecode rules do
 * not see. Comments are removed before the scan, so a Javadoc that mentions a JdbcTemplate or quotes
 * a statement does not count.
 */
@DatabaseAgnostic
class StorageConventionsTest {

    static final Path SOURCES = Path.of("src/main/java");

    private static final Pattern JDBC_TYPE = Pattern.compile(
            "\\b(JdbcTemplate|NamedParameterJdbcTemplate|JdbcClient|JdbcOperations|NamedParameterJdbcOperations)\\b");

    /** A literal that starts like a statement (possibly a fragment: "select a, b" + ...), or holds a clause. */
    private static final Pattern SQL = Pattern.compile("(?i)^\\s*(select\\s+[\\w*(]|insert\\s+into\\b"
            + "|update\\s+\\w+\\s+set\\b|delete\\s+from\\b|merge\\s+into\\b|with\\s+recursive\\b|backup\\s+to\\b"
            + "|create\\s+(table|index)\\b|alter\\s+table\\b|drop\\s+table\\b)"
            + "|(?i)\\b(from|join)\\s+[a-z_]+(\\s+[a-z])?\\s+(where|on|order\\s+by|group\\s+by)\\b"
            + "|(?i)\\bwhere\\s+[a-z_.]+\\s*(=|in\\s*\\(|is\\s+(not\\s+)?null|like)\\s*");

    /**
     * Storage classes of parts of the server that another branch is converting (Hibernate) or renaming
     * now (none today); each entry must still violate, so that it is removed here once its class is converted.
     */
    private static final Map<String, String> PENDING = Map.of();

    private static final Pattern JDBC_TEMPLATE_CALL = Pattern.compile("\\b(batch|jdbc)\\.(\\w+)\\(");

    @Test
    void only_repositories_hold_sql_or_touch_jdbc() {
        Map<String, List<String>> violations = violations(SOURCES);
        Map<String, List<String>> unexpected = new TreeMap<>(violations);
        PENDING.keySet().forEach(unexpected::remove);
        assertThat(unexpected).as("SQL or JDBC outside a <Thing>Repository class").isEmpty();
        List<String> stale = PENDING.keySet().stream().filter(f -> !violations.containsKey(f)).sorted().toList();
        assertThat(stale).as("PENDING entries that hold no SQL any more (remove them from the list)").isEmpty();
    }

    @Test
    void repositories_use_jdbc_client_and_keep_jdbc_template_for_batches() {
        Map<String, List<String>> wrong = new TreeMap<>();
        for (Path file : javaFiles(SOURCES)) {
            String name = relative(SOURCES, file);
            if (!file.getFileName().toString().endsWith("Repository.java") || PENDING.containsKey(name)) {
                continue;
            }
            Source source = Source.parse(read(file));
            List<String> found = new ArrayList<>();
            if (source.code().contains("NamedParameterJdbcTemplate")) {
                found.add("NamedParameterJdbcTemplate (use JdbcClient's named parameters)");
            }
            if (source.code().contains("JdbcTemplate")) {
                Matcher m = JDBC_TEMPLATE_CALL.matcher(source.code());
                String templateField = templateField(source.code());
                while (m.find()) {
                    if (m.group(1).equals(templateField) && !m.group(2).equals("batchUpdate")) {
                        found.add("JdbcTemplate." + m.group(2) + " (only batchUpdate may stay on JdbcTemplate)");
                    }
                }
            }
            if (!found.isEmpty()) {
                wrong.put(name, found);
            }
        }
        assertThat(wrong).as("repositories that use JdbcTemplate for more than batches").isEmpty();
    }

    @Test
    void the_scan_sees_sql_and_jdbc_in_code_but_not_in_comments_or_messages() {
        assertThat(Source.parse("class A { String s = \"select code from organization where code = ?\"; }").violations())
                .hasSize(1);
        assertThat(Source.parse("class A { String s = \"\"\"\n  update evaluation set x = 1\n  \"\"\"; }").violations())
                .hasSize(1);
        assertThat(Source.parse("class A { String s = \" from visit v where \" + c; }").violations()).hasSize(1);
        assertThat(Source.parse("class A { private final JdbcClient jdbc; }").violations()).hasSize(1);
        assertThat(Source.parse("class A { /** Uses a JdbcTemplate: \"select 1 from t where a = 1\" */ int a; }")
                .violations()).isEmpty();
        assertThat(Source.parse("class A { // select x from y where z = 1\n String s = \"组织不存在：\" + c; }")
                .violations()).isEmpty();
        assertThat(Source.parse("class A { String s = \"select rank, rank_in_type\" + x; char q = '\"'; }").violations())
                .hasSize(1);
        assertThat(Source.parse("class A { String s = \"Update available\"; String t = \"joined on the day\"; }")
                .violations()).isEmpty();
        assertThat(Source.parse("class A { String s = \"Please update the file\"; String t = \"from the list\"; }")
                .violations()).isEmpty();
    }

    private static String templateField(String code) {
        Matcher m = Pattern.compile("JdbcTemplate\\s+(\\w+)\\s*;").matcher(code);
        return m.find() ? m.group(1) : "";
    }

    static Map<String, List<String>> violations(Path root) {
        Map<String, List<String>> violations = new TreeMap<>();
        for (Path file : javaFiles(root)) {
            if (file.getFileName().toString().endsWith("Repository.java")) {
                continue;
            }
            List<String> found = Source.parse(read(file)).violations();
            if (!found.isEmpty()) {
                violations.put(relative(root, file), found);
            }
        }
        return violations;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        Path server = root.resolve("org/grassroots/assessment/server");
        return (file.startsWith(server) ? server.relativize(file) : root.relativize(file)).toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java source split into its code (comments and literals removed) and its string literals. */
    record Source(String code, List<String> literals) {

        List<String> violations() {
            List<String> found = new ArrayList<>();
            Matcher jdbc = JDBC_TYPE.matcher(code);
            while (jdbc.find()) {
                found.add("names " + jdbc.group(1));
            }
            for (String literal : literals) {
                if (SQL.matcher(literal).find()) {
                    found.add("SQL in a string: \"" + literal.strip() + "\"");
                }
            }
            return found;
        }

        /** A small lexer: comments, text blocks, string and char literals (with escapes), and the rest. */
        static Source parse(String text) {
            StringBuilder code = new StringBuilder();
            List<String> literals = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? n : end;
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                    code.append(' ');
                } else if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    while (end > 0 && text.charAt(end - 1) == '\\') {
                        end = text.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? n : end;
                    literals.add(text.substring(i + 3, end));
                    code.append("\"\"");
                    i = Math.min(n, end + 3);
                } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                    char quote = text.charAt(i);
                    int j = i + 1;
                    StringBuilder literal = new StringBuilder();
                    while (j < n && text.charAt(j) != quote) {
                        if (text.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        literal.append(text.charAt(j));
                        j++;
                    }
                    if (quote == '"') {
                        literals.add(literal.toString());
                    }
                    code.append(quote).append(quote);
                    i = j + 1;
                } else {
                    code.append(text.charAt(i));
                    i++;
                }
            }
            return new Source(code.toString(), literals);
        }
    }
}
