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
import org.grassroots.assessment.server.planning.PlanReminders;
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
 * {@code awaitingVerificationDays} for verification go to the inspectors; the visits of confirmed
 * inspection plans due within {@code dueWithinDays}, past their planned day or missed go to the leads
 * (督查组长) only. Each (recipient, kind, item, day) is notified once, however often the job runs; with
 * it, in the same transaction, it is queued in the outbox for the webhook (when configured) and for
 * e-mail (when mail is configured and the recipient has an address). The leads' reminders name a
 * planned (covert) day, so they never go to the webhook, whose robot posts into a group chat: in the
 * notification centre and the lead's own e-mail only.
 */
@Service
public class ReminderJob {

    static final String LOCK = "notification-reminders";

    private final LedgerRepository ledger;
    private final PlanReminders planReminders;
    private final UserAccounts users;
    private final NotificationRepository notifications;
    private final NotificationProperties properties;
    private final EmailChannel email;
    private final Clock clock;

    ReminderJob(LedgerRepository ledger, PlanReminders planReminders, UserAccounts users,
            NotificationRepository notifications, NotificationProperties properties, EmailChannel email, Clock clock) {
        this.planReminders = planReminders;
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
     * together or not at all); what it created. The leads' plan reminders are not counted in the
     * answer: it goes to administrators, who are not to learn how many planned visits fall due.
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
                        if (notify(rep, mailed, true, kind, target, asOf, title, body, link, now)) {
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
                        if (notify(inspector, mailed, true, NotificationKind.VERIFICATION_WAITING, target, asOf,
                                "整改待核验", body, "/inspection", now)) {
                            waiting++;
                        } else {
                            already++;
                        }
                    }
                }
            }
        }
        remindLeads(asOf, accounts, mailed, now);
        return new ReminderRun(asOf, due, overdue, waiting, already);
    }

    /**
     * The planned visits due within the window or past their planned day (every day, like the
     * rectification items), and each missed one once: its day is the first after the plan's range.
     */
    private void remindLeads(LocalDate asOf, List<UserAccount> accounts, Set<String> mailed, Instant now) {
        Set<String> flagged = planReminders.leads();
        // a lead who is no longer an inspector (or is disabled) is told nothing: the plans are not his to see
        List<String> leads = accounts.stream().filter(u -> u.role() == Role.INSPECTOR && flagged.contains(u.username()))
                .map(UserAccount::username).toList();
        if (leads.isEmpty()) {
            return;
        }
        for (PlanReminders.Item item : planReminders.asOf(asOf, properties.dueWithinDays())) {
            String visit = "督查计划「" + item.planName() + "」：" + item.orgName() + "（" + item.orgCode() + "），"
                    + (item.covert() ? "暗访" : "明察") + "，" + item.team() + "，计划日期 " + item.plannedOn();
            NotificationKind kind;
            String title;
            String body;
            LocalDate day = asOf;
            switch (item.state()) {
                case DUE -> {
                    long days = ChronoUnit.DAYS.between(asOf, item.plannedOn());
                    kind = NotificationKind.PLANNED_VISIT_DUE;
                    title = "计划检查即将到期";
                    body = visit + "，" + (days == 0 ? "就在今天" : "还有 " + days + " 天") + "。";
                }
                case OVERDUE -> {
                    kind = NotificationKind.PLANNED_VISIT_OVERDUE;
                    title = "计划检查已过计划日期";
                    body = visit + "，已过 " + ChronoUnit.DAYS.between(item.plannedOn(), asOf)
                            + " 天，尚无检查记录；计划截止 " + item.endsOn() + "。";
                }
                case MISSED -> {
                    kind = NotificationKind.PLANNED_VISIT_MISSED;
                    title = "计划检查未完成";
                    body = visit + "；计划已于 " + item.endsOn() + " 结束，这次检查没有完成。";
                    day = item.endsOn().plusDays(1);
                }
                default -> {
                    continue;
                }
            }
            for (String lead : leads) {
                notify(lead, mailed, false, kind, "planned-visit:" + item.plannedVisitId(), day, title, body,
                        "/inspection/plans/" + item.planId(), now);
            }
        }
    }

    /**
     * Stores the notification unless already there, and queues it for each channel that is on for the
     * recipient (the webhook only when {@code toWebhook}).
     */
    private boolean notify(String recipient, Set<String> mailed, boolean toWebhook, NotificationKind kind,
            String target, LocalDate day, String title, String body, String link, Instant now) {
        return notifications.insertIfAbsent(recipient, kind, target, day, title, body, link, now).map(id -> {
            if (toWebhook && properties.webhookEnabled()) {
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
