package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.grassroots.assessment.server.DatabaseUnderTest;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role (and anonymous) against {@code security/authorization-matrix.tsv}, on
 * the demo district with its demo users. The table must name every mapped endpoint, so a new
 * endpoint without a row fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends DemoDistrictServer {

    /** The callers of the table's columns, in order: anonymous, then one demo user per role. */
    static final List<String> CALLERS = List.of("anonymous", "ADMIN", "RULE_MAINTAINER", "EVALUATOR", "INSPECTOR",
            "ORG_REP");
    static final Map<String, String> USER_OF_ROLE = Map.of("ADMIN", TestUsers.ADMIN, "RULE_MAINTAINER", "maintainer",
            "EVALUATOR", "evaluator", "INSPECTOR", "inspector", "ORG_REP", VILLAGE_REP);

    record Row(int line, String method, String pattern, String request, String body, List<Integer> expected) {
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, String> substitutions = new LinkedHashMap<>();

    @BeforeAll
    void findTheDemoDistrictsIds() {
        Api admin = new Api(port);
        substitutions.put("{own}", VILLAGE);
        substitutions.put("{other}", "Z02-V02");
        substitutions.put("{evaluation}", admin.get("/api/evaluations?period=2026").json().get(0).get("id").asString());
        substitutions.put("{ownItem}", firstItem(admin, VILLAGE));
        substitutions.put("{otherItem}", firstItem(admin, "XQ-Z02"));
        substitutions.put("{visit}", admin.get("/api/visits?orgCode=" + VILLAGE).json().get(0).get("visitId").asString());
    }

    private static String firstItem(Api admin, String orgCode) {
        JsonNode items = admin.get("/api/rectifications?orgCode=" + orgCode).json().get("items");
        assertThat(items.size()).as("the demo district has rectification items under " + orgCode).isPositive();
        return items.get(0).get("id").asString();
    }

    @Test
    void every_mapped_endpoint_has_a_row_and_every_row_an_endpoint() throws IOException {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.grassroots")) {
                continue; // springdoc's and Spring's own (/error) are covered by their URL rules
            }
            for (var method : e.getKey().getMethodsCondition().getMethods()) {
                for (String pattern : e.getKey().getPatternValues()) {
                    mapped.add(method.name() + " " + pattern);
                }
            }
        }
        Set<String> inTable = new TreeSet<>();
        rows().stream().filter(r -> !r.pattern().startsWith("/actuator/") && !r.pattern().startsWith("/v3/")).forEach(r -> inTable.add(r.method() + " " + r.pattern()));
        assertThat(inTable).as("endpoints of the application that the authorization table does not list")
                .containsAll(mapped);
        assertThat(mapped).as("rows of the authorization table that name no endpoint").containsAll(inTable);
    }

    @Test
    void every_caller_gets_the_status_of_its_column() throws IOException {
        Map<String, Api> clients = new LinkedHashMap<>();
        Api admin = new Api(port);
        clients.put("anonymous", admin.anonymous());
        USER_OF_ROLE.forEach((role, user) -> clients.put(role,
                admin.as(user, user.equals(TestUsers.ADMIN) ? TestUsers.ADMIN_PASSWORD : DEMO_PASSWORD)));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            String path = resolve(row.request());
            for (int i = 0; i < CALLERS.size(); i++) {
                Api.Reply reply = send(clients.get(CALLERS.get(i)), row.method(), path, row.body());
                checked++;
                int expected = expected(row, i);
                if (reply.status() != expected) {
                    wrong.add("line " + row.line() + ": " + row.method() + " " + path + " as " + CALLERS.get(i)
                            + " expected " + expected + " got " + reply.status() + " "
                            + reply.body().substring(0, Math.min(200, reply.body().length())));
                }
            }
        }
        assertThat(wrong).as("calls answered otherwise than the table says").isEmpty();
        assertThat(checked).isGreaterThan(300);
    }

    /**
     * The table's status, except on PostgreSQL for the one endpoint that works on H2 only: the online
     * backup ({@code BACKUP TO}) answers 409 there (back up with pg_dump) to a caller it lets through.
     */
    private static int expected(Row row, int caller) {
        int expected = row.expected().get(caller);
        boolean h2Only = row.method().equals("POST") && row.pattern().equals("/api/admin/backup");
        return h2Only && expected == 201 && DatabaseUnderTest.postgresql() ? 409 : expected;
    }

    private String resolve(String request) {
        String path = request;
        for (Map.Entry<String, String> p : substitutions.entrySet()) {
            path = path.replace(p.getKey(), p.getValue());
        }
        return path;
    }

    private static Api.Reply send(Api api, String method, String path, String body) {
        String json = "-".equals(body) ? "" : body;
        return switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path, json);
            case "PUT" -> api.put(path, json);
            default -> throw new IllegalArgumentException(method);
        };
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/security/authorization-matrix.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("line " + (n + 1) + " has method, pattern, request, body and "
                        + CALLERS.size() + " statuses").hasSize(4 + CALLERS.size());
                List<Integer> expected = new ArrayList<>();
                for (int i = 4; i < cells.length; i++) {
                    expected.add(Integer.parseInt(cells[i]));
                }
                rows.add(new Row(n + 1, cells[0], cells[1], cells[2], cells[3], expected));
            }
        }
        return rows;
    }
}
