package org.grassroots.assessment.server.web;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the API's request bodies, with tight parser limits: no request of this API
 * nests more than a few levels or carries a string near a megabyte (rule files are the longest), so
 * deeper or longer input is refused before it costs stack or memory. Bundles and visits are read by
 * the engine's own streaming reader, which has limits of its own. Jackson 3 takes the limits only on
 * the stream factory, so this replaces Boot's mapper and applies Boot's customizers to it.
 */
@Configuration
class JsonLimits {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 2_000_000;

    @Bean
    JsonMapper jsonMapper(List<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(c -> c.customize(builder));
        return builder.build();
    }
}
