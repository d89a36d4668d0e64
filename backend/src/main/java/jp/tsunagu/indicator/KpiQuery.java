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
                  String cursor, Integer limit, String indicator, OffsetDateTime watermark) {

        Filter(String plan, String node, Integer fromYear, Integer toYear, OffsetDateTime updatedSince,
               String cursor, Integer limit, String indicator) {
            this(plan, node, fromYear, toYear, updatedSince, cursor, limit, indicator, null);
        }

        /** The pull's watermark, carried by its cursors ({@link KpiQuery#watermark}). */
        Filter withWatermark(OffsetDateTime at) {
            return new Filter(plan, node, fromYear, toYear, updatedSince, cursor, limit, indicator, at);
        }
    }

    /**
     * Receives rows; returns false to stop. The cursor after a row is encoded only when asked for (a page needs its
     * last row's, so encoding every row's would be wasted work on the hot path).
     */
    interface Sink {
        boolean accept(KpiRow row, java.util.function.Supplier<String> cursor);
    }

    private record NodeInfo(long id, Long parentId, String code, String title, long planId, OffsetDateTime changed) {
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

        /** The cursor after this row; it carries the pull's watermark, so that every page answers the first page's. */
        String encode(OffsetDateTime watermark) {
            return PageCursor.encodeParts(code, option, year, watermark == null ? "" : watermark.toString());
        }

        static Position decode(String cursor) {
            String[] parts = cursorParts(cursor);
            try {
                return new Position(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "カーソルが正しくありません");
            }
        }

        /** Code, option, year and (since the watermark came) the watermark; cursors of before are still read. */
        static String[] cursorParts(String cursor) {
            String[] parts = PageCursor.decode(cursor).split("\n", -1);
            if (parts.length != 3 && parts.length != 4) {
                throw ProblemException.invalid("cursor", "カーソルが正しくありません");
            }
            return parts;
        }
    }

    /** A row that went away, as {@code kpi_tombstone} keeps it. */
    private record Tombstone(Position position, KpiRow row) {
    }

    private final AgroalDataSource dataSource;

    KpiQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A validator for the data a pull would see: changes whenever an indicator, node or plan in the pull's scope does,
     * or a row is buried. Every write of a value or an option stamps its indicator's figures_changed_at (V20), and the
     * stamps of one indicator only grow, so the sum of the stamps changes with any write in the scope (a maximum would
     * not: a transaction that stamps earlier may commit later), and counts catch deletions (a row buried always comes
     * with such a change; the newest tombstone is there as well, an index lookup). It reads indicators, nodes
     * and plans, never the values, so a full pull's validator costs a scan of the indicators, and a single-indicator
     * read's a few index lookups.
     */
    String etag(Filter filter, String representation) {
        return state(filter, representation).etag();
    }

    /** A pull's validator ({@link #etag}) and where its watermark lies ({@link #watermark}), read by one statement. */
    record State(String etag, OffsetDateTime watermark) {
    }

    State state(Filter filter, String representation) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(etagSql(scopeConditions(filter), filter.updatedSince() != null))) {
            int index = bindScope(s, filter, 1);
            if (filter.updatedSince() != null) {
                for (int k = 0; k < 4; k++) {
                    s.setObject(index++, filter.updatedSince());
                }
            }
            StringBuilder state = new StringBuilder(representation).append('|').append(filter);
            OffsetDateTime watermark;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 1; i <= 6; i++) {
                    state.append('|').append(rs.getString(i));
                }
                watermark = rs.getObject(7, OffsetDateTime.class);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return new State("\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"", watermark);
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * With updatedSince ({@code changedSince}), a pull sees only what changed since then, so only that is read, by the
     * stamps' indexes: the indicators in scope, nodes and plans stamped since, and the newest tombstone. A further change
     * either stamps one of them again (the sum grows) or brings one in (the count grows).
     */
    private static String etagSql(String scope, boolean changedSince) {
        String since = changedSince ? " and i.figures_changed_at > ?" : "";
        String nodes = changedSince ? "figures_changed_at > ?" : "plan_id in (select plan_id from plans)";
        String plans = changedSince ? "figures_changed_at > ?" : "id in (select plan_id from plans)";
        return """
                with scope as (select i.id, i.figures_changed_at, n.plan_id from indicator i join plan_node n on n.id = i.node_id
                               join plan p on p.id = n.plan_id where true%s%s),
                     plans as (select distinct plan_id from scope)
                select (select count(*) from scope), (select sum(extract(epoch from figures_changed_at)) from scope),
                       (select count(*) from plan_node where %s),
                       (select sum(extract(epoch from figures_changed_at)) from plan_node where %s),
                       (select sum(extract(epoch from figures_changed_at)) from plan where %s),
                       (select max(id) from kpi_tombstone), %s""".formatted(scope, since, nodes, nodes, plans, WATERMARK);
    }

    private static final String PLAN_SCOPE = " and p.code = ?";
    private static final String INDICATOR_SCOPE = " and i.code = ?";

    /*
     * The statements of a single-indicator read (GET /api/v1/kpis?indicator=…), built by the same methods as every
     * pull's: bench/run.sh reads them from the built jar (bench/lib.sh api_statement) for its pgbench baseline, so the
     * baseline runs exactly what the API sends. ROWS is a full pull's.
     */
    private static final String ETAG_OF_INDICATOR = etagSql(INDICATOR_SCOPE, false);
    private static final String NODES_OF_INDICATOR = nodesSql(false, INDICATOR_SCOPE);
    private static final String ROWS_OF_INDICATOR = rowsSql(INDICATOR_SCOPE, false);
    private static final String ROWS = rowsSql("", false);

    /** The plan and indicator filters as SQL (only those given, so that PostgreSQL can plan and cache each shape). */
    private static String scopeConditions(Filter filter) {
        return (filter.plan() != null ? PLAN_SCOPE : "") + (filter.indicator() != null ? INDICATOR_SCOPE : "");
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

    /**
     * The nodes the pull's rows need for their paths: every node, a plan's, or an indicator's path. A node filter
     * (which comes with a plan) looks for its node among all of the plan's, even when an indicator is given too.
     */
    private static Map<Long, NodeInfo> nodes(Connection c, Filter filter) throws SQLException {
        Map<Long, NodeInfo> nodes = new HashMap<>();
        boolean byPlan = filter.plan() != null && (filter.indicator() == null || filter.node() != null);
        String scope = filter.indicator() == null && filter.plan() == null ? null : byPlan ? PLAN_SCOPE : scopeConditions(filter);
        try (PreparedStatement s = c.prepareStatement(nodesSql(byPlan, scope))) {
            if (byPlan) {
                s.setString(1, filter.plan());
            } else {
                bindScope(s, filter, 1);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    nodes.put(rs.getLong(1), new NodeInfo(rs.getLong(1), rs.wasNull() ? null : parent, rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return nodes;
    }

    /**
     * All nodes ({@code scope} null), a plan's ({@code byPlan}), or, for an indicator, the nodes on its path (its node
     * and their ancestors: all that its rows' paths and stamps need, a few rows where its plan has hundreds).
     */
    private static String nodesSql(boolean byPlan, String scope) {
        String columns = "select n.id, n.parent_id, n.code, n.title, n.plan_id, n.figures_changed_at from plan_node n";
        if (scope == null) {
            return columns;
        }
        if (byPlan) {
            return columns + " join plan p on p.id = n.plan_id where p.code = ?";
        }
        return "with recursive path as (" + columns + " where n.id in "
                + "(select i.node_id from indicator i join plan_node n2 on n2.id = i.node_id join plan p on p.id = n2.plan_id where true"
                + scope + ") union " + columns + " join path on n.id = path.parent_id) select * from path";
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
        OffsetDateTime since = filter.updatedSince();
        String sql = rowsSql(scopeConditions(filter), since != null);
        Graveyard graveyard = since == null ? Graveyard.EMPTY : new Graveyard(tombstones(c, filter, after));
        Long[] changed = since == null ? null : changedIndicators(c, since);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(2000);
            s.setString(1, after == null ? "" : after.code());
            int index = bindScope(s, filter, 2);
            if (changed != null) {
                s.setArray(index, c.createArrayOf("bigint", changed));
            }
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
                        if (series != null && !series.emit(filter, after, nodes, graveyard, sink)) {
                            return;
                        }
                        series = new Series(rs, nodeId, option);
                    }
                    series.add(rs);
                }
                if (series != null && !series.emit(filter, after, nodes, graveyard, sink)) {
                    return;
                }
                graveyard.before(null, filter.watermark(), sink);
            }
        }
    }

    /**
     * The rows of the indicators in scope after the cursor's indicator code; with updatedSince ({@code changedOnly}),
     * only those of the indicators {@link #changedIndicators} found, by their ids.
     */
    private static String rowsSql(String scope, boolean changedOnly) {
        return """
                select i.id, i.code, i.name, i.unit, i.direction, i.figures_changed_at, i.node_id,
                       p.code, p.title, p.grade_a, p.grade_b, p.grade_c,
                       o.name, coalesce(o.position, -1) as opos, v.fiscal_year, v.kind, v.value, v.marker, p.figures_changed_at,
                       i.not_set, i.not_set_reason, p.period_start, p.period_end
                from indicator i
                join plan_node n on n.id = i.node_id
                join plan p on p.id = n.plan_id
                left join indicator_value v on v.indicator_id = i.id
                left join indicator_option o on o.id = v.option_id
                where i.code >= ?%s%s
                order by i.code, opos, v.fiscal_year""".formatted(scope, changedOnly ? " and i.id = any (?)" : "");
    }

    /**
     * The indicators whose figures may have changed since then: their own (a value, an option, the indicator), their
     * plan's (bands, period, title) or a node's of their plan (a title on the path). Found by the stamps' indexes first,
     * so that a pull of a few changes among many reads only those few, each by its id. The exact test per row follows
     * in Series.emit. (Read in the pull's transaction before the rows: a change committed in between carries a stamp
     * after the pull's watermark, so the next pull has it.)
     */
    private static Long[] changedIndicators(Connection c, OffsetDateTime since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CHANGED_INDICATORS)) {
            for (int k = 1; k <= 3; k++) {
                s.setObject(k, since);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.toArray(Long[]::new);
        }
    }

    private static final String CHANGED_INDICATORS = """
            select id from indicator where figures_changed_at > ?
            union
            select i.id from indicator i join plan_node n on n.id = i.node_id
            where n.plan_id in (select id from plan where figures_changed_at > ? union select plan_id from plan_node where figures_changed_at > ?)""";

    /**
     * The tombstones a pull with updatedSince owes: rows gone since then, in the pull's scope and after its cursor, in
     * the order of the rows (the latest burial of each key).
     */
    private static List<Tombstone> tombstones(Connection c, Filter filter, Position after) throws SQLException {
        String sql = """
                select distinct on (indicator_code, option_position, fiscal_year)
                       plan_code, plan_title, node_codes, node_path, indicator_code, indicator_name, unit, direction,
                       option_name, option_position, fiscal_year, gone_at
                from kpi_tombstone
                where gone_at > ?
                  and (cast(? as varchar) is null or plan_code = ?)
                  and (cast(? as varchar) is null or indicator_code = ?)
                  and (cast(? as varchar) is null or ? = any (node_codes))
                  and (cast(? as integer) is null or fiscal_year >= ?)
                  and (cast(? as integer) is null or fiscal_year <= ?)
                  and indicator_code >= ?
                order by indicator_code, option_position, fiscal_year, gone_at desc""";
        List<Tombstone> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int k = 1;
            s.setObject(k++, filter.updatedSince());
            for (Object v : new Object[] {filter.plan(), filter.indicator(), Strings.strippedOrNull(filter.node())}) {
                s.setString(k++, (String) v);
                s.setString(k++, (String) v);
            }
            for (Integer v : new Integer[] {filter.fromYear(), filter.toYear()}) {
                s.setObject(k++, v, java.sql.Types.INTEGER);
                s.setObject(k++, v, java.sql.Types.INTEGER);
            }
            s.setString(k, after == null ? "" : after.code());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Position position = new Position(rs.getString(5), rs.getInt(10), rs.getInt(11));
                    if (after != null && position.compareTo(after) <= 0) {
                        continue;
                    }
                    String direction = rs.getString(8);
                    KpiRow row = new KpiRow(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            direction == null ? Direction.INCREASE : Direction.valueOf(direction), rs.getString(9), rs.getInt(11),
                            null, null, null, null, null, null, null, null, null, null, null, null, false, null,
                            rs.getObject(12, OffsetDateTime.class), true);
                    out.add(new Tombstone(position, row));
                }
            }
        }
        return out;
    }

    /**
     * Tombstones merged into the stream of live rows by position: those before a live row are written before it, and
     * one at the very position of a live row is dropped (the row came back, and is there in full if it changed).
     */
    private static final class Graveyard {
        static final Graveyard EMPTY = new Graveyard(List.of());
        private final List<Tombstone> tombstones;
        private int next;

        Graveyard(List<Tombstone> tombstones) {
            this.tombstones = tombstones;
        }

        /** Writes the tombstones before {@code live} (all that are left when null); false when the sink wants no more. */
        boolean before(Position live, OffsetDateTime watermark, Sink sink) {
            while (next < tombstones.size()) {
                Tombstone t = tombstones.get(next);
                int c = live == null ? -1 : t.position().compareTo(live);
                if (c > 0) {
                    return true;
                }
                next++;
                if (c < 0 && !sink.accept(t.row(), () -> t.position().encode(watermark))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Where a pull's updatedSince for the next pull lies: every change committed after this moment will be seen by a
     * pull that starts then. It is the start of the oldest transaction that has written and not yet ended (its
     * changes carry later times, but are not visible yet), else now; read before the pull's own snapshot, by the
     * database's clock, with the validator ({@link #state}). Pages of one pull carry the first page's in their cursor.
     */
    OffsetDateTime watermark(Filter filter, State state) {
        if (filter.cursor() != null && !filter.cursor().isBlank()) {
            String[] parts = Position.cursorParts(filter.cursor());
            if (parts.length == 4 && !parts[3].isEmpty()) {
                try {
                    return OffsetDateTime.parse(parts[3]);
                } catch (java.time.format.DateTimeParseException e) {
                    throw ProblemException.invalid("cursor", "カーソルが正しくありません");
                }
            }
        }
        return state.watermark();
    }

    /** The watermark's expression: the oldest writing transaction's start, or now, less a microsecond. */
    private static final String WATERMARK = """
            least(clock_timestamp(), (select min(xact_start) from pg_stat_activity
                                      where backend_xid is not null and pid <> pg_backend_pid())) - interval '1 microsecond'""";

    /** Forgets tombstones older than the retention; a pull asking for changes from before then must pull in full. */
    void forgetTombstonesBefore(OffsetDateTime limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("delete from kpi_tombstone where gone_at < ?")) {
            s.setObject(1, limit);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored values of one indicator and option, gathered while reading. */
    private static final class Series {
        final long indicatorId;
        final String code;
        final String name;
        final String unit;
        final Direction direction;
        /** The later of the indicator's figures and the plan's (bands, period, title). */
        final OffsetDateTime figuresChanged;
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

        Series(ResultSet rs, long nodeId, int option) throws SQLException {
            this.indicatorId = rs.getLong(1);
            this.code = rs.getString(2);
            this.name = rs.getString(3);
            this.unit = rs.getString(4);
            this.direction = rs.getString(5) == null ? Direction.INCREASE : Direction.valueOf(rs.getString(5));
            this.figuresChanged = later(rs.getObject(6, OffsetDateTime.class), rs.getObject(19, OffsetDateTime.class));
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
        }

        boolean emit(Filter filter, Position after, Map<Long, NodeInfo> nodes, Graveyard graveyard, Sink sink) {
            List<String> codes = new ArrayList<>();
            List<String> path = new ArrayList<>();
            // Every figure of the series depends on all its values (baseline, targets in force, the previous year,
            // the trend), so each row changed when the series, the plan or a node on the path did.
            OffsetDateTime at = figuresChanged;
            for (NodeInfo n = nodes.get(nodeId); n != null && codes.size() < 32; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
                codes.add(0, n.code());
                path.add(0, n.code() + " " + n.title());
                at = later(at, n.changed());
            }
            String nodePath = String.join(" > ", path);
            for (Achievement.Row r : rows()) {
                Position position = new Position(code, option, r.fiscalYear());
                if (!graveyard.before(position, filter.watermark(), sink)) {
                    return false;
                }
                if (after != null && position.compareTo(after) <= 0) {
                    continue;
                }
                if ((filter.fromYear() != null && r.fiscalYear() < filter.fromYear())
                        || (filter.toYear() != null && r.fiscalYear() > filter.toYear())) {
                    continue;
                }
                if (filter.updatedSince() != null && !at.isAfter(filter.updatedSince())) {
                    continue;
                }
                KpiRow row = new KpiRow(planCode, planTitle, codes, nodePath, code, name, unit, direction, optionName,
                        r.fiscalYear(), r.baseline(), r.baselineYear(), r.target(), r.targetMarker(), r.targetInForce(),
                        r.actual(), r.actualMarker(), r.achievementRate(), r.grade(), r.changeFromPrevious(), r.projected(),
                        r.onTrack(), notSet, notSetReason, at, false);
                if (!sink.accept(row, () -> position.encode(filter.watermark()))) {
                    return false;
                }
            }
            return true;
        }

        private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
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
