package org.grassroots.assessment.server.importing;

import java.util.stream.Stream;
import org.grassroots.assessment.server.AssessmentServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole server like {@code java -jar} does, on a data directory and a free port. */
public final class Servers {

    private Servers() {
    }

    public static ConfigurableApplicationContext start(String dataDir, boolean demo, String... moreArguments) {
        // Command-line arguments, as with java -jar: they override application.properties.
        String[] arguments = Stream.concat(
                Stream.of("--server.port=0", "--assessment.data-dir=" + dataDir, "--assessment.demo=" + demo),
                Stream.of(moreArguments)).toArray(String[]::new);
        return new SpringApplicationBuilder(AssessmentServerApplication.class).run(arguments);
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context));
    }
}
