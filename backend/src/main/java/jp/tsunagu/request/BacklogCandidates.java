package jp.tsunagu.request;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    private final AgroalDataSource dataSource;
    private final MatchingWeights weights;

    BacklogCandidates(AgroalDataSource dataSource, MatchingWeights weights) {
        this.dataSource = dataSource;
        this.weights = weights;
    }

    List<Row> pairs(List<Long> requestIds) {
        List<Row> out = new ArrayList<>();
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
                    out.add(new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4), r.getBigDecimal(5), r.getBigDecimal(6),
                            r.getBigDecimal(7), r.getBigDecimal(8), r.getBigDecimal(9), r.getBigDecimal(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Finding the candidates of a backlog of " + requestIds.size() + " requests failed", e);
        }
        return out;
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
