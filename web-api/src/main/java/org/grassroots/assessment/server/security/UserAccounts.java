package org.grassroots.assessment.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. */
@Repository
public class UserAccounts {

    private static final String COLUMNS = "username, password_hash, display_name, role, org_code, enabled,"
            + " created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username)
                .query(UserAccounts::row).optional();
    }

    public List<UserAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(UserAccounts::row).list();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    public void insert(UserAccount u) {
        jdbc.sql("insert into app_user (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(u.username(), u.passwordHash(), u.displayName(), u.role().name(), u.orgCode(), u.enabled(),
                        Timestamp.from(u.createdAt()), u.createdBy(), Timestamp.from(u.updatedAt()), u.updatedBy())
                .update();
    }

    public void update(UserAccount u) {
        jdbc.sql("update app_user set password_hash = ?, display_name = ?, role = ?, org_code = ?, enabled = ?,"
                        + " updated_at = ?, updated_by = ? where username = ?")
                .params(u.passwordHash(), u.displayName(), u.role().name(), u.orgCode(), u.enabled(),
                        Timestamp.from(u.updatedAt()), u.updatedBy(), u.username())
                .update();
    }

    private static UserAccount row(ResultSet rs, int n) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("org_code"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
