package org.grassroots.assessment.server.visit;

import java.time.OffsetDateTime;

/** Why and by whom a finding was withdrawn; the finding stays stored. */
public record Withdrawal(OffsetDateTime at, String by, String reason) {
}
