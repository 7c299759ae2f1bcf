package org.grassroots.assessment.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The assessment server: the engine behind the API and pages for the three user groups. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentServerApplication {

    public static void main(String[] args) {
        // the shipped rules compile beside Spring's start (ruleset.ShippedRuleSetCompilation)
        SpringApplication.run(AssessmentServerApplication.class, args);
    }
}
