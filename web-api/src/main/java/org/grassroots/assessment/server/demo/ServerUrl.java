package org.grassroots.assessment.server.demo;

import org.springframework.core.env.Environment;

/** The address users open, from the port the server listens on. */
final class ServerUrl {

    private ServerUrl() {
    }

    static String of(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return of(Integer.parseInt(port));
    }

    static String of(int port) {
        return "http://localhost:" + port + "/";
    }
}
