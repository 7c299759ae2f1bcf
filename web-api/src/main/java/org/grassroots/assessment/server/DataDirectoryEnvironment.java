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
 *
 * <p>{@code WRITE_DELAY=0}: H2 writes a transaction's changes to its file when it commits, on the
 * committing thread. By default (500 ms) a background thread writes them up to half a second later:
 * a server killed in that time lost what it had acknowledged (a visit answered 201 was gone after the
 * restart), and that thread also wrote a large transaction's uncommitted rows while the transaction
 * was still writing, so that after a kill an insert could be on disk without its undo entry (H2 calls
 * it a leftover) and one row of a rolled-back evaluation was counted. Without it, H2 writes only at a
 * commit, or on a writer's own thread before its next change once its unsaved pages fill the buffer.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    /** The H2 database's name: its file is {@code <data-dir>/assessment.mv.db}. */
    public static final String DATABASE = "assessment";

    /** {@code assessment.data-dir}, absolute. */
    public static Path dataDirectory(ConfigurableEnvironment environment) {
        return Path.of(environment.getProperty("assessment.data-dir", "data")).toAbsolutePath().normalize();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("spring.datasource.url") != null) {
            return;
        }
        // H2 keeps 8 parsed statements per connection by default; the API's queries are more than that
        String url = "jdbc:h2:file:" + dataDirectory(environment).resolve(DATABASE)
                + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256;WRITE_DELAY=0";
        environment.getPropertySources().addLast(new MapPropertySource("assessment-data-dir",
                Map.of("spring.datasource.url", url)));
    }
}
