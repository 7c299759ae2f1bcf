package org.grassroots.assessment.server.notification;

import java.security.Principal;
import java.time.Clock;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The notification centre page: the signed-in user's own notifications, each with a mark-read button. */
@Controller
class NotificationPages {

    private static final int SHOWN = 200;

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationPages(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The signed-in user for the layout's navigation (the pages package's own advice does not reach here). */
    @ModelAttribute("me")
    SignedInUser me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @GetMapping("/notifications")
    String list(Principal principal, Model model) {
        model.addAttribute("notifications", notifications.forRecipient(principal.getName(), SHOWN));
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, Principal principal) {
        if (!notifications.markRead(id, principal.getName(), clock.instant())) {
            throw new NotFoundException("没有这条通知");
        }
        return "redirect:/notifications";
    }
}
