package org.grassroots.assessment.server.evaluation;

import org.grassroots.assessment.evaluation.ResultJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of stored results: the engine's result format (docs/formats.md section 2) without
 * indentation; reading ignores fields it does not know, so results stored by an older server still load.
 */
final class EvaluationJson {

    static final JsonMapper MAPPER = ResultJson.mapper().rebuild()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EvaluationJson() {
    }
}
