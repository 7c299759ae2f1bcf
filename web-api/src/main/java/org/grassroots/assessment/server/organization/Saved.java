package org.grassroots.assessment.server.organization;

/** What a create-or-replace stored, and whether it was new. */
public record Saved<T>(T value, boolean created) {
}
