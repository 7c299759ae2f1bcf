package org.grassroots.assessment.server.notification;

/** Why a notification was sent. */
public enum NotificationKind {
    /** An open or submitted rectification item whose deadline is near. */
    RECTIFICATION_DUE,
    /** An open rectification item past its deadline. */
    RECTIFICATION_OVERDUE,
    /** A submitted rectification waiting too long for the inspectors' verification. */
    VERIFICATION_WAITING,
    /** A planned visit of a confirmed plan whose day is near (for the leads only: it names the day). */
    PLANNED_VISIT_DUE,
    /** A planned visit whose day has passed without a recorded visit, while the plan runs (leads only). */
    PLANNED_VISIT_OVERDUE,
    /** A planned visit the plan's range ended without (leads only). */
    PLANNED_VISIT_MISSED
}
