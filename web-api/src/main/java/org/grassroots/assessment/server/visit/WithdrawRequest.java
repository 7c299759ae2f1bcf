package org.grassroots.assessment.server.visit;

/** The body of a withdrawal: why the finding does not stand (1–2000 characters). */
public record WithdrawRequest(String reason) {
}
