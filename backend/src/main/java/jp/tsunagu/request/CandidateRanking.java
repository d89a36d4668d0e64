package jp.tsunagu.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.access.Access;
import jp.tsunagu.shared.ProblemException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The candidates for a support request, ranked: the {@link CandidateList} document as PostgreSQL writes it.
 *
 * <p>Ranking is the busiest read of a coordinator's day, so it is one statement on an auto-commit connection: the
 * request (only if the caller may see the recipient's area), the scope, the offers, the filters, the score parts and
 * the weighted score, the audit row of the read, the entry in the request's story, and the JSON, with no transaction around it and no row crossing
 * into Java one at a time. The statement is atomic on its own: either the audit row and the answer both happen, or
 * neither does. Reading the candidates changes nothing about the request: 受付 → 調整中 is the coordinator's own step
 * ({@code POST /support-requests/{id}/start-matching}).
 *
 * <p>The weights are configuration ({@link MatchingWeights}, {@code tsunagu.matching.weight.*}); the answer repeats them. Parts are rounded
 * to 3 decimals half up, then weighted and summed, and the score is rounded to 3 decimals half up; numbers leave
 * without trailing zeros, as {@code JsonNumbers} writes them elsewhere.
 */
@ApplicationScoped
class CandidateRanking {

    private final AgroalDataSource dataSource;
    private final BigDecimal[] weights;
    private final String weightsJson;

    CandidateRanking(AgroalDataSource dataSource, ObjectMapper json, MatchingWeights configured) throws JsonProcessingException {
        this.dataSource = dataSource;
        BigDecimal distance = configured.distance();
        BigDecimal availability = configured.availability();
        BigDecimal load = configured.load();
        BigDecimal continuity = configured.continuity();
        BigDecimal fairness = configured.fairness();
        this.weights = new BigDecimal[] {distance, availability, load, continuity, fairness};
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        named.put("distance", distance);
        named.put("availability", availability);
        named.put("load", load);
        named.put("continuity", continuity);
        named.put("fairness", fairness);
        this.weightsJson = json.writeValueAsString(named);
    }

    /** The {@link CandidateList} of the request as UTF-8 JSON; 404 if there is no such request or the caller may not see it. */
    byte[] rank(long requestId, Access access) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(CANDIDATES)) {
            int p = 0;
            st.setLong(++p, requestId);
            st.setArray(++p, access.areaIds() == null ? null : connection.createArrayOf("bigint", access.areaIds().toArray()));
            st.setString(++p, access.actor());
            st.setString(++p, access.ip());
            for (BigDecimal w : weights) {
                st.setBigDecimal(++p, w);
            }
            st.setString(++p, weightsJson);
            try (ResultSet r = st.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.notFound("request-not-found", "相談 " + requestId + " はありません。");
                }
                return r.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Ranking the candidates of request " + requestId + " failed", e);
        }
    }

    /**
     * The request (only if the caller may see the recipient's area); the school district above the recipient's area;
     * the scope (the district and its siblings under the same parent, each with everything below); the offers there
     * that overlap the requested time (supporter_offer); the supporters' filters; continuity with the recipient;
     * assignments in the last 90 days; the parts and the score; and, as a data-modifying part of the same statement,
     * the audit row of this read. One row (the document), or none.
     */
    private static final String CANDIDATES = """
            with recursive
            arg as (select cast(? as bigint) as request, cast(? as bigint[]) as visible, cast(? as text) as actor, cast(? as text) as ip,
                           cast(? as numeric) as w_distance, cast(? as numeric) as w_availability, cast(? as numeric) as w_load,
                           cast(? as numeric) as w_continuity, cast(? as numeric) as w_fairness, cast(? as json) as weights),
            req as (
                select q.id, q.recipient_id, q.category_id, coalesce(q.weekly_day, extract(isodow from q.requested_date)::int) as dow,
                       q.start_time, q.end_time, q.payment, c.requires_vehicle, h.id as home_id, h.kind as home_kind,
                       extract(epoch from q.end_time) - extract(epoch from q.start_time) as wanted
                from arg
                join support_request q on q.id = arg.request
                join support_category c on c.id = q.category_id
                join recipient p on p.id = q.recipient_id
                join area h on h.id = p.area_id
                where arg.visible is null or h.id = any(arg.visible)),
            up (id, kind, parent_id, depth) as (
                select h.id, h.kind, h.parent_id, 0 from req join area h on h.id = req.home_id
                union all
                select a.id, a.kind, a.parent_id, up.depth + 1 from up join area a on a.id = up.parent_id
                where up.kind = 'NEIGHBOURHOOD' and up.depth < 32),
            district as (
                select id, parent_id from up where kind <> 'NEIGHBOURHOOD' or parent_id is null order by depth limit 1),
            scope (id, branch) as (
                select a.id, a.id from district d join area a on a.id = d.id or a.parent_id = d.parent_id
                union all
                select c.id, s.branch from area c join scope s on c.parent_id = s.id),
            offer as (
                select o.supporter_id,
                       max(least(extract(epoch from o.end_time), extract(epoch from req.end_time))
                           - greatest(extract(epoch from o.start_time), extract(epoch from req.start_time))) as overlap
                from req join supporter_offer o on o.category_id = req.category_id and o.day_of_week = req.dow
                where o.area_id = any(array(select id from scope))
                  and o.start_time < req.end_time and o.end_time > req.start_time
                group by o.supporter_id),
            helped as materialized (
                select distinct x.supporter_id from req join support_request y on y.recipient_id = req.recipient_id
                join assignment x on x.request_id = y.id where x.status in ('ACCEPTED', 'COMPLETED')),
            cand as materialized (
                select s.id, s.name, s.capacity, s.open_assignments, s.has_vehicle, g.name as group_name,
                       ar.code, ar.name as area_name, ar.kind,
                       case when s.area_id = req.home_id and req.home_kind = 'NEIGHBOURHOOD' then 1
                            when exists (select 1 from scope sc where sc.id = s.area_id and sc.branch = (select id from district)) then 0.7
                            else 0.3 end as p_distance,
                       round(least(1, o.overlap / req.wanted), 3) as p_availability,
                       round(1 - s.open_assignments::numeric / s.capacity, 3) as p_load,
                       case when exists (select 1 from helped h where h.supporter_id = s.id) then 1 else 0 end as p_continuity,
                       round(1 / (1 + (select count(*) from assignment x
                                       where x.supporter_id = s.id and x.created_on >= japan_today() - 90)::numeric), 3) as p_fairness
                from req cross join offer o
                join supporter s on s.id = o.supporter_id
                join area ar on ar.id = s.area_id
                left join supporter_group g on g.id = s.group_id
                where s.active and s.open_assignments < s.capacity
                  and (not req.requires_vehicle or s.has_vehicle)
                  and (req.payment = 'EITHER' or g.payment = req.payment)),
            scored as (
                select c.*, round(arg.w_distance * c.p_distance + arg.w_availability * c.p_availability + arg.w_load * c.p_load
                                  + arg.w_continuity * c.p_continuity + arg.w_fairness * c.p_fairness, 3) as score
                from cand c cross join arg),
            logged as (
                insert into audit_log (actor, action, entity, entity_id, ip, detail)
                select arg.actor, 'READ', 'SUPPORTER', null, arg.ip, '相談 ' || req.id || ' の候補 ' || (select count(*) from cand) || ' 人'
                from arg cross join req returning id),
            told as (
                insert into request_event (request_id, actor, kind, detail)
                select req.id, arg.actor, 'CANDIDATES_VIEWED', '候補 ' || (select count(*) from cand) || ' 人'
                from arg cross join req returning id)
            select row_to_json(doc) from (
                select req.id as "requestId", arg.weights, coalesce((
                    select json_agg(row_to_json(item) order by item.score desc, item."supporterId")
                    from (select c.id as "supporterId", c.name, c.group_name as "groupName",
                                 (select row_to_json(a) from (select c.code, c.area_name as name, c.kind) a) as area,
                                 trim_scale(c.score) as score,
                                 (select row_to_json(p) from (select trim_scale(c.p_distance) as distance,
                                                                     trim_scale(c.p_availability) as availability,
                                                                     trim_scale(c.p_load) as load,
                                                                     trim_scale(c.p_continuity) as continuity,
                                                                     trim_scale(c.p_fairness) as fairness) p) as parts,
                                 c.open_assignments as "openAssignments", c.capacity, c.has_vehicle as "hasVehicle"
                          from scored c) item), '[]') as items
                from req cross join arg) doc""";
}
