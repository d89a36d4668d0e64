package jp.tsunagu.indicator;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.shared.PageCursor;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.ProblemException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams KPI rows straight from PostgreSQL (a server-side cursor), one indicator series at a time,
 * so memory stays flat whatever the row count. Order: indicator code, option position (total first),
 * fiscal year — stable, and the cursor is the last row's position in it.
 */
@ApplicationScoped
class KpiQuery {

    /** Filters of a pull. */
    record Filter(String plan, String node, Integer fromYear, Integer toYear, OffsetDateTime updatedSince,
                  String cursor, Integer limit, String indicator) {
    }

    /** Receives rows; returns false to stop. */
    interface Sink {
        boolean accept(KpiRow row, String cursor);
    }

    private record NodeInfo(long id, Long parentId, String code, String title, long planId) {
    }

    private record Position(String code, int option, int year) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = code.compareTo(o.code);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(option, o.option);
            return c != 0 ? c : Integer.compare(year, o.year);
        }

        String encode() {
            return PageCursor.encodeParts(code, option, year);
        }

        static Position decode(String cursor) {
            String[] parts = PageCursor.decodeParts(cursor, 3);
            try {
                return new Position(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "カーソルが正しくありません");
            }
        }
    }

    private final AgroalDataSource dataSource;

    KpiQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A validator for the data a pull would see: changes whenever a value, indicator, node or plan in
     * the pull's scope does (counts catch deletions). Aggregated once per scope, so a single-indicator
     * read costs a few index lookups.
     */
    String etag(Filter filter, String representation) {
        String sql = """
                with scope as (select i.id, i.updated_at, n.plan_id from indicator i join plan_node n on n.id = i.node_id
                               join plan p on p.id = n.plan_id where true %s),
                     plans as (select distinct plan_id from scope),
                     vals as (select count(*) c, max(v.updated_at) m from indicator_value v where v.indicator_id in (select id from scope)),
                     nodes as (select count(*) c, max(updated_at) m from plan_node where plan_id in (select plan_id from plans))
                select vals.c, vals.m, (select count(*) from scope), (select max(updated_at) from scope),
                       (select max(updated_at) from plan where id in (select plan_id from plans)), nodes.c, nodes.m
                from vals, nodes""".formatted(scopeConditions(filter));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bindScope(s, filter, 1);
            StringBuilder state = new StringBuilder(representation).append('|').append(filter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 1; i <= 7; i++) {
                    state.append('|').append(rs.getString(i));
                }
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan and indicator filters as SQL (only those given, so that PostgreSQL can plan and cache each shape). */
    private static String scopeConditions(Filter filter) {
        return (filter.plan() != null ? " and p.code = ?" : "") + (filter.indicator() != null ? " and i.code = ?" : "");
    }

    private static int bindScope(PreparedStatement s, Filter filter, int index) throws SQLException {
        if (filter.plan() != null) {
            s.setString(index++, filter.plan());
        }
        if (filter.indicator() != null) {
            s.setString(index++, filter.indicator());
        }
        return index;
    }

    /** Checks the filter before anything is streamed, so that bad input answers a problem, not a broken body. */
    void validate(Filter filter) {
        if (filter.cursor() != null && !filter.cursor().isBlank()) {
            Position.decode(filter.cursor());
        }
        if (filter.node() != null) {
            try (Connection c = dataSource.getConnection()) {
                nodeFilter(nodes(c, filter), filter);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** With no actuals yet: the latest year of the plan's period that has begun (its first year before it starts). */
    int defaultYear(String plan) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select period_start, period_end from plan where code = ?")) {
            s.setString(1, plan);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("plan-not-found", "計画 " + plan + " はありません。");
                }
                int now = jp.tsunagu.shared.FiscalYears.current();
                return Math.max(rs.getInt(1), Math.min(rs.getInt(2), now));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void stream(Filter filter, Sink sink) {
        Position after = Strings.strippedOrNull(filter.cursor()) == null ? null : Position.decode(filter.cursor());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                Map<Long, NodeInfo> nodes = nodes(c, filter);
                Set<Long> nodeFilter = nodeFilter(nodes, filter);
                run(c, filter, after, nodes, nodeFilter, sink);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nodes of the plans in the pull's scope (for paths). */
    private static Map<Long, NodeInfo> nodes(Connection c, Filter filter) throws SQLException {
        Map<Long, NodeInfo> nodes = new HashMap<>();
        String sql = "select n.id, n.parent_id, n.code, n.title, n.plan_id from plan_node n where n.plan_id in "
                + "(select n2.plan_id from indicator i join plan_node n2 on n2.id = i.node_id join plan p on p.id = n2.plan_id where true"
                + scopeConditions(filter) + ")";
        if (filter.indicator() == null && filter.plan() != null) {
            sql = "select n.id, n.parent_id, n.code, n.title, n.plan_id from plan_node n join plan p on p.id = n.plan_id where p.code = ?";
        } else if (filter.indicator() == null) {
            sql = "select n.id, n.parent_id, n.code, n.title, n.plan_id from plan_node n";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindScope(s, filter, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    nodes.put(rs.getLong(1), new NodeInfo(rs.getLong(1), rs.wasNull() ? null : parent, rs.getString(3),
                            rs.getString(4), rs.getLong(5)));
                }
            }
        }
        return nodes;
    }

    private static Set<Long> nodeFilter(Map<Long, NodeInfo> nodes, Filter filter) {
        if (Strings.absent(filter.node())) {
            return null;
        }
        if (filter.plan() == null) {
            throw ProblemException.invalid("node", "node を指定するときは plan も指定してください");
        }
        NodeInfo root = nodes.values().stream().filter(n -> n.code().equals(filter.node())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("node-not-found", "計画 " + filter.plan() + " に項目 " + filter.node() + " はありません。"));
        Map<Long, List<Long>> children = new HashMap<>();
        nodes.values().forEach(n -> {
            if (n.parentId() != null) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
            }
        });
        Set<Long> out = new HashSet<>();
        List<Long> queue = new ArrayList<>(List.of(root.id()));
        for (int i = 0; i < queue.size(); i++) {
            out.add(queue.get(i));
            queue.addAll(children.getOrDefault(queue.get(i), List.of()));
        }
        return out;
    }

    private void run(Connection c, Filter filter, Position after, Map<Long, NodeInfo> nodes, Set<Long> nodeFilter, Sink sink)
            throws SQLException {
        String sql = """
                select i.id, i.code, i.name, i.unit, i.direction, i.updated_at, i.node_id,
                       p.code, p.title, p.grade_a, p.grade_b, p.grade_c,
                       o.name, coalesce(o.position, -1) as opos, v.fiscal_year, v.kind, v.value, v.marker, v.updated_at,
                       i.not_set, i.not_set_reason, p.period_start, p.period_end
                from indicator i
                join plan_node n on n.id = i.node_id
                join plan p on p.id = n.plan_id
                left join indicator_value v on v.indicator_id = i.id
                left join indicator_option o on o.id = v.option_id
                where i.code >= ? %s
                order by i.code, opos, v.fiscal_year""".formatted(scopeConditions(filter));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(2000);
            s.setString(1, after == null ? "" : after.code());
            bindScope(s, filter, 2);
            try (ResultSet rs = s.executeQuery()) {
                Series series = null;
                while (rs.next()) {
                    long nodeId = rs.getLong(7);
                    if (nodeFilter != null && !nodeFilter.contains(nodeId)) {
                        continue;
                    }
                    long indicatorId = rs.getLong(1);
                    int option = rs.getInt(14);
                    if (series == null || series.indicatorId != indicatorId || series.option != option) {
                        if (series != null && !series.emit(filter, after, nodes, sink)) {
                            return;
                        }
                        series = new Series(rs, nodeId, option);
                    }
                    series.add(rs);
                }
                if (series != null) {
                    series.emit(filter, after, nodes, sink);
                }
            }
        }
    }

    /** The stored values of one indicator and option, gathered while reading. */
    private static final class Series {
        final long indicatorId;
        final String code;
        final String name;
        final String unit;
        final Direction direction;
        final OffsetDateTime indicatorUpdated;
        final long nodeId;
        final String planCode;
        final String planTitle;
        final Achievement.Thresholds thresholds;
        final String optionName;
        final int option;
        final boolean notSet;
        final String notSetReason;
        final int periodStart;
        final int periodEnd;
        final List<Achievement.Point> points = new ArrayList<>();
        final Map<Integer, OffsetDateTime> updated = new HashMap<>();

        Series(ResultSet rs, long nodeId, int option) throws SQLException {
            this.indicatorId = rs.getLong(1);
            this.code = rs.getString(2);
            this.name = rs.getString(3);
            this.unit = rs.getString(4);
            this.direction = rs.getString(5) == null ? Direction.INCREASE : Direction.valueOf(rs.getString(5));
            this.indicatorUpdated = rs.getObject(6, OffsetDateTime.class);
            this.nodeId = nodeId;
            this.planCode = rs.getString(8);
            this.planTitle = rs.getString(9);
            this.thresholds = new Achievement.Thresholds(rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12));
            this.optionName = rs.getString(13);
            this.option = option;
            this.notSet = rs.getBoolean(20);
            this.notSetReason = rs.getString(21);
            this.periodStart = rs.getInt(22);
            this.periodEnd = rs.getInt(23);
        }

        void add(ResultSet rs) throws SQLException {
            int year = rs.getInt(15);
            if (rs.wasNull()) {
                return; // an indicator with no values yet (left join)
            }
            String marker = rs.getString(18);
            BigDecimal value = rs.getBigDecimal(17);
            points.add(new Achievement.Point(year, ValueKind.valueOf(rs.getString(16)),
                    value == null ? null : value.stripTrailingZeros(), marker == null ? null : Marker.valueOf(marker)));
            OffsetDateTime at = rs.getObject(19, OffsetDateTime.class);
            updated.merge(year, at, (a, b) -> a.isAfter(b) ? a : b);
        }

        boolean emit(Filter filter, Position after, Map<Long, NodeInfo> nodes, Sink sink) {
            List<String> codes = new ArrayList<>();
            List<String> path = new ArrayList<>();
            for (NodeInfo n = nodes.get(nodeId); n != null && codes.size() < 32; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
                codes.add(0, n.code());
                path.add(0, n.code() + " " + n.title());
            }
            String nodePath = String.join(" > ", path);
            for (Achievement.Row r : rows()) {
                Position position = new Position(code, option, r.fiscalYear());
                if (after != null && position.compareTo(after) <= 0) {
                    continue;
                }
                if ((filter.fromYear() != null && r.fiscalYear() < filter.fromYear())
                        || (filter.toYear() != null && r.fiscalYear() > filter.toYear())) {
                    continue;
                }
                OffsetDateTime at = updated.getOrDefault(r.fiscalYear(), indicatorUpdated);
                if (indicatorUpdated.isAfter(at)) {
                    at = indicatorUpdated;
                }
                if (filter.updatedSince() != null && !at.isAfter(filter.updatedSince())) {
                    continue;
                }
                KpiRow row = new KpiRow(planCode, planTitle, codes, nodePath, code, name, unit, direction, optionName,
                        r.fiscalYear(), r.baseline(), r.baselineYear(), r.target(), r.targetMarker(), r.targetInForce(),
                        r.actual(), r.actualMarker(), r.achievementRate(), r.grade(), r.changeFromPrevious(), r.projected(),
                        r.onTrack(), notSet, notSetReason, at);
                if (!sink.accept(row, position.encode())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The rows its values give; a 未設定 indicator also has a row for every year of its plan's period, so that it
         * is counted (as 未設定, apart from 未評価) instead of vanishing for want of values.
         */
        private List<Achievement.Row> rows() {
            List<Achievement.Row> rows = Achievement.rows(direction, thresholds, points);
            if (!notSet) {
                return rows;
            }
            java.util.TreeMap<Integer, Achievement.Row> byYear = new java.util.TreeMap<>();
            rows.forEach(r -> byYear.put(r.fiscalYear(), r));
            for (int year = periodStart; year <= periodEnd; year++) {
                byYear.putIfAbsent(year, new Achievement.Row(year, null, null, null, null, null, null, null, null, null, null, null, null, null));
            }
            return new ArrayList<>(byYear.values());
        }
    }
}
