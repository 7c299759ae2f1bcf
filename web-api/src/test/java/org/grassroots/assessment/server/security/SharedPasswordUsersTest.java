package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.grassroots.assessment.server.SharedServer;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.security.UserService.UserRequest;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Users given one public password (the demo district's) share one bcrypt hash of it, made once:
 * each signs in with it, each request is checked as a single user's is, and users with different
 * passwords are never given one hash.
 */
class SharedPasswordUsersTest extends SharedServer {

    private static final String PASSWORD = "shared-demo-2026";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserAccounts accounts;

    private static UserRequest user(String name, String password, Role role) {
        return new UserRequest(name, password, "共享口令 " + name, role, null, true, null);
    }

    @Test
    void users_given_one_public_password_each_sign_in_with_it_and_share_its_one_hash() {
        users.createSharingOnePublicPassword(List.of(user("shared-inspector", PASSWORD, Role.INSPECTOR),
                user("shared-evaluator", PASSWORD, Role.EVALUATOR)), "test");

        Api api = new Api(port);
        for (String name : List.of("shared-inspector", "shared-evaluator")) {
            assertThat(api.as(name, PASSWORD).get("/api/me").status()).as(name).isEqualTo(200);
            assertThat(api.as(name, PASSWORD + "x").get("/api/me").status()).as(name + ", wrong password").isEqualTo(401);
        }
        String hash = accounts.find("shared-inspector").orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(accounts.find("shared-evaluator").orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void users_with_different_passwords_are_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> users.createSharingOnePublicPassword(List.of(
                user("shared-one", PASSWORD, Role.INSPECTOR), user("shared-two", PASSWORD + "2", Role.INSPECTOR)), "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.find("shared-one")).isEmpty();
        assertThat(accounts.find("shared-two")).isEmpty();
    }

    @Test
    void each_request_is_checked_as_a_single_users_and_a_refusal_stores_none_of_them() {
        assertThatThrownBy(() -> users.createSharingOnePublicPassword(List.of(
                user("shared-fine", "short", Role.INSPECTOR)), "test"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> users.createSharingOnePublicPassword(List.of(
                user("shared-first", PASSWORD, Role.INSPECTOR), user("no", PASSWORD, Role.INSPECTOR)), "test"))
                .as("the second one's name is too short").isInstanceOf(InvalidRequestException.class);
        assertThat(accounts.find("shared-fine")).isEmpty();
        assertThat(accounts.find("shared-first")).as("one transaction: the first is not kept either").isEmpty();
    }
}
