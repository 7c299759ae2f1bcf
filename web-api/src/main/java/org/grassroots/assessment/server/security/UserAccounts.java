package org.grassroots.assessment.server.security;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored user accounts, as the {@link UserAccount} values the security code compares (the
 * sign-in's stamp is computed from them, see {@link SignedInUser}). Backed by the {@link Account}
 * entity: {@link #update} changes the managed entity, so Hibernate raises its {@code version} and of
 * two concurrent changes of one user the second fails with an optimistic-lock exception (HTTP 409).
 */
@Repository
public class UserAccounts {

    private final AccountRepository accounts;

    UserAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return accounts.findById(username).map(Account::toValue);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(Account::toValue).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsById(username);
    }

    /** Enabled accounts of {@code role} (the last enabled administrator may not be removed). */
    @Transactional(readOnly = true)
    public long countEnabled(Role role) {
        return accounts.countByRoleAndEnabledTrue(role.name());
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when an account of that name exists (another
     *                                                       request may have added it a moment ago)
     */
    @Transactional
    public void insert(UserAccount u) {
        accounts.saveAndFlush(Account.of(u));
    }

    @Transactional
    public void update(UserAccount u) {
        Account account = accounts.findById(u.username())
                .orElseThrow(() -> new IllegalStateException("no account " + u.username()));
        account.apply(u);
        accounts.flush();
    }
}
