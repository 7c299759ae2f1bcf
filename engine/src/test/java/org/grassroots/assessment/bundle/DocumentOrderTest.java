package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentOrderTest {

    private static List<String> sorted(String json, String... paths) {
        JsonNode root = TestBundles.MAPPER.readTree(json);
        List<Problem> problems = new ArrayList<>();
        for (String path : paths) {
            problems.add(new Problem(path, "p"));
        }
        DocumentOrder.sort(problems, root, "/r/0");
        return problems.stream().map(Problem::path).toList();
    }

    @Test
    void problems_follow_the_members_order_in_the_document_not_the_checks_order() {
        assertThat(sorted("{\"b\": 1, \"a\": 2}", "/r/0/a", "/r/0/b")).containsExactly("/r/0/b", "/r/0/a");
    }

    @Test
    void inside_the_first_element_of_an_array_too() {
        assertThat(sorted("{\"list\": [{\"a\": 1, \"z\": 2}, {\"a\": 3}]}",
                "/r/0/list/1/a", "/r/0/list/0/z", "/r/0/list/0/a"))
                .containsExactly("/r/0/list/0/a", "/r/0/list/0/z", "/r/0/list/1/a");
    }

    @Test
    void a_field_comes_before_what_is_inside_it_and_missing_fields_come_last_in_the_order_found() {
        assertThat(sorted("{\"list\": [1, 2], \"a\": 1}", "/r/0/missing2", "/r/0/list/1", "/r/0/missing1",
                "/r/0/list", "/r/0/a"))
                .containsExactly("/r/0/list", "/r/0/list/1", "/r/0/a", "/r/0/missing2", "/r/0/missing1");
    }

    @Test
    void a_path_outside_the_record_sorts_first_and_the_record_itself_before_its_fields() {
        assertThat(sorted("{\"a\": 1}", "/r/0/a", "/r/0", "/other"))
                .containsExactly("/r/0", "/other", "/r/0/a");
    }
}
