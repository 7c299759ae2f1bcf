package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Instant;
import org.grassroots.assessment.server.JpaExceptionTranslation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The user account entity against the schema that Flyway builds (Hibernate validates the mapping),
 * the repository's derived queries, the values the sign-in's stamp is computed from, and optimistic
 * locking: of two concurrent changes of one user one wins and the other fails.
 */
@DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "assessment.demo=false",
        "assessment.data-dir=target/test-data/accounts"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({UserAccounts.class, JpaExceptionTranslation.class})
class AccountsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    static {
        // a fresh database: the folder outlives a run, and a schema from an older build would not validate
        FileSystemUtils.deleteRecursively(new File("target/test-data/accounts"));
    }

    @Autowired
    UserAccounts users;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private static UserAccount user(String name, Role role, boolean enabled) {
        return new UserAccount(name, "{noop}secret", "用户" + name, role, role == Role.ORG_REP ? "V-A" : null,
                enabled, NOW, "admin", NOW, "admin", role == Role.ORG_REP ? name + "@example.gov.cn" : null);
    }

    @Test
    void a_user_is_stored_and_read_back_with_every_field() {
        UserAccount stored = user("t-rep", Role.ORG_REP, true);
        users.insert(stored);
        assertThat(users.find("t-rep")).contains(stored);
        assertThat(users.exists("t-rep")).isTrue();
        assertThat(users.exists("t-nobody")).isFalse();
        assertThat(users.find("t-nobody")).isEmpty();
    }

    @Test
    void a_second_account_of_one_name_is_a_duplicate_key() {
        users.insert(user("t-dup", Role.INSPECTOR, true));
        assertThatThrownBy(() -> users.insert(user("t-dup", Role.EVALUATOR, true)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void derived_queries_order_by_name_and_count_enabled_accounts_of_a_role() {
        long before = users.countEnabled(Role.INSPECTOR);
        users.insert(user("t-zz", Role.INSPECTOR, true));
        users.insert(user("t-aa", Role.INSPECTOR, true));
        users.insert(user("t-mm", Role.INSPECTOR, false));
        assertThat(users.countEnabled(Role.INSPECTOR)).isEqualTo(before + 2);
        assertThat(users.all()).extracting(UserAccount::username).isSorted().contains("t-aa", "t-mm", "t-zz");
    }

    @Test
    void a_change_is_stored_and_changes_the_sign_in_stamp() {
        users.insert(user("t-ins", Role.INSPECTOR, true));
        String stamp = SignedInUser.stampOf(users.find("t-ins").orElseThrow());
        UserAccount old = users.find("t-ins").orElseThrow();
        users.update(new UserAccount(old.username(), old.passwordHash(), old.displayName(), old.role(), old.orgCode(),
                false, old.createdAt(), old.createdBy(), NOW.plusSeconds(60), "admin2", old.email()));
        UserAccount read = users.find("t-ins").orElseThrow();
        assertThat(read.enabled()).isFalse();
        assertThat(read.updatedBy()).isEqualTo("admin2");
        assertThat(SignedInUser.stampOf(read)).isNotEqualTo(stamp);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void a_change_raises_the_version() {
        users.insert(user("t-v1", Role.EVALUATOR, true));
        try {
            long before = version("t-v1");
            UserAccount old = users.find("t-v1").orElseThrow();
            users.update(renamed(old, "新名"));
            assertThat(version("t-v1")).isEqualTo(before + 1);
        } finally {
            jdbc.update("delete from app_user where username = 't-v1'");
        }
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void of_two_concurrent_changes_of_one_user_the_second_is_refused() {
        users.insert(user("t-v2", Role.EVALUATOR, true));
        try {
            TransactionTemplate other = new TransactionTemplate(transactions);
            other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                Account mine = accounts.findById("t-v2").orElseThrow();
                other.executeWithoutResult(t -> accounts.findById("t-v2").orElseThrow()
                        .apply(renamed(users.find("t-v2").orElseThrow(), "第一位管理员所改")));
                mine.apply(renamed(mine.toValue(), "第二位管理员所改"));
                accounts.flush();
            })).isInstanceOf(ObjectOptimisticLockingFailureException.class);
            assertThat(users.find("t-v2").orElseThrow().displayName()).isEqualTo("第一位管理员所改");
        } finally {
            jdbc.update("delete from app_user where username = 't-v2'");
        }
    }

    private static UserAccount renamed(UserAccount old, String displayName) {
        return new UserAccount(old.username(), old.passwordHash(), displayName, old.role(), old.orgCode(),
                old.enabled(), old.createdAt(), old.createdBy(), NOW.plusSeconds(60), "admin", old.email());
    }

    private long version(String username) {
        return jdbc.queryForObject("select version from app_user where username = ?", Long.class, username);
    }
}
