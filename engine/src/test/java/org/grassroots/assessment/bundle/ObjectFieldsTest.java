package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/** The per-field checks one by one, on each side of every bound, with the value each returns. */
class ObjectFieldsTest {

    private final List<Problem> problems = new ArrayList<>();

    /** The object as the bundle reader reads it (exact decimals, integers as they are written). */
    private ObjectFields fields(String json) {
        try (JsonParser parser = TestBundles.MAPPER.createParser(json)) {
            parser.nextToken();
            JsonNode node = new JsonTreeReader(parser).read(problems);
            ObjectFields fields = ObjectFields.of(node, "/r", problems,
                    KnownFields.of("a", "b", "c", "d", "list", "nested"));
            assertThat(problems).isEmpty();
            return fields;
        }
    }

    private List<String> messages() {
        return problems.stream().map(p -> p.path() + " " + p.message()).toList();
    }

    @Test
    void codes_are_ascii_letters_digits_underscores_and_hyphens_starting_with_a_letter_or_digit() {
        for (String good : List.of("A", "Z", "a", "z", "0", "9", "a_b-c", "9Z", "x".repeat(64))) {
            ObjectFields f = fields("{\"a\": \"" + good + "\"}");
            assertThat(f.code("a")).as(good).isEqualTo(good);
            assertThat(f.valid("a")).isTrue();
        }
        assertThat(problems).isEmpty();
        // the characters just outside each range: @ [ ` { / :
        for (String bad : List.of("@", "[", "`", "{", "/", ":", "a@", "a[", "a`", "a{", "a/", "a:", "_a", "-a", "",
                "x".repeat(65), "名")) {
            problems.clear();
            ObjectFields f = fields("{\"a\": \"" + bad + "\"}");
            assertThat(f.code("a")).as(bad).isNull();
            assertThat(f.valid("a")).isFalse();
            assertThat(messages()).as(bad).singleElement().asString().startsWith("/r/a must be 1–64 letters");
        }
    }

    @Test
    void a_matching_string_is_returned_as_it_is() {
        ObjectFields f = fields("{\"a\": \"2026-Q3\", \"b\": \"x\"}");
        assertThat(f.matching("a", Pattern.compile("\\d{4}-Q\\d"), "a quarter")).isEqualTo("2026-Q3");
        assertThat(f.matching("b", Pattern.compile("\\d{4}-Q\\d"), "a quarter")).isNull();
        assertThat(messages()).containsExactly("/r/b must be a quarter, got \"x\"");
    }

    @Test
    void a_text_of_exactly_its_bounds_is_taken_counted_in_code_points() {
        ObjectFields f = fields("{\"a\": \"ab\", \"b\": \"abcd\", \"c\": \"a\", \"d\": \"abcde\", \"nested\": \"𠀀𠀀𠀀𠀀\"}");
        assertThat(f.text("a", 2, 4)).isEqualTo("ab");
        assertThat(f.text("b", 2, 4)).isEqualTo("abcd");
        assertThat(f.text("nested", 2, 4)).isEqualTo("𠀀𠀀𠀀𠀀");
        assertThat(f.text("c", 2, 4)).isNull();
        assertThat(f.text("d", 2, 4)).isNull();
        assertThat(messages()).containsExactly("/r/c must be 2–4 characters long, got 1",
                "/r/d must be 2–4 characters long, got 5");
        assertThat(f.optionalText("list", 3)).isNull();
    }

    @Test
    void a_name_is_stripped_and_refused_when_blank_hidden_or_long() {
        ObjectFields f = fields("{\"a\": \"\u3000 城关镇党委 \", \"b\": \" \u3000 \", \"c\": \"城关\u200b镇\", \"d\": \"一二三四五\","
                + " \"nested\": \"一二三四\"}");
        assertThat(f.name("a", 5)).isEqualTo("城关镇党委");
        assertThat(f.name("nested", 4)).isEqualTo("一二三四");
        assertThat(f.name("b", 5)).isNull();
        assertThat(f.name("c", 5)).isNull();
        assertThat(f.name("d", 4)).isNull();
        assertThat(f.name("list", 4)).isNull();
        assertThat(messages()).containsExactly("/r/b must not be blank",
                "/r/c must not contain control characters, got U+200B", "/r/d must be 1–4 characters long, got 5",
                "/r/list is required");
    }

    @Test
    void dates_are_strict_iso_dates_year_zero_included() {
        assertThat(ObjectFields.isoDate("2026-02-28")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ObjectFields.isoDate("0000-01-01")).isEqualTo(LocalDate.of(0, 1, 1));
        assertThat(ObjectFields.isoDate("2026-02-30")).isNull();
        assertThat(ObjectFields.isoDate("2026-00-10")).isNull();
        assertThat(ObjectFields.isoDate("2026-01-00")).isNull();
        assertThat(ObjectFields.isoDate("2026/01/10")).isNull();
        assertThat(ObjectFields.isoDate("2026-01/10")).isNull();
        assertThat(ObjectFields.isoDate("2026-1-10")).isNull();
        assertThat(ObjectFields.isoDate("2026-01-1a")).isNull();
        assertThat(ObjectFields.isoDate("２０２６-01-10")).isNull();
        ObjectFields f = fields("{\"a\": \"2026-12-31\", \"b\": \"31.12.2026\"}");
        assertThat(f.date("a")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(f.optionalDate("b")).isNull();
        assertThat(f.optionalDate("c")).isNull();
        assertThat(messages()).containsExactly("/r/b must be a date yyyy-MM-dd, got \"31.12.2026\"");
    }

    @Test
    void digits_are_read_between_two_positions() {
        assertThat(ObjectFields.digits("x0912y", 1, 5)).isEqualTo(912);
        assertThat(ObjectFields.digits("x0912y", 1, 1)).isZero();
        assertThat(ObjectFields.digits("x09/2y", 1, 5)).isEqualTo(-1);
        assertThat(ObjectFields.digits("x09:2y", 1, 5)).isEqualTo(-1);
        assertThat(ObjectFields.digits("x0912y", 0, 5)).isEqualTo(-1);
    }

    @Test
    void a_number_that_rounds_onto_a_bound_is_compared_exactly() {
        ObjectFields f = fields("{\"a\": -1e-400, \"b\": 100.000000000000000000001, \"c\": 0, \"d\": 100,"
                + " \"nested\": 0.0000000000000000000001}");
        assertThat(f.number("c", 0, 100)).isZero();
        assertThat(f.number("d", 0, 100)).isEqualTo(100.0);
        assertThat(f.number("nested", 0, 100)).isEqualTo(1e-22);
        assertThat(f.number("a", 0, 100)).isZero();
        assertThat(f.number("b", 0, 100)).isZero();
        assertThat(messages()).containsExactly("/r/a must be between 0 and 100, got -1E-400",
                "/r/b must be between 0 and 100, got 100.000000000000000000001");
    }

    @Test
    void integers_keep_their_bounds() {
        ObjectFields f = fields("{\"a\": 3, \"b\": 7, \"c\": 2, \"d\": 8, \"nested\": 9999999999999999999999}");
        assertThat(f.integer("a", 3, 7)).isEqualTo(3);
        assertThat(f.integer("b", 3, 7)).isEqualTo(7);
        assertThat(f.integer("c", 3, 7)).isZero();
        assertThat(f.integer("d", 3, 7)).isZero();
        assertThat(f.integer("nested", 0, Integer.MAX_VALUE)).isZero();
        assertThat(messages()).containsExactly("/r/c must be between 3 and 7, got 2", "/r/d must be between 3 and 7, got 8",
                "/r/nested must be between 0 and 2147483647, got 9999999999999999999999");
    }

    @Test
    void integers_beyond_an_int_are_out_of_range_and_only_a_value_below_names_the_lower_bound_alone() {
        ObjectFields f = fields("{\"a\": 2147483647, \"b\": 2147483648, \"c\": -1,"
                + " \"d\": -9999999999999999999999, \"list\": -2147483649}");
        assertThat(f.integer("a", 0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(f.integer("b", 0, Integer.MAX_VALUE)).isZero();
        assertThat(f.integer("c", 0, Integer.MAX_VALUE)).isZero();
        assertThat(f.integer("d", 0, Integer.MAX_VALUE)).isZero();
        assertThat(f.integer("list", -5, 5)).isZero();
        assertThat(messages()).containsExactly("/r/b must be between 0 and 2147483647, got 2147483648",
                "/r/c must be at least 0, got -1", "/r/d must be at least 0, got -9999999999999999999999",
                "/r/list must be between -5 and 5, got -2147483649");
        assertThat(f.valid("a")).isTrue();
        assertThat(f.valid("b")).isFalse();
    }

    @Test
    void an_amount_of_yuan_is_zero_or_more_with_at_most_two_decimals_and_finite() {
        ObjectFields f = fields("{\"a\": 0, \"b\": 12.50, \"c\": -0.01, \"d\": 1.005, \"nested\": 1e400}");
        assertThat(f.yuan("a")).isZero();
        assertThat(f.yuan("b")).isEqualTo(12.5);
        assertThat(f.yuan("c")).isZero();
        assertThat(f.yuan("d")).isZero();
        assertThat(f.yuan("nested")).isZero();
        assertThat(messages()).containsExactly("/r/c must be at least 0, got -0.01",
                "/r/d must have at most 2 decimals, got 1.005", "/r/nested is too large, got 1E+400");
    }

    @Test
    void booleans_are_true_or_false_and_nothing_else() {
        ObjectFields f = fields("{\"a\": false, \"b\": true, \"c\": \"true\", \"d\": null}");
        assertThat(f.bool("a")).isFalse();
        assertThat(f.bool("b")).isTrue();
        assertThat(f.bool("c")).isFalse();
        assertThat(f.bool("list")).isFalse();
        assertThat(f.optionalBool("d", true)).isTrue();
        assertThat(f.optionalBool("a", true)).isFalse();
        assertThat(messages()).containsExactly("/r/c must be true or false, got \"true\"", "/r/list is required");
        assertThat(f.valid("a", "b")).isTrue();
        assertThat(f.valid("a", "c")).isFalse();
    }

    @Test
    void a_nested_value_that_is_not_an_object_makes_its_field_invalid() {
        ObjectFields f = fields("{\"nested\": 5, \"a\": {\"b\": 1}, \"list\": [{\"a\": 1}, 2, {\"b\": 2}]}");
        assertThat(f.object("nested", KnownFields.of("b"))).isNull();
        assertThat(f.valid("nested")).isFalse();
        assertThat(f.object("a", KnownFields.of("b"))).isNotNull();
        assertThat(f.valid("a")).isTrue();
        assertThat(f.objects("list", 1, 3, KnownFields.of("a", "b"))).hasSize(2);
        assertThat(f.valid("list")).isFalse();
        assertThat(messages()).containsExactly("/r/nested must be an object, got 5", "/r/list/1 must be an object, got 2");
    }

    @Test
    void arrays_of_exactly_their_bounds_are_taken_and_bad_strings_spoil_the_list() {
        ObjectFields f = fields("{\"a\": [\"x\", \"y\"], \"b\": [\"x\", \"y\", \"z\", \"w\"], \"c\": [\"x\"],"
                + " \"d\": [\"x\", \" \", 3], \"list\": [\"x\", \"y\", \"z\", \"w\", \"v\"]}");
        assertThat(f.strings("a", 2, 4, true)).containsExactly("x", "y");
        assertThat(f.strings("b", 2, 4, true)).containsExactly("x", "y", "z", "w");
        assertThat(f.strings("c", 2, 4, true)).isEmpty();
        assertThat(f.strings("list", 2, 4, true)).isEmpty();
        assertThat(f.valid("a", "b")).isTrue();
        assertThat(f.strings("d", 0, 4, true)).isEmpty();
        assertThat(f.valid("d")).isFalse();
        assertThat(messages()).containsExactly("/r/c must have 2–4 entries, got 1", "/r/list must have 2–4 entries, got 5",
                "/r/d/1 must not be blank", "/r/d/2 must be a string, got 3");
    }

    @Test
    void a_blank_string_is_kept_when_blanks_are_allowed() {
        ObjectFields f = fields("{\"a\": [\" \", \"y\"]}");
        assertThat(f.strings("a", 0, 2, false)).containsExactly(" ", "y");
        assertThat(f.valid("a")).isTrue();
    }
}
