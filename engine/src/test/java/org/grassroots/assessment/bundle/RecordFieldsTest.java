package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/** The record's field map behaves as the map an ObjectNode holds by default: a LinkedHashMap. */
class RecordFieldsTest {

    private static JsonNode n(int i) {
        return IntNode.valueOf(i);
    }

    /** Fields f0, f1, … with their numbers, also written into {@code expected}. */
    private static RecordFields numbered(int count, Map<String, JsonNode> expected) {
        RecordFields fields = new RecordFields();
        for (int i = 0; i < count; i++) {
            fields.put("f" + i, n(i));
            expected.put("f" + i, n(i));
        }
        return fields;
    }

    @Test
    void keeps_the_fields_in_the_order_written_and_replaces_a_value_in_its_place() {
        RecordFields fields = new RecordFields();
        assertThat(fields.put("b", n(1))).isNull();
        assertThat(fields.put("a", n(2))).isNull();
        assertThat(fields.put("c", n(3))).isNull();
        assertThat(fields.put("a", n(4))).isEqualTo(n(2));
        assertThat(fields.put("b", n(1))).isEqualTo(n(1));
        assertThat(fields.keySet()).containsExactly("b", "a", "c");
        assertThat(fields.entrySet()).hasSize(3);
        assertThat(fields.values()).containsExactly(n(1), n(4), n(3));
        assertThat(fields).hasSize(3).isEqualTo(Map.of("a", n(4), "b", n(1), "c", n(3)));
        assertThat(fields.toString()).isEqualTo("{b=1, a=4, c=3}");
    }

    @Test
    void finds_a_name_by_its_text_whatever_the_instance_and_tells_names_with_one_hash_apart() {
        RecordFields fields = new RecordFields();
        // "Aa" and "BB" share String's hash code
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        fields.put("Aa", n(1));
        fields.put("BB", n(2));
        fields.put(new String("memberId".toCharArray()), StringNode.valueOf("M1"));
        assertThat(fields.get("BB")).isEqualTo(n(2));
        assertThat(fields.get("Aa")).isEqualTo(n(1));
        assertThat(fields.get("memberId")).isEqualTo(StringNode.valueOf("M1"));
        assertThat(fields.containsKey("memberId")).isTrue();
        assertThat(fields.containsKey("Aa")).isTrue();
        assertThat(fields.keySet().contains("Aa")).isTrue();
        assertThat(fields.keySet().contains("BB")).isTrue();
        assertThat(fields.get("orgCode")).isNull();
        assertThat(fields.containsKey("orgCode")).isFalse();
        assertThat(fields.keySet().contains("orgCode")).isFalse();
        assertThat(fields.get(7)).isNull();
        assertThat(fields.containsKey(null)).isFalse();
        assertThat(fields.remove(7)).isNull();
    }

    @Test
    void grows_past_its_first_arrays_without_losing_a_field() {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        RecordFields fields = numbered(40, expected);
        assertThat(fields).hasSize(40).containsExactlyEntriesOf(expected);
        assertThat(fields.get("f39")).isEqualTo(n(39));
        assertThat(fields.hashCode()).isEqualTo(expected.hashCode());
    }

    @Test
    void removes_a_field_by_name_or_through_the_iterator_and_the_rest_keep_their_order() {
        RecordFields fields = new RecordFields();
        for (String name : List.of("a", "b", "c", "d")) {
            fields.put(name, StringNode.valueOf(name));
        }
        assertThat(fields.remove("b")).isEqualTo(StringNode.valueOf("b"));
        assertThat(fields.remove("b")).isNull();
        assertThat(fields.keySet()).containsExactly("a", "c", "d");

        Iterator<Map.Entry<String, JsonNode>> it = fields.entrySet().iterator();
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        assertThat(it.next().getKey()).isEqualTo("a");
        it.remove();
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        assertThat(it.next().getKey()).isEqualTo("c");
        assertThat(it.next().getKey()).isEqualTo("d");
        it.remove();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(fields).containsExactly(Map.entry("c", StringNode.valueOf("c")));
        fields.put("e", n(5));
        assertThat(fields.keySet()).containsExactly("c", "e");

        fields.clear();
        assertThat(fields).isEmpty();
        assertThat(fields.get("c")).isNull();
        fields.put("z", n(1));
        assertThat(fields.keySet()).containsExactly("z");
    }

    @Test
    void removes_from_full_arrays_at_the_start_and_in_the_middle() {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        // twelve fields fill the first arrays exactly
        RecordFields fields = numbered(12, expected);
        assertThat(fields.remove("f5")).isEqualTo(n(5));
        expected.remove("f5");
        assertThat(fields.remove("f0")).isEqualTo(n(0));
        expected.remove("f0");
        assertThat(fields).containsExactlyEntriesOf(expected);
        assertThat(fields.get("f11")).isEqualTo(n(11));
    }

    @Test
    void a_record_with_very_many_fields_is_found_through_its_index_and_keeps_it_through_changes() {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        RecordFields fields = numbered(5000, expected);
        assertThat(fields.get("f4999")).isEqualTo(n(4999));
        assertThat(fields.containsKey("f5000")).isFalse();
        assertThat(fields.put("f33", n(-33))).isEqualTo(n(33));
        expected.put("f33", n(-33));
        assertThat(fields.remove("f0")).isEqualTo(n(0));
        expected.remove("f0");
        assertThat(fields.get("f1")).isEqualTo(n(1));
        assertThat(fields.get("f4999")).isEqualTo(n(4999));
        fields.put("g", n(7));
        expected.put("g", n(7));
        assertThat(fields.get("g")).isEqualTo(n(7));
        assertThat(fields).containsExactlyEntriesOf(expected);

        // back under the threshold, found again without the index
        for (int i = 1; i < 4990; i++) {
            assertThat(fields.remove("f" + i)).isEqualTo(i == 33 ? n(-33) : n(i));
        }
        assertThat(fields.keySet()).containsExactly("f4990", "f4991", "f4992", "f4993", "f4994", "f4995", "f4996",
                "f4997", "f4998", "f4999", "g");
        assertThat(fields.get("f4995")).isEqualTo(n(4995));
        assertThat(fields.get("f1")).isNull();
    }

    @Test
    void the_reader_finds_a_duplicate_key_in_a_record_of_forty_thousand_fields() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 40_000; i++) {
            json.append("\"k").append(i).append("\": ").append(i).append(", ");
        }
        json.append("\"k7\": -1}");
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = TestBundles.MAPPER.createParser(json.toString())) {
            parser.nextToken();
            JsonNode record = new JsonTreeReader(parser).read(problems);
            assertThat(record.size()).isEqualTo(40_000);
            assertThat(record.get("k7")).isEqualTo(n(7));
            assertThat(record.get("k39999")).isEqualTo(n(39_999));
        }
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/k7");
            assertThat(problem.message()).startsWith("duplicate key");
        });
    }

    @Test
    void the_names_iterator_ends_where_the_fields_end() {
        RecordFields fields = new RecordFields();
        fields.put("a", n(1));
        Iterator<String> names = fields.keySet().iterator();
        assertThat(names.next()).isEqualTo("a");
        assertThat(names.hasNext()).isFalse();
        assertThatThrownBy(names::next).isInstanceOf(NoSuchElementException.class);
        assertThat(fields.keySet()).hasSize(1);
    }

    @Test
    void an_entry_writes_its_new_value_through_and_compares_as_a_map_entry() {
        RecordFields fields = new RecordFields();
        fields.put("a", n(1));
        fields.put("b", n(2));
        Map.Entry<String, JsonNode> entry = fields.entrySet().iterator().next();
        assertThat(entry.setValue(n(9))).isEqualTo(n(1));
        assertThat(fields.get("a")).isEqualTo(n(9));
        assertThat(entry).isEqualTo(Map.entry("a", n(9))).hasSameHashCodeAs(Map.entry("a", n(9)));
        assertThat(entry).isNotEqualTo(Map.entry("a", n(1))).isNotEqualTo(Map.entry("b", n(9))).isNotEqualTo("a=9");
        assertThat(entry.toString()).isEqualTo("a=9");
    }
}
