package org.grassroots.assessment.server;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the embedded H2 database at {@code assessment.data-dir}, made absolute (H2 refuses paths
 * that are implicitly relative), unless {@code spring.datasource.url} is set explicitly.
 *
 * <p>H2 keeps only the 8 most recent statements of a connection parsed and planned; the server uses
 * a few hundred distinct ones, so a short request (a visit, one organization's result) parsed and
 * planned each of its dozen queries again: the connections keep 256. (A larger page cache than H2's
 * 16 MB was tried for the 10,000-organization import and cost more CPU than it saved: BENCHMARKS.md.)
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("spring.datasource.url") != null) {
            return;
        }
        Path dir = Path.of(environment.getProperty("assessment.data-dir", "data")).toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dir.resolve("assessment") + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";
        environment.getPropertySources().addLast(new MapPropertySource("assessment-data-dir",
                Map.of("spring.datasource.url", url)));
    }
}
