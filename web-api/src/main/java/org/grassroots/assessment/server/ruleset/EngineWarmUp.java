package org.grassroots.assessment.server.ruleset;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Warms the rule engine up after the start, so the first evaluation a user runs does not pay for it. */
@Component
class EngineWarmUp {

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        ShippedRuleSet.warmUpUnlessWarm();
    }
}
