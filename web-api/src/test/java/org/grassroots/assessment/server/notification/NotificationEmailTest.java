package org.grassroots.assessment.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.rectification.LedgerItem;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders by e-mail on the demo district, against an SMTP server inside the test (GreenMail): the
 * representative of 东岗村 has an address, the one of 柳河镇 has none. A day's run mails each of its
 * notifications once however often it runs; with the mail server down the e-mails wait in the outbox
 * (attempt counted, next attempt later) and go out once, all of them, when it is back and the attempt
 * is due; a user without an address gets none, a disabled account none while it is disabled; subject,
 * body and recipient are the notification's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assessment.data-dir=" + NotificationEmailTest.DATA_DIR, "assessment.demo=true",
        "spring.mail.host=127.0.0.1", "spring.mail.port=" + NotificationEmailTest.SMTP_PORT,
        "assessment.notifications.email.from=考评系统 <noreply@example.gov.cn>",
        "assessment.notifications.retry-base=PT10M", "assessment.notifications.send-interval=PT1H"})
class NotificationEmailTest {

    static final String DATA_DIR = "target/test-data/notification-email";
    static final int SMTP_PORT = 18125;
    static final String DEMO_PASSWORD = "demo2026";
    static final String VILLAGE_REP = "donggang";
    static final String VILLAGE_ADDRESS = "donggang@example.gov.cn";
    static final String TOWN_REP = "liuhe";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    NotificationProperties properties;
    @Autowired
    OutboxSender sender;
    @Autowired
    EmailChannel email;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void theVillageRepresentativeHasAnAddress() {
        Api.Reply r = new Api(port).put("/api/users/" + VILLAGE_REP, "{\"displayName\":\"东岗村党支部 联络员\","
                + "\"role\":\"ORG_REP\",\"orgCode\":\"Z01-V04\",\"email\":\"" + VILLAGE_ADDRESS + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("email").asString()).isEqualTo(VILLAGE_ADDRESS);
    }

    @Test
    void aDaysRunMailsEachNotificationOnceHoweverOftenItRuns() throws Exception {
        LocalDate day = dueDayOfTheVillage().minusDays(3);
        int created = run(day);
        List<Notification> mine = on(VILLAGE_REP, day);
        assertThat(mine).isNotEmpty();

        assertThat(sender.sendDue()).isEqualTo(mine.size());
        assertThat(SMTP.getReceivedMessages()).hasSize(mine.size());

        assertThat(run(day)).as("created by the second run").isZero();
        assertThat(sender.sendDue()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(mine.size());
        assertThat(created).isGreaterThanOrEqualTo(mine.size());
        assertThat(waitingEmails()).isZero();
    }

    @Test
    void withTheMailServerDownTheEmailsWaitAndGoOutOnceWhenItIsBack() throws Exception {
        LocalDate day = dueDayOfTheVillage().minusDays(2);
        SMTP.stop();
        run(day);
        List<Notification> mine = on(VILLAGE_REP, day);
        assertThat(mine).isNotEmpty();
        Instant start = Instant.now();

        assertThat(sender.sendDue()).as("sent while the server is down").isZero();
        for (Notification n : mine) {
            Map<String, Object> row = outbox(n.id());
            assertThat(row.get("sent_at")).isNull();
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat(instant(row.get("next_attempt_at")))
                    .isAfter(start.plus(properties.retryBase()).minusSeconds(5));
            assertThat((String) row.get("last_error")).isNotBlank();
        }

        SMTP.start();
        assertThat(sender.sendDue()).as("sent back up, before the next attempt is due").isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        OutboxSender later = new OutboxSender(notifications, properties,
                Clock.offset(Clock.systemUTC(), properties.retryBase().plusMinutes(1)), json, email);
        assertThat(later.sendDue()).isEqualTo(mine.size());
        assertThat(later.sendDue()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(mine.size());
        Set<String> texts = new HashSet<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            texts.add((String) m.getContent());
        }
        assertThat(texts).as("each notification exactly once").hasSize(mine.size());
        for (Notification n : mine) {
            Map<String, Object> row = outbox(n.id());
            assertThat(row.get("sent_at")).isNotNull();
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        }
        assertThat(waitingEmails()).isZero();
    }

    @Test
    void aUserWithoutAnAddressGetsNoEmailOnlyTheNotification() throws Exception {
        LocalDate day = dueDayOfTheVillage().minusDays(1);
        run(day);
        List<Notification> town = on(TOWN_REP, day);
        assertThat(town).as("the town's representative is notified in the app").isNotEmpty();
        for (Notification n : town) {
            assertThat(jdbc.sql("select count(*) from notification_outbox where notification_id = ? and channel = 'EMAIL'")
                    .param(n.id()).query(Integer.class).single()).isZero();
        }
        assertThat(emailsQueuedFor(day)).containsOnlyKeys(VILLAGE_REP);
        sender.sendDue();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            assertThat(m.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly(VILLAGE_ADDRESS);
        }
    }

    @Test
    void aDisabledAccountGetsNoMailWhileItIsDisabledAndNothingIsLost() throws Exception {
        LocalDate day = dueDayOfTheVillage().minusDays(4);
        run(day);
        List<Notification> mine = on(VILLAGE_REP, day);
        assertThat(mine).isNotEmpty();
        try {
            setEnabled(false);
            assertThat(sender.sendDue()).isZero();
            assertThat(SMTP.getReceivedMessages()).isEmpty();
            for (Notification n : mine) {
                assertThat((String) outbox(n.id()).get("last_error")).contains("disabled");
            }
        } finally {
            setEnabled(true);
        }
        OutboxSender later = new OutboxSender(notifications, properties,
                Clock.offset(Clock.systemUTC(), properties.retryBase().plusMinutes(1)), json, email);
        assertThat(later.sendDue()).isEqualTo(mine.size());
        assertThat(SMTP.getReceivedMessages()).hasSize(mine.size());
        assertThat(waitingEmails()).isZero();
    }

    @Test
    void theEmailIsTheNotificationsTitleAndBodyToItsRecipient() throws Exception {
        LocalDate day = dueDayOfTheVillage();
        run(day);
        List<Notification> mine = on(VILLAGE_REP, day);
        assertThat(mine).isNotEmpty();
        assertThat(sender.sendDue()).isEqualTo(mine.size());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(mine.size());
        Map<String, Notification> byBody = mine.stream().collect(Collectors.toMap(Notification::body, n -> n));
        for (MimeMessage m : received) {
            assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
            InternetAddress to = (InternetAddress) m.getRecipients(Message.RecipientType.TO)[0];
            assertThat(to.getAddress()).isEqualTo(VILLAGE_ADDRESS);
            assertThat(to.getPersonal()).isEqualTo("东岗村党支部 联络员");
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("noreply@example.gov.cn");
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("考评系统");
            for (String header : List.of("From", "To", "Subject")) {
                assertThat(m.getHeader(header)[0]).as(header + " as encoded words").matches("[\\x20-\\x7e\\r\\n\\t]+");
            }
            assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            String text = (String) m.getContent();
            assertThat(text).endsWith(EmailChannel.CLOSING);
            Notification n = byBody.get(text.substring(0, text.length() - EmailChannel.CLOSING.length()));
            assertThat(n).as("a notification of this body: " + text).isNotNull();
            assertThat(m.getSubject()).isEqualTo(n.title()).isIn("整改事项即将到期", "整改事项已逾期");
            assertThat(text).contains("Z01-V04");
        }
    }

    private void setEnabled(boolean enabled) {
        Api.Reply r = new Api(port).put("/api/users/" + VILLAGE_REP, "{\"displayName\":\"东岗村党支部 联络员\","
                + "\"role\":\"ORG_REP\",\"orgCode\":\"Z01-V04\",\"enabled\":" + enabled + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The deadline of an open item of 东岗村 (the demo has one). */
    private LocalDate dueDayOfTheVillage() {
        return ledger.find("1 = 1", List.of(), true).stream()
                .filter(i -> i.orgCode().equals("Z01-V04") && i.deadline() != null
                        && i.statusAsOf(i.deadline().minusDays(4)) == RectificationStatus.OPEN
                        && i.statusAsOf(i.deadline()) == RectificationStatus.OPEN
                        && i.existsOn(i.deadline().minusDays(4)))
                .map(LedgerItem::deadline).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has an open item of 东岗村"));
    }

    /** The admin's run of the reminders for a day; the notifications it created. */
    private int run(LocalDate day) {
        Api.Reply r = new Api(port).post("/api/admin/reminders/run?asOf=" + day, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("due").asInt() + r.json().get("overdue").asInt() + r.json().get("verificationWaiting").asInt();
    }

    private List<Notification> on(String user, LocalDate day) {
        return notifications.forRecipient(user, 1000).stream().filter(n -> n.day().equals(day)).toList();
    }

    private Map<String, Object> outbox(long notificationId) {
        return jdbc.sql("select attempts, next_attempt_at, sent_at, last_error from notification_outbox"
                + " where notification_id = ? and channel = 'EMAIL'").param(notificationId).query().singleRow();
    }

    /** A timestamp with time zone as H2 (OffsetDateTime) or PostgreSQL (Timestamp) gives it. */
    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    private int waitingEmails() {
        return notifications.outboxCounts(Channel.EMAIL).get("waiting");
    }

    private Map<String, Integer> emailsQueuedFor(LocalDate day) {
        return jdbc.sql("select n.recipient, count(*) from notification_outbox o join notification n"
                        + " on n.id = o.notification_id where o.channel = 'EMAIL' and n.on_day = ? group by n.recipient")
                .param(day).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
