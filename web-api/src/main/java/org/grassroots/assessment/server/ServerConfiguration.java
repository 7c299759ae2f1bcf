package org.grassroots.assessment.server;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the features. */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

    /** "Today" in the district's time zone: visits may not be dated after it, as-of dates default to it. */
    @Bean
    Clock clock(AssessmentProperties properties) {
        return Clock.system(ZoneId.of(properties.zone()));
    }
}
