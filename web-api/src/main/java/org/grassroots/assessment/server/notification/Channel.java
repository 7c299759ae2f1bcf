package org.grassroots.assessment.server.notification;

/** A way a notification leaves the system besides the in-app notification centre. */
public enum Channel {
    EMAIL, WEBHOOK
}
