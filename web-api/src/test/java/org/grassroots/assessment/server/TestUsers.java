package org.grassroots.assessment.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Credentials of the tests: the first administrator (test resources' config/application.properties). */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestUsers() {
    }

    /** The Authorization header value of HTTP Basic for the user. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String admin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }
}
