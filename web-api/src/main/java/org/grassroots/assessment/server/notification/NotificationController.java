package org.grassroots.assessment.server.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notification centre, and the administrators' manual run of the reminders. */
@RestController
class NotificationController {

    private static final int SHOWN = 200;

    private final NotificationRepository notifications;
    private final ReminderJob reminders;
    private final Clock clock;

    NotificationController(NotificationRepository notifications, ReminderJob reminders, Clock clock) {
        this.notifications = notifications;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** The user's notifications, newest first (at most 200), and how many are unread. */
    record NotificationList(int unread, List<Notification> notifications) {
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "我的通知 My notifications",
            description = "当前用户自己的通知（最新在前，最多 200 条）及未读数。 The signed-in user's own notifications, newest first"
                    + " (at most 200), and the number unread.")
    @ApiResponse(responseCode = "200", description = "the notifications and the unread count")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = "application/problem+json"))
    NotificationList mine(Principal principal) {
        String me = principal.getName();
        return new NotificationList(notifications.unreadCount(me), notifications.forRecipient(me, SHOWN));
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "标记已读 Mark a notification read",
            description = "只能标记自己的通知；他人的通知答 404。 Only the user's own; another user's answers 404.")
    @ApiResponse(responseCode = "204", description = "marked read (again: unchanged)")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no notification of that id for this user",
            content = @Content(mediaType = "application/problem+json"))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void read(@PathVariable long id, Principal principal) {
        if (!notifications.markRead(id, principal.getName(), clock.instant())) {
            throw new NotFoundException("没有这条通知 no such notification: " + id);
        }
    }

    @PostMapping("/api/admin/reminders/run")
    @Operation(summary = "运行提醒 Run the reminders",
            description = "按指定日期（默认今天）运行每日整改提醒，答复新建的通知数；同一天重复运行不会重复通知。"
                    + "督查组长的计划检查提醒也在其中运行，但不计入答复（计划日期保密）。"
                    + " Runs the daily reminders for the day (default today) and answers what it created; a second run"
                    + " for the same day creates nothing twice. The leads' planned-visit reminders run too and are not"
                    + " counted in the answer (the planned days are secret).")
    @ApiResponse(responseCode = "200", description = "the counts created, per kind")
    @ApiResponse(responseCode = "400", description = "asOf is not a date", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "not an administrator", content = @Content(mediaType = "application/problem+json"))
    ReminderRun run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reminders.run(asOf == null ? LocalDate.now(clock) : asOf);
    }
}
