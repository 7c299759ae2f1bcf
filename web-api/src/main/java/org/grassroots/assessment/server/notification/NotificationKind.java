package org.grassroots.assessment.server.notification;

/** Why a notification was sent. */
public enum NotificationKind {
    /** An open or submitted rectification item whose deadline is near. */
    RECTIFICATION_DUE,
    /** An open rectification item past its deadline. */
    RECTIFICATION_OVERDUE,
    /** A submitted rectification waiting too long for the inspectors' verification. */
    VERIFICATION_WAITING
}
