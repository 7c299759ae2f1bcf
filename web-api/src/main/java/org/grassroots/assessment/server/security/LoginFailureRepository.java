package org.grassroots.assessment.server.security;

import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttle's counts in table {@code login_failure}, shared by every instance on the
 * database. Each change is one statement in its own transaction (so a failure counts even when the
 * request around it rolls back, and a refused insert does not spoil the caller's transaction).
 */
@Repository
public class LoginFailureRepository {

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one more failure of an existing row that holds no running lock, atomically: an expired row
     * starts again at one; reaching {@code limit} locks it until {@code until}, else it may be forgotten
     * at {@code until}. False when there is no such row (none yet, or a lock runs).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean countFailure(String key, int limit, long now, long until) {
        return jdbc.sql("""
                UPDATE login_failure
                SET failures = CASE WHEN expires_at <= :now THEN 1 ELSE failures + 1 END,
                    locked_until = CASE WHEN (CASE WHEN expires_at <= :now THEN 1 ELSE failures + 1 END) >= :limit
                                        THEN :until ELSE NULL END,
                    expires_at = :until
                WHERE tracking_key = :key AND (locked_until IS NULL OR locked_until <= :now)
                """).param("now", now).param("limit", limit).param("until", until).param("key", key)
                .update() > 0;
    }

    /** The first failure of a key; throws DuplicateKeyException when another instance inserted it first. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void insertFirstFailure(String key, int limit, long until) {
        jdbc.sql("INSERT INTO login_failure (tracking_key, failures, locked_until, expires_at) "
                + "VALUES (:key, 1, :lockedUntil, :until)")
                .param("key", key).param("lockedUntil", limit <= 1 ? until : null, java.sql.Types.BIGINT)
                .param("until", until).update();
    }

    /** The latest end of a lock still running at {@code now} among these keys. */
    public Optional<Long> lockedUntil(Collection<String> keys, long now) {
        return jdbc.sql("SELECT locked_until FROM login_failure WHERE tracking_key IN (:keys) AND locked_until > :now")
                .param("keys", keys).param("now", now).query(Long.class).list().stream().max(Long::compare);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forget(String key) {
        jdbc.sql("DELETE FROM login_failure WHERE tracking_key = :key").param("key", key).update();
    }

    /** Deletes the rows that have expired at {@code now}; how many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int forgetExpired(long now) {
        return jdbc.sql("DELETE FROM login_failure WHERE expires_at <= :now").param("now", now).update();
    }

    /** How many rows there are (for tests and metrics). */
    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure").query(Integer.class).single();
    }
}
