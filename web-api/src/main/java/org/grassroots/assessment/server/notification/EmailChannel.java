package org.grassroots.assessment.server.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Notifications by e-mail, through Spring's {@link JavaMailSender} (Spring Boot makes one when
 * {@code spring.mail.host} is set). The channel is on when there is a mail server and a sender
 * ({@code assessment.notifications.email.from}); otherwise no e-mail is queued at all. A message is
 * plain text in UTF-8: the notification's title as the subject, its body and a closing line.
 */
@Component
class EmailChannel {

    /** Closes every message: where it comes from and where to read the rest. */
    static final String CLOSING = "\n\n——\n此邮件由基层党组织考评系统自动发送，请勿直接回复。登录系统后可在“通知”中查看全部提醒。";

    private final JavaMailSender mail;
    private final InternetAddress from;

    EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationProperties properties, Environment environment) {
        this.mail = mailServerConfigured(environment) ? mail.getIfAvailable() : null;
        this.from = sender(properties.email().from());
    }

    /**
     * Whether {@code spring.mail.host} is set (to anything but {@code false}), decided when the server
     * starts: Spring Boot's own condition for its mail sender. The server started with Spring AOT
     * (web-api/bin/assessment-server) has the sender's bean whatever the settings, since its
     * conditions were decided at build time (web-api/pom.xml, process-aot).
     */
    static boolean mailServerConfigured(Environment environment) {
        String host = environment.getProperty("spring.mail.host");
        return host != null && !"false".equalsIgnoreCase(host);
    }

    /** Whether e-mails are queued and sent: a mail server ({@code spring.mail.host}) and a sender are configured. */
    boolean enabled() {
        return mail != null && from != null;
    }

    /**
     * Sends one notification to {@code address} (named {@code name}); any failure is thrown, so the
     * outbox keeps the entry and tries again later. A recipient whose account is disabled gets nothing
     * while it stays so (the mail waits, as for a mail server that is down).
     */
    void send(String address, String name, boolean accountEnabled, String title, String body) throws MessagingException {
        if (!enabled()) {
            throw new IllegalStateException("e-mail is not configured (spring.mail.host and "
                    + "assessment.notifications.email.from)");
        }
        if (!accountEnabled) {
            throw new IllegalStateException("the recipient's account is disabled");
        }
        if (address == null || address.isBlank()) {
            throw new IllegalStateException("the recipient has no e-mail address any more");
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(recipient(address, name));
        helper.setSubject(title);
        helper.setText(body + CLOSING, false);
        mail.send(message);
    }

    private static InternetAddress recipient(String address, String name) throws AddressException {
        InternetAddress to = new InternetAddress(address, true);
        if (name != null && !name.isBlank()) {
            try {
                to.setPersonal(name, StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    /** The configured sender, checked at start-up so that a wrong address stops the server with its reason. */
    private static InternetAddress sender(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            InternetAddress parsed = new InternetAddress(configured.strip(), true);
            // a name such as 考评系统 is sent as an encoded word (RFC 2047), not as raw UTF-8 in the header
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("assessment.notifications.email.from is not an e-mail address: "
                    + configured + " (" + e.getMessage() + ")", e);
        }
    }
}
