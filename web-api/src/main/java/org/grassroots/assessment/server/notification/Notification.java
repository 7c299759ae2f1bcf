package org.grassroots.assessment.server.notification;

import java.time.Instant;
import java.time.LocalDate;

/** A notification as its recipient reads it; {@code readAt} null while unread. */
public record Notification(long id, String recipient, String kind, String target, LocalDate day, String title,
        String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
