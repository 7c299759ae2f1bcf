package org.grassroots.assessment.server.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.rectification.LedgerItem;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.grassroots.assessment.server.rectification.LedgerStep;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.UserAccount;
import org.grassroots.assessment.server.security.UserAccounts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reminders (issue 16): rectification items due within {@code dueWithinDays} or overdue go
 * to the representatives of the item's organization and of its parent; submissions waiting more than
 * {@code awaitingVerificationDays} for verification go to the inspectors. Each (recipient, kind,
 * item, day) is notified once, however often the job runs; with it, in the same transaction, it is
 * queued in the outbox for the webhook (when configured) and for e-mail (when mail is configured and
 * the recipient has an address).
 */
@Service
public class ReminderJob {

    static final String LOCK = "notification-reminders";

    private final LedgerRepository ledger;
    private final UserAccounts users;
    private final NotificationRepository notifications;
    private final NotificationProperties properties;
    private final EmailChannel email;
    private final Clock clock;

    ReminderJob(LedgerRepository ledger, UserAccounts users, NotificationRepository notifications,
            NotificationProperties properties, EmailChannel email, Clock clock) {
        this.email = email;
        this.ledger = ledger;
        this.users = users;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every day at {@code assessment.notifications.reminder-cron}, on one instance of all that share the database. */
    @Scheduled(cron = "${assessment.notifications.reminder-cron:0 0 8 * * *}", zone = "${assessment.zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    @Transactional
    public void daily() {
        run(LocalDate.now(clock));
    }

    /**
     * Runs the reminders of a day in one transaction (a notification and its outbox rows are stored
     * together or not at all); what it created.
     */
    @Transactional
    public ReminderRun run(LocalDate asOf) {
        Instant now = clock.instant();
        List<UserAccount> accounts = users.all().stream().filter(UserAccount::enabled).toList();
        Map<String, String> parents = notifications.parents();
        // who also gets an e-mail: users with an address, while mail is configured
        Set<String> mailed = email.enabled() ? accounts.stream().filter(u -> u.email() != null)
                .map(UserAccount::username).collect(Collectors.toSet()) : Set.of();
        List<String> inspectors = accounts.stream().filter(u -> u.role() == Role.INSPECTOR).map(UserAccount::username)
                .toList();
        int due = 0;
        int overdue = 0;
        int waiting = 0;
        int already = 0;
        for (LedgerItem item : ledger.find("1 = 1", List.of(), true)) {
            if (!item.existsOn(asOf)) {
                continue;
            }
            RectificationStatus status = item.statusAsOf(asOf);
            String target = "rectification:" + item.id();
            String link = "/org/" + item.orgCode();
            if ((status == RectificationStatus.OPEN || status == RectificationStatus.SUBMITTED) && item.deadline() != null) {
                NotificationKind kind = null;
                String title = null;
                String body = null;
                long days = ChronoUnit.DAYS.between(asOf, item.deadline());
                if (status == RectificationStatus.OPEN && days < 0) {
                    kind = NotificationKind.RECTIFICATION_OVERDUE;
                    title = "整改事项已逾期";
                    body = "整改事项（" + item.orgCode() + "，规则 " + item.rule() + "）已逾期 " + (-days) + " 天，整改期限 "
                            + item.deadline() + "：" + item.description();
                } else if (days >= 0 && days <= properties.dueWithinDays()) {
                    kind = NotificationKind.RECTIFICATION_DUE;
                    title = "整改事项即将到期";
                    body = "整改事项（" + item.orgCode() + "，规则 " + item.rule() + "）还有 " + days + " 天到期，整改期限 "
                            + item.deadline() + "，当前状态：" + label(status) + "：" + item.description();
                }
                if (kind != null) {
                    for (String rep : representatives(accounts, parents, item.orgCode())) {
                        if (notify(rep, mailed, kind, target, asOf, title, body, link, now)) {
                            if (kind == NotificationKind.RECTIFICATION_DUE) {
                                due++;
                            } else {
                                overdue++;
                            }
                        } else {
                            already++;
                        }
                    }
                }
            }
            if (status == RectificationStatus.SUBMITTED) {
                LocalDate submitted = submittedOn(item, asOf);
                if (submitted != null && ChronoUnit.DAYS.between(submitted, asOf) > properties.awaitingVerificationDays()) {
                    String body = "整改事项（" + item.orgCode() + "，规则 " + item.rule() + "）于 " + submitted
                            + " 提交整改，已等待核验 " + ChronoUnit.DAYS.between(submitted, asOf) + " 天：" + item.description();
                    for (String inspector : inspectors) {
                        if (notify(inspector, mailed, NotificationKind.VERIFICATION_WAITING, target, asOf, "整改待核验", body,
                                "/inspection", now)) {
                            waiting++;
                        } else {
                            already++;
                        }
                    }
                }
            }
        }
        return new ReminderRun(asOf, due, overdue, waiting, already);
    }

    /** Stores the notification unless already there, and queues it for each channel that is on for the recipient. */
    private boolean notify(String recipient, Set<String> mailed, NotificationKind kind, String target, LocalDate day,
            String title, String body, String link, Instant now) {
        return notifications.insertIfAbsent(recipient, kind, target, day, title, body, link, now).map(id -> {
            if (properties.webhookEnabled()) {
                notifications.enqueue(id, Channel.WEBHOOK, now);
            }
            if (mailed.contains(recipient)) {
                notifications.enqueue(id, Channel.EMAIL, now);
            }
            return true;
        }).orElse(false);
    }

    /** Enabled representatives of the organization and of its parent. */
    private static Set<String> representatives(List<UserAccount> accounts, Map<String, String> parents, String org) {
        Set<String> orgs = new LinkedHashSet<>();
        orgs.add(org);
        String parent = parents.get(org);
        if (parent != null) {
            orgs.add(parent);
        }
        Set<String> reps = new LinkedHashSet<>();
        for (UserAccount u : accounts) {
            if (u.role() == Role.ORG_REP && orgs.contains(u.orgCode())) {
                reps.add(u.username());
            }
        }
        return reps;
    }

    /** The date of the last SUBMIT step dated on or before the day. */
    private static LocalDate submittedOn(LedgerItem item, LocalDate asOf) {
        LocalDate last = null;
        for (LedgerStep step : new ArrayList<>(item.steps())) {
            if (step.kind() == StepKind.SUBMIT && !step.date().isAfter(asOf)) {
                last = step.date();
            }
        }
        return last;
    }

    private static String label(RectificationStatus status) {
        return status == RectificationStatus.SUBMITTED ? "已提交待核验" : "待整改";
    }
}
