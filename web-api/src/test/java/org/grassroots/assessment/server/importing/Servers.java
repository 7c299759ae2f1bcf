package org.grassroots.assessment.server.importing;

import org.grassroots.assessment.server.AssessmentServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole server like {@code java -jar} does, on a data directory and a free port. */
public final class Servers {

    private Servers() {
    }

    public static ConfigurableApplicationContext start(String dataDir, boolean demo) {
        // Command-line arguments, as with java -jar: they override application.properties.
        return new SpringApplicationBuilder(AssessmentServerApplication.class)
                .run("--server.port=0", "--assessment.data-dir=" + dataDir, "--assessment.demo=" + demo);
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
