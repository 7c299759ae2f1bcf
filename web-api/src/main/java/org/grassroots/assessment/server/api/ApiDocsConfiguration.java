package org.grassroots.assessment.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): title,
 * description and version of the API, its tags, HTTP Basic, and examples of the main request
 * bodies. Everything is added by customizers matching operations by path, so the controllers stay
 * free of documentation code.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "classpath:api-docs/application-build.properties", ignoreResourceNotFound = true)
public class ApiDocsConfiguration {

    public static final String TITLE = "基层党组织考评与明察暗访系统 API";
    public static final String BASIC_AUTH = "basicAuth";

    static final String DESCRIPTION = """
            区委组织部（考核办）、督查组和基层党组织三类用户共用的接口：考核办导入数据、运行并发布考评、导出定级排名和整改台账；\
            督查组录入明察暗访记录并核验整改；基层党组织查看本组织的得分依据并提交整改。\
            每个得分都有依据（规则编号、分值、中文说明），每个结果都记录产生它的规则集版本和校验和。

            The API of the grassroots Party organization assessment system, for three user groups: the \
            **evaluation office** (区委组织部/考核办: imports data, runs and publishes evaluations, exports \
            grades and the rectification list), the **inspection teams** (督查组: record open and covert \
            visits, verify rectifications) and the **grassroots organizations** (基层党组织: read their results \
            and explanations, submit rectifications).

            Contract (docs/formats.md section 3): JSON over HTTP under `/api`; errors are RFC 9457 problem \
            details (`application/problem+json`) listing every validation problem under `errors` with its \
            JSON Pointer; users authenticate with HTTP Basic. `POST /api/import` takes a bundle (section 1) \
            and answers 200 with counts per record kind, 400 with all errors, 409 on a visit conflict; \
            `POST /api/visits` answers 201, 200 for an identical visit, 409 on a conflict; \
            `POST /api/evaluations` answers 201 with `{"id": …}` and the `Location`; \
            `GET /api/evaluations/{id}` returns the result (section 2); \
            `POST /api/evaluations/{id}/publish` freezes it as the period's official grades; \
            `GET /api/evaluations/{id}/export?format=csv|xlsx` downloads grades and ranks with Chinese headers; \
            `GET /api/rectifications` lists the rectification list, and `submit`, `verify`, `reject` move an item \
            through its lifecycle.""";

    @Bean
    OpenApiCustomizer apiInfoCustomizer(@Value("${assessment.build.version:}") String buildVersion) {
        String version = version(buildVersion);
        return openApi -> {
            openApi.info(new Info().title(TITLE).description(DESCRIPTION).version(version));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("HTTP Basic（网页另用会话） HTTP Basic; the web pages use a session"));
            openApi.components(components);
            if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
            }
            retag(openApi);
        };
    }

    @Bean
    OpenApiCustomizer apiExamplesCustomizer() {
        return new ApiExamples();
    }

    /**
     * Puts every operation under {@code /api} that has only springdoc's default tag (the controller's
     * name) under its group's tag, and lists the tags in a fixed order.
     */
    static void retag(OpenAPI openApi) {
        Set<String> used = new HashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                for (Operation op : item.readOperations()) {
                    ApiTags.of(path).ifPresent(tag -> {
                        if (op.getTags() == null || op.getTags().stream().allMatch(t -> t.endsWith("-controller"))) {
                            op.setTags(new ArrayList<>(List.of(tag.tagName())));
                        }
                    });
                    if (op.getTags() != null) {
                        used.addAll(op.getTags());
                    }
                }
            });
        }
        Map<String, Tag> tags = new LinkedHashMap<>();
        Arrays.stream(ApiTags.values()).filter(t -> used.contains(t.tagName())).forEach(t -> tags.put(t.tagName(), t.tag()));
        if (openApi.getTags() != null) {
            openApi.getTags().stream().filter(t -> used.contains(t.getName())).forEach(t -> tags.putIfAbsent(t.getName(), t));
        }
        openApi.setTags(tags.isEmpty() ? null : new ArrayList<>(tags.values()));
    }

    /** The build's version (filtered into the properties), else the jar manifest's, else "dev". */
    static String version(String fromBuild) {
        if (fromBuild != null && !fromBuild.isBlank() && !fromBuild.startsWith("@")) {
            return fromBuild;
        }
        String manifest = ApiDocsConfiguration.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "dev";
    }
}
