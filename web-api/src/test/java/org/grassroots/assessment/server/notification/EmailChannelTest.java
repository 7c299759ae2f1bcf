package org.grassroots.assessment.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * E-mail is on only with {@code spring.mail.host} set, decided when the server starts, as Spring Boot's
 * condition for its mail sender decides it: the server started with Spring AOT has the sender's bean
 * whatever the settings, so this check alone keeps the two starts alike.
 */
class EmailChannelTest {

    @Test
    void aMailServerIsConfiguredOnlyWithAHostOtherThanFalse() {
        assertThat(EmailChannel.mailServerConfigured(new MockEnvironment())).isFalse();
        assertThat(EmailChannel.mailServerConfigured(new MockEnvironment()
                .withProperty("spring.mail.host", "false"))).isFalse();
        assertThat(EmailChannel.mailServerConfigured(new MockEnvironment()
                .withProperty("spring.mail.port", "587"))).isFalse();
        assertThat(EmailChannel.mailServerConfigured(new MockEnvironment()
                .withProperty("spring.mail.host", "smtp.example.gov.cn"))).isTrue();
        assertThat(EmailChannel.mailServerConfigured(new MockEnvironment()
                .withProperty("spring.mail.host", "127.0.0.1"))).isTrue();
    }
}
