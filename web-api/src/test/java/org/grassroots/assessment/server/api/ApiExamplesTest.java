package org.grassroots.assessment.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.junit.jupiter.api.Test;

class ApiExamplesTest {

    private static ApiExamples.BodyExample example(String path) {
        return ApiExamples.EXAMPLES.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }

    private static byte[] json(Object value) throws Exception {
        return Json.mapper().writeValueAsBytes(value);
    }

    @Test
    void the_import_example_is_a_valid_bundle() throws Exception {
        Bundle bundle = new BundleReader().read(new ByteArrayInputStream(json(example("/api/import").value())));
        assertThat(bundle.organizations()).hasSize(1);
        assertThat(bundle.periodFacts()).hasSize(1);
        assertThat(bundle.members()).hasSize(1);
        assertThat(bundle.visits()).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_visit_example_is_a_valid_visit_of_the_example_organization() throws Exception {
        Map<String, Object> bundle = (Map<String, Object>) example("/api/import").value();
        Object visit = example("/api/visits").value();
        Map<String, Object> withVisit = Map.of("organizations", bundle.get("organizations"), "visits", List.of(visit));
        Bundle read = new BundleReader().read(new ByteArrayInputStream(json(withVisit)));
        assertThat(read.visits()).singleElement().satisfies(v -> assertThat(v.findings()).hasSize(2));
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_evaluation_example_names_a_period_and_an_as_of_date() {
        Map<String, Object> request = (Map<String, Object>) example("/api/evaluations").value();
        assertThat(request).containsOnlyKeys("period", "asOf").containsEntry("period", "2026").containsEntry("asOf", "2026-12-31");
        assertThat(Period.isValid((String) request.get("period"))).isTrue();
    }

    @Test
    void attaches_examples_by_method_and_path_and_keeps_what_is_documented() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/import", new PathItem().post(new Operation()))
                .addPathItem("/api/visits", new PathItem().post(new Operation().requestBody(new RequestBody()
                        .content(new Content().addMediaType("application/json", new MediaType().example("kept"))))))
                .addPathItem("/api/evaluations", new PathItem().get(new Operation())
                        .post(new Operation().requestBody(new RequestBody().content(new Content()
                                .addMediaType("multipart/form-data", new MediaType().schema(new StringSchema())))))));
        new ApiExamples().customise(api);

        MediaType imported = api.getPaths().get("/api/import").getPost().getRequestBody().getContent().get("application/json");
        assertThat(imported.getExamples()).containsKey("minimal-bundle");
        assertThat(imported.getExamples().get("minimal-bundle").getValue()).isInstanceOf(Map.class);
        assertThat(api.getPaths().get("/api/visits").getPost().getRequestBody().getContent().get("application/json").getExample())
                .isEqualTo("kept");
        // a multipart upload beside it keeps its form; the JSON body is documented too
        assertThat(api.getPaths().get("/api/evaluations").getPost().getRequestBody().getContent())
                .containsOnlyKeys("multipart/form-data", "application/json");
        assertThat(api.getPaths().get("/api/evaluations").getGet().getRequestBody()).isNull();
    }

    @Test
    void retags_default_controller_tags_by_path_and_lists_only_used_tags() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/evaluations/{id}/export", new PathItem().get(new Operation().addTagsItem("evaluation-controller")))
                .addPathItem("/api/visits", new PathItem().post(new Operation().addTagsItem("我的标签")))
                .addPathItem("/actuator/health", new PathItem().get(new Operation().addTagsItem("health-controller"))));
        ApiDocsConfiguration.retag(api);
        assertThat(api.getPaths().get("/api/evaluations/{id}/export").getGet().getTags()).containsExactly("考评 Evaluations");
        assertThat(api.getPaths().get("/api/visits").getPost().getTags()).containsExactly("我的标签");
        assertThat(api.getTags()).extracting(t -> t.getName()).containsExactly("考评 Evaluations");
        assertThat(ApiTags.of("/api/rectifications/{id}/verify")).contains(ApiTags.RECTIFICATIONS);
        assertThat(ApiTags.of("/api/import")).contains(ApiTags.IMPORT);
        assertThat(ApiTags.of("/swagger-ui.html")).isEmpty();
    }

    @Test
    void version_comes_from_the_build() {
        assertThat(ApiDocsConfiguration.version("0.1.0-SNAPSHOT")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(ApiDocsConfiguration.version("@project.version@")).isEqualTo("dev");
        assertThat(ApiDocsConfiguration.version("")).isEqualTo("dev");
    }
}
