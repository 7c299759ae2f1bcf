package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.SharedServer;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Codes list in code-point order (Java's {@code String} order, the rankings' tie-break) on every
 * database: on PostgreSQL with a linguistic default collation (the CI cluster uses ICU "zh", as a
 * department's server set up for Chinese) "V-a1" would otherwise come before "V-A1" and "V-B2".
 */
class CodeOrderTest extends SharedServer {

    private static final List<String> CODES = List.of("V-a1", "V-B2", "V-A-1", "V-A1", "V-Ab", "V-aB");

    @LocalServerPort
    int port;

    @Test
    void organizations_list_in_code_point_order() {
        Api api = new Api(port);
        assertThat(api.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
        for (String code : CODES) {
            String body = "{\"name\": \"" + code + "村党支部\", \"type\": \"VILLAGE\", \"level\": \"BRANCH\","
                    + " \"parentCode\": \"XQ-T01\"}";
            assertThat(api.put("/api/organizations/" + code, body).status()).isIn(200, 201);
        }
        List<String> expected = new ArrayList<>(CODES);
        expected.sort(null);

        List<String> flat = codes(api.get("/api/organizations?flat=true").json());
        assertThat(flat).isSorted();
        assertThat(flat.stream().filter(CODES::contains).toList()).containsExactlyElementsOf(expected);
        assertThat(codes(api.get("/api/organizations?q=v-").json()).stream().filter(CODES::contains).toList())
                .containsExactlyElementsOf(expected);
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(node -> codes.add(node.get("code").asString()));
        return codes;
    }
}
