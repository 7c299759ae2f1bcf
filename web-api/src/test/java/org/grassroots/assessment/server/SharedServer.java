package org.grassroots.assessment.server;

import org.grassroots.assessment.server.importing.Api;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One server without the demo district, shared by the test classes that extend this and add nothing
 * to its configuration (Spring caches the context, so it starts once per test run instead of once per
 * class). Only for classes whose checks hold whatever the others stored: they read what every server
 * answers (health, API docs, the import template, request filters) or only the records they add
 * themselves (the code order), and never count rows, lists, meters or the audit trail. A class that
 * needs an empty database, exact data or its own settings keeps its own server, closed when the class
 * ends ({@link ClosesOwnServers}), so that this one stays in Spring's context cache for the next class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + SharedServer.DATA_DIR_BASE + "${assessment.test.fork:}", "assessment.demo=false"})
@SharedContext
public abstract class SharedServer {

    static final String DATA_DIR_BASE = "target/test-data/shared-server";

    /**
     * Deleted once, when the first class of the group loads, before its server starts; one per test
     * JVM (the build may run two, each with its own server, see the parent pom's surefire settings).
     */
    public static final String DATA_DIR = DATA_DIR_BASE + System.getProperty("assessment.test.fork", "");

    static {
        Api.deleteDirectory(DATA_DIR);
    }
}
