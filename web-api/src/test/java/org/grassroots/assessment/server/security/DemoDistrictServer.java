package org.grassroots.assessment.server.security;

import org.grassroots.assessment.server.SharedContext;
import org.grassroots.assessment.server.importing.Api;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One server on the demo district with its demo users, shared by the test classes that extend this
 * (Spring caches the context, so the district is loaded once per test run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + DemoDistrictServer.DATA_DIR_BASE + "${assessment.test.fork:}", "assessment.demo=true"})
@SharedContext
abstract class DemoDistrictServer {

    static final String DATA_DIR_BASE = "target/test-data/demo-district-security";
    /**
     * Deleted once, when the first class of the group loads; one per test JVM (the build may run two,
     * each with its own server: a shared directory would be deleted under the other JVM's server).
     */
    static final String DATA_DIR = DATA_DIR_BASE + System.getProperty("assessment.test.fork", "");
    static final String DEMO_PASSWORD = "demo2026";
    /** 东岗村党支部's representative, and the representative of its town 柳河镇. */
    static final String VILLAGE_REP = "donggang";
    static final String VILLAGE = "Z01-V04";
    static final String TOWN_REP = "liuhe";
    static final String TOWN = "XQ-Z01";

    static {
        Api.deleteDirectory(DATA_DIR);
    }
}
