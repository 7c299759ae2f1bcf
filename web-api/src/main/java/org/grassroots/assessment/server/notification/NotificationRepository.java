package org.grassroots.assessment.server.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification and notification_outbox tables over JDBC. */
@Repository
public class NotificationRepository {

    private static final String COLUMNS = "id, recipient, kind, target, on_day, title, body, link, created_at, read_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the notification unless one of the same recipient, kind, target and day exists; returns
     * its id when inserted. The check and insert run in one statement, so two runs at once cannot both
     * insert (and the unique key refuses a second row anyway).
     */
    public Optional<Long> insertIfAbsent(String recipient, NotificationKind kind, String target, LocalDate day,
            String title, String body, String link, Instant now) {
        int inserted = jdbc.sql("insert into notification (recipient, kind, target, on_day, title, body, link, created_at)"
                        + " select ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) v where not exists (select 1 from notification"
                        + " where recipient = ? and kind = ? and target = ? and on_day = ?)")
                .params(recipient, kind.name(), target, day, title, body, link, utc(now), recipient, kind.name(), target,
                        day)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select id from notification where recipient = ? and kind = ? and target = ? and on_day = ?")
                .params(recipient, kind.name(), target, day).query(Long.class).optional();
    }

    public void enqueue(long notificationId, Channel channel, Instant now) {
        jdbc.sql("insert into notification_outbox (notification_id, channel, attempts, next_attempt_at) values (?, ?, 0, ?)")
                .params(notificationId, channel.name(), utc(now)).update();
    }

    /** The user's notifications, newest first, at most {@code limit}. */
    public List<Notification> forRecipient(String recipient, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where recipient = ? order by id desc limit ?")
                .params(recipient, limit).query(NotificationRepository::notification).list();
    }

    public int unreadCount(String recipient) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null").param(recipient)
                .query(Integer.class).single();
    }

    /** Marks the recipient's own notification read; false when it has none of that id. */
    public boolean markRead(long id, String recipient, Instant now) {
        int found = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient = ?")
                .params(utc(now), id, recipient).update();
        return found == 1;
    }

    /** Every organization's parent code (null at the top). */
    public Map<String, String> parents() {
        Map<String, String> parents = new HashMap<>();
        jdbc.sql("select code, parent_code from organization").query(rs -> {
            parents.put(rs.getString(1), rs.getString(2));
        });
        return parents;
    }

    /** Outbox entries not yet sent whose next attempt is due, oldest first. */
    public List<OutboxEntry> due(Instant now, int limit) {
        return jdbc.sql("select o.notification_id, o.channel, o.attempts, n.recipient, n.title, n.body, n.link,"
                        + " u.email, u.display_name, u.enabled"
                        + " from notification_outbox o join notification n on n.id = o.notification_id"
                        + " join app_user u on u.username = n.recipient"
                        + " where o.sent_at is null and o.next_attempt_at <= ? order by o.next_attempt_at, o.notification_id"
                        + " limit ?")
                .params(utc(now), limit)
                .query((rs, n) -> new OutboxEntry(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getBoolean(10)))
                .list();
    }

    public void sent(long notificationId, Channel channel, Instant now) {
        jdbc.sql("update notification_outbox set sent_at = ?, attempts = attempts + 1, last_error = null"
                        + " where notification_id = ? and channel = ?")
                .params(utc(now), notificationId, channel.name()).update();
    }

    public void failed(long notificationId, Channel channel, Instant nextAttempt, String error) {
        String text = error == null ? "" : error.length() > 2000 ? error.substring(0, 2000) : error;
        jdbc.sql("update notification_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " where notification_id = ? and channel = ?")
                .params(utc(nextAttempt), text, notificationId, channel.name()).update();
    }

    /** Counts of the outbox per state, for tests and operations: sent, waiting. */
    public Map<String, Integer> outboxCounts(Channel channel) {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("sent", jdbc.sql("select count(*) from notification_outbox where channel = ? and sent_at is not null")
                .param(channel.name()).query(Integer.class).single());
        counts.put("waiting", jdbc.sql("select count(*) from notification_outbox where channel = ? and sent_at is null")
                .param(channel.name()).query(Integer.class).single());
        return counts;
    }

    /**
     * An outbox entry to deliver, with the recipient's e-mail address and name as they are now (an
     * address corrected while a message waits is the one it goes to).
     */
    public record OutboxEntry(long notificationId, Channel channel, int attempts, String recipient, String title,
            String body, String link, String email, String recipientName, boolean recipientEnabled) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Notification notification(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"),
                rs.getString("target"), rs.getObject("on_day", LocalDate.class), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
