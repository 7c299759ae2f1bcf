package org.grassroots.assessment.server.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator: on a database without any administrator, the user {@code admin} is added
 * with the password of {@code ASSESSMENT_ADMIN_PASSWORD} (property {@code assessment.admin.password}),
 * or with a generated one printed once to the log. Runs before the server takes requests.
 */
@Component
class AdministratorBootstrap implements InitializingBean {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccounts accounts;
    private final UserService users;
    private final Environment environment;
    private final TransactionTemplate transaction;

    AdministratorBootstrap(UserAccounts accounts, UserService users, Environment environment,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.users = users;
        this.environment = environment;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> {
            if (accounts.all().stream().anyMatch(a -> a.role() == Role.ADMIN)) {
                return;
            }
            String given = environment.getProperty("assessment.admin.password");
            boolean generated = given == null || given.isBlank();
            String password = generated ? generatedPassword() : given;
            users.create(new UserService.UserRequest(ADMIN, password, "系统管理员", Role.ADMIN, null, true, null), "system");
            if (generated) {
                log.warn("""

                        ================================================================
                        首次启动：已创建管理员 admin，密码只显示这一次 (first start: user admin created;
                        the password is shown only now): {}
                        Set ASSESSMENT_ADMIN_PASSWORD before the first start to choose it.
                        ================================================================""", password);
            } else {
                log.info("first start: user admin created with the password of ASSESSMENT_ADMIN_PASSWORD");
            }
        });
    }

    private static String generatedPassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
