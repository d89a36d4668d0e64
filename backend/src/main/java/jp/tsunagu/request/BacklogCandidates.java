package jp.tsunagu.request;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every allowed (request, supporter) pair of a backlog with its score parts, in one statement: the same rules and
 * the same parts as {@link CandidateRanking} ranks one request by (district scope, category, weekday and time
 * overlap, vehicle, paid/unpaid, active with a free place; distance, availability, load, continuity, fairness), for
 * many requests at once — the scope is worked out once per school district, not once per request.
 */
@ApplicationScoped
class BacklogCandidates {

    /** One allowed pair, its parts and its weighted score (3 decimals, as the ranking rounds them). */
    record Row(long requestId, long supporterId, String supporterName, int free, BigDecimal distance, BigDecimal availability,
               BigDecimal load, BigDecimal continuity, BigDecimal fairness, BigDecimal score) {
    }

    /**
     * A large backlog is read in parts side by side, each on a connection of its own: the statement runs on one core of
     * the database, and a coordinator waits for it (two parts of 500 requests take about half the time of one of 1,000
     * on two cores). Each pair depends only on its request and supporter, so the parts' pairs are the whole's. At most
     * as many parts as this machine has cores (the database usually has as many or more), between 2 and 4: on two cores
     * four parts of 250 took longer than two of 500.
     */
    static final int PART = 250;
    static final int MAX_PARTS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final AgroalDataSource dataSource;
    private final MatchingWeights weights;
    /** Plain threads, not a managed executor: a part must not join the caller's transaction (one connection each). */
    private final java.util.concurrent.ExecutorService parts = java.util.concurrent.Executors.newFixedThreadPool(MAX_PARTS, r -> {
        Thread t = new Thread(r, "tsunagu-backlog-pairs");
        t.setDaemon(true);
        return t;
    });

    BacklogCandidates(AgroalDataSource dataSource, MatchingWeights weights) {
        this.dataSource = dataSource;
        this.weights = weights;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        parts.shutdownNow();
    }

    /** Every allowed pair of the requests, ordered by request and supporter. */
    List<Row> pairs(List<Long> requestIds) {
        return pairs(requestIds, Math.max(1, Math.min(MAX_PARTS, requestIds.size() / PART)));
    }

    /**
     * The same, read in {@code count} parts of consecutive request ids, side by side; their pairs are concatenated. Every
     * part is read on a thread of this class's own, on a connection of its own outside the caller's transaction.
     */
    List<Row> pairs(List<Long> requestIds, int count) {
        List<Long> ids = requestIds.stream().distinct().sorted().toList();
        int partCount = Math.max(1, count);
        int size = Math.max(1, (ids.size() + partCount - 1) / partCount);
        List<java.util.concurrent.Future<List<Row>>> reads = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + size));
            reads.add(parts.submit(() -> read(part)));
        }
        try {
            List<Row> out = new ArrayList<>();
            for (java.util.concurrent.Future<List<Row>> read : reads) {
                out.addAll(read.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while finding the candidates of a backlog", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            reads.forEach(f -> f.cancel(true));
        }
    }

    /**
     * The pairs of some requests. A backlog's pairs stay in memory while it is optimised, so their values are shared:
     * the parts and scores take a few hundred distinct values and the names one per supporter, where every row had its
     * own copies (most of what a proposal kept alive, and what its garbage collections copied).
     */
    private List<Row> read(List<Long> requestIds) {
        List<Row> out = new ArrayList<>();
        Map<BigDecimal, BigDecimal> numbers = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(PAIRS)) {
            int p = 0;
            st.setArray(++p, connection.createArrayOf("bigint", requestIds.toArray()));
            st.setBigDecimal(++p, weights.distance());
            st.setBigDecimal(++p, weights.availability());
            st.setBigDecimal(++p, weights.load());
            st.setBigDecimal(++p, weights.continuity());
            st.setBigDecimal(++p, weights.fairness());
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    long supporter = r.getLong(2);
                    String name = names.get(supporter);
                    if (name == null) {
                        name = r.getString(3);
                        names.put(supporter, name);
                    }
                    out.add(new Row(r.getLong(1), supporter, name, r.getInt(4), shared(numbers, r.getBigDecimal(5)),
                            shared(numbers, r.getBigDecimal(6)), shared(numbers, r.getBigDecimal(7)), shared(numbers, r.getBigDecimal(8)),
                            shared(numbers, r.getBigDecimal(9)), shared(numbers, r.getBigDecimal(10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Finding the candidates of a backlog of " + requestIds.size() + " requests failed", e);
        }
        return out;
    }

    /** The one instance of an equal value (same scale) read before, or this one. */
    private static BigDecimal shared(Map<BigDecimal, BigDecimal> numbers, BigDecimal value) {
        return value == null ? null : numbers.computeIfAbsent(value, v -> v);
    }

    private static final String PAIRS = """
            with recursive
            arg as (select cast(? as bigint[]) as requests, cast(? as numeric) as w_distance, cast(? as numeric) as w_availability,
                           cast(? as numeric) as w_load, cast(? as numeric) as w_continuity, cast(? as numeric) as w_fairness),
            req as materialized (
                select q.id, q.recipient_id, q.category_id, coalesce(q.weekly_day, extract(isodow from q.requested_date)::int) as dow,
                       q.start_time, q.end_time, q.payment, c.requires_vehicle, h.id as home_id, h.kind as home_kind,
                       extract(epoch from q.end_time) - extract(epoch from q.start_time) as wanted
                from arg
                join support_request q on q.id = any(arg.requests)
                join support_category c on c.id = q.category_id
                join recipient p on p.id = q.recipient_id
                join area h on h.id = p.area_id),
            up (req_id, id, kind, parent_id, depth) as (
                select req.id, h.id, h.kind, h.parent_id, 0 from req join area h on h.id = req.home_id
                union all
                select up.req_id, a.id, a.kind, a.parent_id, up.depth + 1 from up join area a on a.id = up.parent_id
                where up.kind = 'NEIGHBOURHOOD' and up.depth < 32),
            district as materialized (
                select distinct on (req_id) req_id, id, parent_id from up
                where kind <> 'NEIGHBOURHOOD' or parent_id is null order by req_id, depth),
            scope (district_id, id, branch) as (
                select d.id, a.id, a.id from (select distinct id, parent_id from district) d
                join area a on a.id = d.id or a.parent_id = d.parent_id
                union all
                select s.district_id, c.id, s.branch from area c join scope s on c.parent_id = s.id),
            scoped as materialized (select distinct district_id, id, branch from scope),
            offer as (
                select req.id as req_id, o.supporter_id,
                       max(least(extract(epoch from o.end_time), extract(epoch from req.end_time))
                           - greatest(extract(epoch from o.start_time), extract(epoch from req.start_time))) as overlap
                from req
                join district d on d.req_id = req.id
                join supporter_offer o on o.category_id = req.category_id and o.day_of_week = req.dow
                where o.start_time < req.end_time and o.end_time > req.start_time
                  and exists (select 1 from scoped sc where sc.district_id = d.id and sc.id = o.area_id)
                group by req.id, o.supporter_id),
            helped as materialized (
                select distinct req.id as req_id, x.supporter_id from req join support_request y on y.recipient_id = req.recipient_id
                join assignment x on x.request_id = y.id where x.status in ('ACCEPTED', 'COMPLETED')),
            recent as materialized (
                select x.supporter_id, count(*) as n from assignment x
                where x.created_on >= japan_today() - 90 and x.supporter_id in (select supporter_id from offer)
                group by x.supporter_id),
            cand as (
                select req.id as req_id, s.id, s.name, s.capacity - s.open_assignments as free,
                       case when s.area_id = req.home_id and req.home_kind = 'NEIGHBOURHOOD' then 1
                            when own.id is not null then 0.7
                            else 0.3 end as p_distance,
                       round(least(1, o.overlap / req.wanted), 3) as p_availability,
                       round(1 - s.open_assignments::numeric / s.capacity, 3) as p_load,
                       case when h.supporter_id is not null then 1 else 0 end as p_continuity,
                       round(1 / (1 + coalesce(rc.n, 0)::numeric), 3) as p_fairness
                from offer o
                join req on req.id = o.req_id
                join district d on d.req_id = req.id
                join supporter s on s.id = o.supporter_id
                left join supporter_group g on g.id = s.group_id
                -- Joined, not looked up per pair: a CTE has no index, and a backlog has tens of thousands of pairs.
                left join scoped own on own.district_id = d.id and own.id = s.area_id and own.branch = d.id
                left join helped h on h.req_id = req.id and h.supporter_id = s.id
                left join recent rc on rc.supporter_id = s.id
                where s.active and s.open_assignments < s.capacity
                  and (not req.requires_vehicle or s.has_vehicle)
                  and (req.payment = 'EITHER' or g.payment = req.payment))
            select c.req_id, c.id, c.name, c.free, c.p_distance, c.p_availability, c.p_load, c.p_continuity, c.p_fairness,
                   round(arg.w_distance * c.p_distance + arg.w_availability * c.p_availability + arg.w_load * c.p_load
                         + arg.w_continuity * c.p_continuity + arg.w_fairness * c.p_fairness, 3) as score
            from cand c cross join arg
            order by c.req_id, c.id""";
}
