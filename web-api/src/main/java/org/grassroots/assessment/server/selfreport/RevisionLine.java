package org.grassroots.assessment.server.selfreport;

import java.time.Instant;

/** One revision of a fact as the pages list it: values as people read them. */
public record RevisionLine(String fact, int revision, RevisionAction action, String oldValue, String newValue,
                           String reason, String actor, Instant at) {
}
