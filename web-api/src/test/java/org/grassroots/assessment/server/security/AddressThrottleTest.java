package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in throttle through the server: one address guessing many names is locked out for every
 * name, and wrong current passwords on {@code POST /api/me/password} count as failed sign-ins.
 * Its own server, since the lock covers the address every test client uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + AddressThrottleTest.DATA_DIR, "assessment.demo=false",
                "assessment.security.login-attempts=3", "assessment.security.login-attempts-per-address=12"})
class AddressThrottleTest {

    static final String DATA_DIR = "target/test-data/address-throttle";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Test
    void wrong_current_passwords_count_and_an_address_guessing_many_names_is_locked_for_all() {
        Api admin = new Api(port);
        assertThat(admin.post("/api/users", "{\"username\":\"changer\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"测试用户\",\"role\":\"INSPECTOR\"}").status()).isEqualTo(201);
        Api changer = admin.as("changer", "secret-pass-1");
        String wrong = "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"new-secret-2\"}";
        assertThat(changer.post("/api/me/password", wrong).status()).isEqualTo(400);
        assertThat(changer.post("/api/me/password", wrong).status()).isEqualTo(400);
        assertThat(changer.post("/api/me/password", "{\"currentPassword\":\"secret-pass-1\","
                + "\"newPassword\":\"secret-pass-1\"}").status()).as("a right one resets the name's count").isEqualTo(204);
        for (int i = 0; i < 3; i++) {
            assertThat(changer.post("/api/me/password", wrong).status()).isEqualTo(400);
        }
        Api.Reply locked = changer.post("/api/me/password", "{\"currentPassword\":\"secret-pass-1\","
                + "\"newPassword\":\"new-secret-2\"}");
        assertThat(locked.status()).as("3 wrong current passwords in a row lock the name").isEqualTo(429);
        assertThat(locked.body()).contains("登录失败次数过多");
        assertThat(changer.get("/api/me").status()).as("sign-ins of the name too").isEqualTo(429);

        // 5 failures from this address so far; 7 more, each a different name, reach the address limit of 12
        for (int i = 0; i < 7; i++) {
            assertThat(admin.as("guess-" + i, "wrong-password").get("/api/me").status()).isEqualTo(401);
        }
        Api.Reply addressLocked = admin.get("/api/me");
        assertThat(addressLocked.status()).as("the administrator from the same address").isEqualTo(429);
        assertThat(addressLocked.body()).contains("登录失败次数过多");
    }
}
