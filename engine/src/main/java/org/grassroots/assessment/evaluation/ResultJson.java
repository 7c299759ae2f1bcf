package org.grassroots.assessment.evaluation;

import java.io.OutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads evaluation results as the JSON of docs/formats.md section 2. */
public final class ResultJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ResultJson() {
    }

    public static void write(EvaluationResult result, OutputStream out) {
        MAPPER.writeValue(out, result);
    }

    public static String toJson(EvaluationResult result) {
        return MAPPER.writeValueAsString(result);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
