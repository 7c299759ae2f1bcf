package org.grassroots.assessment.server.notification;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in user's unread notifications, for the count in every page's navigation (layout.html). */
@ControllerAdvice(basePackages = {"org.grassroots.assessment.server.pages", "org.grassroots.assessment.server.notification"})
class UnreadCount {

    private final NotificationRepository notifications;

    UnreadCount(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Integer unread(Principal principal) {
        return principal == null ? null : notifications.unreadCount(principal.getName());
    }
}
