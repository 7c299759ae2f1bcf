package org.grassroots.assessment.server.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operational settings of reminders and their delivery (assessment.notifications.*); not assessment
 * policy, which stays in the rules. {@code dueWithinDays}: an open or submitted item is reminded of
 * this many days before its deadline (and every day once overdue), and a lead of a planned visit this
 * many days before its planned day (and of a missed one when a run within this many days of the
 * plan's end finds it); {@code awaitingVerificationDays}:
 * a submission waiting longer than this for verification is reminded to the inspectors.
 * {@code email.from}: the sender of reminder e-mails (with {@code spring.mail.host}; none: no e-mail).
 */
@ConfigurationProperties("assessment.notifications")
public record NotificationProperties(
        @DefaultValue("7") int dueWithinDays,
        @DefaultValue("5") int awaitingVerificationDays,
        @DefaultValue("0 0 8 * * *") String reminderCron,
        Webhook webhook,
        @DefaultValue("PT1M") Duration retryBase,
        @DefaultValue("PT6H") Duration retryMax,
        Email email) {

    public NotificationProperties {
        if (webhook == null) {
            webhook = new Webhook(null, Duration.ofSeconds(10));
        }
        if (email == null) {
            email = new Email(null);
        }
    }

    /** The sender address of reminder e-mails, e.g. {@code noreply@example.gov.cn}; none: no e-mail. */
    public record Email(String from) {
    }

    /** A DingTalk/WeCom robot's address; none: no webhook delivery. */
    public record Webhook(String url, @DefaultValue("PT10S") Duration timeout) {

        public URI uri() {
            return URI.create(url.strip());
        }
    }

    public boolean webhookEnabled() {
        return webhook.url() != null && !webhook.url().isBlank();
    }
}
