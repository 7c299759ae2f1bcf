package org.grassroots.assessment.server.notification;

import java.time.LocalDate;

/**
 * What one run of the reminder job created for a day: notifications per kind, and how many of those
 * it found already sent that day (so created nothing for them).
 */
public record ReminderRun(LocalDate asOf, int due, int overdue, int verificationWaiting, int alreadySent) {

    public int created() {
        return due + overdue + verificationWaiting;
    }
}
