package org.grassroots.assessment.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A row of {@code app_user} as a Hibernate entity. It is named {@code Account} because the value the
 * security code passes around is the record {@link UserAccount}; {@link #toValue()} and
 * {@link #apply(UserAccount)} convert between them. {@code version} is the optimistic lock: of two
 * concurrent changes of one user the first to commit wins and the other fails (HTTP 409).
 */
@Entity
@Table(name = "app_user")
class Account {

    @Id
    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** The role's name (a plain string: H2 refuses its check constraint for an enum-typed parameter). */
    @Column(name = "role", nullable = false)
    private String role;

    @Column(name = "org_code")
    private String orgCode;

    @Column(name = "email")
    private String email;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected Account() {
    }

    static Account of(UserAccount value) {
        Account account = new Account();
        account.username = value.username();
        account.createdAt = value.createdAt();
        account.createdBy = value.createdBy();
        account.apply(value);
        return account;
    }

    /** Takes the changeable fields of {@code value} (the name, creation and version stay). */
    void apply(UserAccount value) {
        passwordHash = value.passwordHash();
        displayName = value.displayName();
        role = value.role().name();
        orgCode = value.orgCode();
        email = value.email();
        enabled = value.enabled();
        updatedAt = value.updatedAt();
        updatedBy = value.updatedBy();
    }

    UserAccount toValue() {
        return new UserAccount(username, passwordHash, displayName, Role.valueOf(role), orgCode, enabled, createdAt, createdBy,
                updatedAt, updatedBy, email);
    }

    String getUsername() {
        return username;
    }

    Long getVersion() {
        return version;
    }
}
