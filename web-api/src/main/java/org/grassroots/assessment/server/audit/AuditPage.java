package org.grassroots.assessment.server.audit;

import java.util.List;

/** A page of audit entries, newest first; {@code total} counts every entry that matches the filter. */
public record AuditPage(int page, int size, long total, List<AuditEntry> entries) {
}
