package jp.tsunagu.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subscriptions, their outbox and its delivery log: plain SQL, as the outbox is written by triggers (V22). */
@ApplicationScoped
class WebhookStore {

    /**
     * The head of a subscription's queue, locked by the transaction that delivers it. {@code waitingSince} is when it
     * became sendable: its creation, or the subscription's resumption if that came later.
     */
    record Due(long id, String type, String body, int attempts, OffsetDateTime waitingSince, String url, String secret) {
    }

    private final AgroalDataSource dataSource;

    WebhookStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    long insert(String url, List<WebhookEventType> events, String secret, String description, String actor) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into webhook_subscription (url, events, secret, description, created_by) values (?, ?, ?, ?, ?) returning id""")) {
            s.setString(1, url);
            s.setArray(2, c.createArrayOf("text", events.stream().map(WebhookEventType::value).distinct().toArray()));
            s.setString(3, secret);
            s.setString(4, description);
            s.setString(5, actor);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SUBSCRIPTIONS = """
            select s.id, s.url, s.events, s.description, s.active, s.created_at, s.created_by,
                   (select count(*) from webhook_event e where e.subscription_id = s.id and e.delivered_at is null and e.gave_up_at is null),
                   (select count(*) from webhook_event e where e.subscription_id = s.id and e.gave_up_at is not null)
            from webhook_subscription s""";

    List<WebhookDto> list() {
        return subscriptions(SUBSCRIPTIONS + " order by s.id", null);
    }

    Optional<WebhookDto> find(long id) {
        return subscriptions(SUBSCRIPTIONS + " where s.id = ?", id).stream().findFirst();
    }

    private List<WebhookDto> subscriptions(String sql, Long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setLong(1, id);
            }
            List<WebhookDto> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new WebhookDto(rs.getLong(1), rs.getString(2), types(rs.getArray(3)), rs.getString(4), rs.getBoolean(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getInt(8), rs.getInt(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<WebhookEventType> types(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(WebhookEventType::of).toList();
    }

    /** Pauses or resumes the subscription; false when there is no such subscription. */
    boolean setActive(long id, boolean active) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                update webhook_subscription set active = ?,
                       resumed_at = case when ? and not active then clock_timestamp() else resumed_at end
                where id = ?""")) {
            s.setBoolean(1, active);
            s.setBoolean(2, active);
            s.setLong(3, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean delete(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("delete from webhook_subscription where id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subscription's latest events (or the one asked for), each with its attempts. */
    List<WebhookEventDto> events(long subscription, Long only, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select e.id, e.event_type, e.payload::text, e.created_at, e.attempts, e.delivered_at, e.gave_up_at, e.next_attempt_at,
                       d.attempt, d.status_code, d.error, d.duration_ms, d.attempted_at
                from (select * from webhook_event where subscription_id = ? and (cast(? as bigint) is null or id = ?)
                      order by id desc limit ?) e
                left join webhook_delivery d on d.event_id = e.id
                order by e.id desc, d.attempt""")) {
            s.setLong(1, subscription);
            s.setObject(2, only, java.sql.Types.BIGINT);
            s.setObject(3, only, java.sql.Types.BIGINT);
            s.setInt(4, limit);
            Map<Long, WebhookEventDto> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    WebhookEventDto e = out.get(id);
                    if (e == null) {
                        OffsetDateTime delivered = rs.getObject(6, OffsetDateTime.class);
                        OffsetDateTime gaveUp = rs.getObject(7, OffsetDateTime.class);
                        e = new WebhookEventDto(id, WebhookEventType.of(rs.getString(2)), body(id, rs.getString(3)), rs.getObject(4, OffsetDateTime.class),
                                rs.getInt(5), delivered, gaveUp, delivered == null && gaveUp == null ? rs.getObject(8, OffsetDateTime.class) : null,
                                new ArrayList<>());
                        out.put(id, e);
                    }
                    int attempt = rs.getInt(9);
                    if (!rs.wasNull()) {
                        int status = rs.getInt(10);
                        Integer statusCode = rs.wasNull() ? null : status;
                        e.deliveries().add(new WebhookDeliveryDto(attempt, statusCode, rs.getString(11), rs.getInt(12),
                                rs.getObject(13, OffsetDateTime.class)));
                    }
                }
            }
            return new ArrayList<>(out.values());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues the event again, as a new event at the end of the subscription's queue; empty when there is no such event. */
    Optional<Long> redeliver(long subscription, long event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into webhook_event (subscription_id, event_type, payload)
                select subscription_id, event_type, payload || jsonb_build_object('redeliveryOf', id)
                from webhook_event where subscription_id = ? and id = ? returning id""")) {
            s.setLong(1, subscription);
            s.setLong(2, event);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next event to send, locked in {@code c}'s transaction: among active subscriptions, the oldest pending event of
     * each (so one at a time per subscription, in order) whose time has come. Another replica skips it while locked.
     */
    Optional<Due> nextDue(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select e.id, e.event_type, e.payload::text, e.attempts, greatest(e.created_at, s.resumed_at), s.url, s.secret
                from webhook_event e join webhook_subscription s on s.id = e.subscription_id
                where s.active and e.delivered_at is null and e.gave_up_at is null and e.next_attempt_at <= clock_timestamp()
                  and e.id = (select min(h.id) from webhook_event h
                              where h.subscription_id = e.subscription_id and h.delivered_at is null and h.gave_up_at is null)
                order by e.next_attempt_at, e.id
                limit 1
                for update of e skip locked""")) {
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                return Optional.of(new Due(id, rs.getString(2), body(id, rs.getString(3)), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7)));
            }
        }
    }

    /** One attempt's outcome: delivered, or retried at {@code retryAt}, or given up. */
    void recordAttempt(Connection c, Due due, Integer status, String error, int millis, boolean delivered, OffsetDateTime retryAt) throws SQLException {
        try (PreparedStatement log = c.prepareStatement(
                "insert into webhook_delivery (event_id, attempt, status_code, error, duration_ms) values (?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("""
                     update webhook_event set attempts = attempts + 1, last_status = ?, last_error = ?,
                            delivered_at = case when ? then clock_timestamp() end,
                            gave_up_at = case when not ? and cast(? as timestamptz) is null then clock_timestamp() end,
                            next_attempt_at = coalesce(cast(? as timestamptz), next_attempt_at)
                     where id = ?""")) {
            log.setLong(1, due.id());
            log.setInt(2, due.attempts() + 1);
            log.setObject(3, status, java.sql.Types.INTEGER);
            log.setString(4, error);
            log.setInt(5, millis);
            log.executeUpdate();
            update.setObject(1, status, java.sql.Types.INTEGER);
            update.setString(2, error);
            update.setBoolean(3, delivered);
            update.setBoolean(4, delivered);
            update.setObject(5, retryAt);
            update.setObject(6, retryAt);
            update.setLong(7, due.id());
            update.executeUpdate();
        }
    }

    /** What is sent: the event's id first, then what the trigger recorded (type, occurredAt and the change). */
    private static String body(long id, String payload) {
        return "{\"id\": " + id + ", " + payload.substring(1);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
