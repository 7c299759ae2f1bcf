package org.grassroots.assessment.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.grassroots.assessment.server.SharedServer;
import org.grassroots.assessment.server.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocsTest extends SharedServer {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", TestUsers.admin()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void api_docs_are_json_with_title_version_tags_and_examples() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        JsonNode docs = JsonMapper.builder().build().readTree(response.body());
        assertThat(docs.path("info").path("title").asString()).isEqualTo("基层党组织考评与明察暗访系统 API");
        assertThat(docs.path("info").path("description").asString()).contains("考核办").contains("督查组").contains("基层党组织")
                .contains("evaluation office").contains("problem details");
        assertThat(docs.path("info").path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(docs.path("components").path("securitySchemes").path("basicAuth").path("scheme").asString()).isEqualTo("basic");

        JsonNode paths = docs.path("paths");
        JsonNode evaluate = paths.path("/api/evaluations").path("post");
        assertThat(evaluate.path("tags").path(0).asString()).isEqualTo("考评 Evaluations");
        assertThat(example(evaluate, "year-2026").path("period").asString()).isEqualTo("2026");
        assertThat(example(evaluate, "year-2026").path("asOf").asString()).isEqualTo("2026-12-31");

        JsonNode imports = paths.path("/api/import").path("post");
        assertThat(imports.path("tags").path(0).asString()).isEqualTo("数据导入 Import");
        assertThat(example(imports, "minimal-bundle").path("organizations").path(0).path("code").asString()).isEqualTo("V-DEMO");

        JsonNode visit = paths.path("/api/visits").path("post");
        assertThat(visit.path("tags").path(0).asString()).isEqualTo("明察暗访 Visits");
        assertThat(example(visit, "covert-visit").path("mode").asString()).isEqualTo("COVERT");

        JsonNode export = paths.path("/api/evaluations/{id}/export").path("get");
        assertThat(export.path("tags").path(0).asString()).isEqualTo("考评 Evaluations");
        assertThat(export.path("responses").path("200").path("content").has("text/csv")).isTrue();
        assertThat(docs.path("tags").path(0).path("name").asString()).isEqualTo("数据导入 Import");
    }

    private static JsonNode example(JsonNode operation, String name) {
        return operation.path("requestBody").path("content").path("application/json").path("examples").path(name).path("value");
    }

    @Test
    void api_docs_and_swagger_ui_need_a_signed_in_user() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(401);
        assertThat(docs.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(docs.body()).doesNotContain("openapi");
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/swagger-ui/index.html")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.uri().getPath()).isEqualTo("/login");
        assertThat(ui.body()).doesNotContainIgnoringCase("swagger");
    }

    @Test
    void swagger_ui_answers() throws Exception {
        HttpResponse<String> index = get("/swagger-ui/index.html");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).containsIgnoringCase("swagger");
        HttpResponse<String> redirected = get("/swagger-ui.html");
        assertThat(redirected.statusCode()).isEqualTo(200);
        assertThat(redirected.uri().getPath()).isEqualTo("/swagger-ui/index.html");
    }
}
