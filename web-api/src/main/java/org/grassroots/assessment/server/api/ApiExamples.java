package org.grassroots.assessment.server.api;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documented examples of the main request bodies, attached to the operations by method and path:
 * the import bundle (a minimal valid one), a visit, and an evaluation request. The examples live as
 * JSON under {@code classpath:api-docs/} (a test checks that they pass validation). An operation
 * without a JSON body in the docs (a controller reading the raw stream) gets one; an operation that
 * already documents an example keeps its own; an operation that does not exist is skipped.
 */
public final class ApiExamples implements OpenApiCustomizer {

    /** One example: where it goes, its name and summary in the docs, and its JSON resource. */
    public record BodyExample(PathItem.HttpMethod method, String path, String name, String summary, String resource) {

        /** The example's value as plain maps and lists, ready for any JSON serializer. */
        public Object value() {
            try (InputStream in = ApiExamples.class.getResourceAsStream("/api-docs/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing example resource api-docs/" + resource);
                }
                return Json.mapper().readValue(in, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final List<BodyExample> EXAMPLES = List.of(
            new BodyExample(PathItem.HttpMethod.POST, "/api/import", "minimal-bundle",
                    "最小的有效数据包：一个村党支部、2026年度数据、一名党员、一次暗访 A minimal valid bundle", "import-bundle.json"),
            new BodyExample(PathItem.HttpMethod.POST, "/api/visits", "covert-visit",
                    "一次暗访及两个检查问题 A covert visit with two findings", "visit.json"),
            new BodyExample(PathItem.HttpMethod.POST, "/api/evaluations", "year-2026",
                    "2026年度考评，截至2026-12-31（asOf 可省略） Evaluate 2026 as of 2026-12-31 (asOf optional)",
                    "evaluation-request.json"));

    private static final String JSON = "application/json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (BodyExample example : EXAMPLES) {
            PathItem item = openApi.getPaths().get(example.path());
            Operation op = item == null ? null : item.readOperationsMap().get(example.method());
            if (op != null) {
                attach(op, example);
            }
        }
    }

    static void attach(Operation op, BodyExample example) {
        RequestBody body = op.getRequestBody();
        if (body == null) {
            body = new RequestBody().required(true);
            op.setRequestBody(body);
        }
        if (body.getContent() == null) {
            body.setContent(new Content());
        }
        MediaType media = jsonMedia(body.getContent());
        if (media == null) {
            // every main request takes a JSON body (docs/formats.md section 3), also where a controller
            // reads the raw stream or offers a multipart upload beside it
            media = new MediaType().schema(new ObjectSchema());
            body.getContent().addMediaType(JSON, media);
        }
        boolean documented = media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
        if (!documented) {
            media.addExamples(example.name(), new Example().summary(example.summary()).value(example.value()));
        }
    }

    private static MediaType jsonMedia(Content content) {
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
            String type = e.getKey().toLowerCase();
            if (type.contains("json") || type.equals("*/*")) {
                return e.getValue();
            }
        }
        return null;
    }
}
