package org.grassroots.assessment.server.notification;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.grassroots.assessment.server.notification.NotificationRepository.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox: every entry whose next attempt is due is sent once; a failure counts an
 * attempt and waits {@code retryBase * 2^attempts} (at most {@code retryMax}) before the next, so a
 * channel that is down loses nothing and is not hammered. The webhook is a JSON POST in the text
 * message shape DingTalk and WeCom robots accept: {"msgtype":"text","text":{"content":"..."}}; an
 * e-mail goes through {@link EmailChannel}.
 */
@Service
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final String LOCK = "notification-outbox";
    private static final int BATCH = 100;

    private final NotificationRepository notifications;
    private final NotificationProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final EmailChannel email;
    // the JDK client: one POST per message needs no further library. Made on the first webhook, not
    // with the bean: building it loads the JDK's TLS context, some 70 ms on the server's start path
    private HttpClient http;

    OutboxSender(NotificationRepository notifications, NotificationProperties properties, Clock clock, JsonMapper json,
            EmailChannel email) {
        this.email = email;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${assessment.notifications.send-interval:PT30S}", initialDelayString = "${assessment.notifications.send-interval:PT30S}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void scheduled() {
        sendDue();
    }

    /** Sends what is due now; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (OutboxEntry entry : notifications.due(clock.instant(), BATCH)) {
            try {
                deliver(entry);
                notifications.sent(entry.notificationId(), entry.channel(), clock.instant());
                sent++;
            } catch (IOException | MessagingException | RuntimeException e) {
                Instant next = clock.instant().plus(backOff(entry.attempts()));
                LOG.warn("notification {} not delivered by {} (attempt {}): {}", entry.notificationId(),
                        entry.channel(), entry.attempts() + 1, e.toString());
                notifications.failed(entry.notificationId(), entry.channel(), next, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    Duration backOff(int attemptsBefore) {
        Duration wait = properties.retryBase().multipliedBy(1L << Math.min(attemptsBefore, 20));
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    private void deliver(OutboxEntry entry) throws IOException, MessagingException, InterruptedException {
        switch (entry.channel()) {
            case WEBHOOK -> webhook(entry);
            case EMAIL -> email.send(entry.email(), entry.recipientName(), entry.recipientEnabled(), entry.title(),
                    entry.body());
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return http;
    }

    private void webhook(OutboxEntry entry) throws IOException, InterruptedException {
        if (!properties.webhookEnabled()) {
            throw new IllegalStateException("assessment.notifications.webhook.url is not set");
        }
        String content = "【" + entry.title() + "】" + entry.body() + "（接收人：" + entry.recipient() + "）";
        String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content)));
        HttpRequest request = HttpRequest.newBuilder(properties.webhook().uri()).timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered " + response.statusCode());
        }
    }
}
