package org.grassroots.assessment.server;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's own settings ({@code assessment.*}).
 *
 * @param dataDir     where the embedded database and uploads live
 * @param demo        load the demo district on first start (when the database has no organization)
 * @param evaluationThreads threads an evaluation uses (default: the processors)
 * @param zone        the time zone that decides "today" (visits may not be dated after it)
 */
@ConfigurationProperties(prefix = "assessment")
public record AssessmentProperties(Path dataDir, boolean demo, Integer evaluationThreads, String zone) {

    public AssessmentProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone;
    }

    public int threads() {
        return evaluationThreads == null || evaluationThreads < 1
                ? Runtime.getRuntime().availableProcessors() : evaluationThreads;
    }
}
