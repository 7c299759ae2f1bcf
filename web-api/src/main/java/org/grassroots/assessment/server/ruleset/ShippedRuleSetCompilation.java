package org.grassroots.assessment.server.ruleset;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts compiling the shipped rules as the application starts, beside Spring's own start;
 * {@link ActiveRuleSet} waits for them. Registered in {@code META-INF/spring.factories} (Spring Boot
 * publishes the starting event before any bean exists), so the application class does not depend
 * on the rule-set feature.
 */
public class ShippedRuleSetCompilation implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        ShippedRuleSet.startCompiling();
    }
}
