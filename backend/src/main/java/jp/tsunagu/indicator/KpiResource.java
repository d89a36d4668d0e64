package jp.tsunagu.indicator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.security.Scopes;
import jp.tsunagu.shared.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The KPI API other systems pull: flat rows, JSON or CSV, streamed, cursor-paged, with ETags. */
@Path("/api/v1/kpis")
@Tag(name = "KPI", description = "連携システム向けの成果指標の一覧（JSON / CSV）")
@SecurityRequirement(name = "bearer")
public class KpiResource {

    static final String CSV = "text/csv";
    private static final String[] CSV_HEADER = {"plan_code", "plan_title", "node_codes", "node_path", "indicator_code",
            "indicator_name", "unit", "direction", "option", "fiscal_year", "baseline", "baseline_year", "target",
            "target_in_force", "actual", "achievement_rate", "grade", "change_from_previous", "projected", "on_track", "not_set", "not_set_reason", "updated_at", "deleted"};
    /** Where the next pull's updatedSince lies (also in the JSON body as nextUpdatedSince). */
    static final String NEXT_UPDATED_SINCE = "Next-Updated-Since";

    private final KpiQuery query;
    private final ObjectMapper mapper;
    private final IndicatorComparisonService comparisons;
    private final java.time.Duration tombstoneRetention;
    private final java.util.concurrent.atomic.AtomicLong lastForgetting = new java.util.concurrent.atomic.AtomicLong();

    KpiResource(KpiQuery query, ObjectMapper mapper, IndicatorComparisonService comparisons,
                @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tsunagu.kpi.tombstone-retention", defaultValue = "P90D")
                java.time.Duration tombstoneRetention) {
        this.query = query;
        this.mapper = mapper;
        this.comparisons = comparisons;
        this.tombstoneRetention = tombstoneRetention;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "listKpis", summary = "成果指標 × 年度 × 内訳 の行（基準値・目標・実績・達成率・評価）。JSON または CSV、カーソルでページ送り")
    @APIResponse(responseCode = "200", description = "KPI の行",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = NEXT_UPDATED_SINCE,
                    description = "次の差分取得で updatedSince に渡す日時（JSON では nextUpdatedSince）",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date-time")),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiPage.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "If-None-Match の ETag から変わっていません")
    @APIResponse(responseCode = "410", description = "updatedSince が削除の記録の保持期間（既定 90 日）より前です。全件を取得し直してください",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = jp.tsunagu.shared.Problem.class)))
    public Response listKpis(
            @Parameter(description = "計画コード", example = "kitakyushu-ikiiki2") @QueryParam("plan") String plan,
            @Parameter(description = "この項目とその下位（plan と併用）", example = "63") @QueryParam("node") String node,
            @Parameter(description = "指標コード") @QueryParam("indicator") String indicator,
            @Parameter(description = "この年度から", example = "2021") @QueryParam("fromYear") @Min(1989) @Max(2200) Integer fromYear,
            @Parameter(description = "この年度まで", example = "2026") @QueryParam("toYear") @Min(1989) @Max(2200) Integer toYear,
            @Parameter(description = "この日時より後に数値が変わった行と、なくなった行（deleted: true）だけ（ISO 8601）。前回の応答の nextUpdatedSince（ヘッダー Next-Updated-Since）を渡すと漏れがありません",
                    example = "2026-04-01T00:00:00+09:00") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "JSON の 1 ページの行数（既定 1000、最大 100000）。CSV は省略時すべて") @QueryParam("limit") @Min(1) @Max(100000) Integer limit,
            @Parameter(description = "csv で CSV を返す（Accept: text/csv と同じ）") @QueryParam("format") String format,
            @Parameter(description = "CSV の先頭に BOM を付ける（Excel 用）") @QueryParam("bom") boolean bom,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON));
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalid("format", "json または csv を指定してください");
        }
        OffsetDateTime since = jp.tsunagu.shared.QueryParams.dateTime("updatedSince", updatedSince);
        if (since != null && since.isAfter(OffsetDateTime.now().plusMinutes(5))) {
            throw ProblemException.invalid("updatedSince", "未来の日時は指定できません（前回の nextUpdatedSince を渡してください）");
        }
        Integer pageSize = csv ? limit : Integer.valueOf(limit == null ? 1000 : limit);
        KpiQuery.Filter filter = new KpiQuery.Filter(Strings.strippedOrNull(plan), Strings.strippedOrNull(node), fromYear, toYear, since, cursor, pageSize,
                Strings.strippedOrNull(indicator));
        query.validate(filter);
        KpiQuery.State state = query.state(filter, csv ? "csv" + bom : "json");
        String etag = state.etag();
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        KpiQuery.Filter pull = filter.withWatermark(query.watermark(filter, state));
        if (since != null) {
            OffsetDateTime kept = pull.watermark().minus(tombstoneRetention);
            if (since.isBefore(kept)) {
                throw new ProblemException(410, "sync-window-passed", "差分の取得期間を過ぎています",
                        "なくなった行の記録は " + tombstoneRetention.toDays() + " 日分です。updatedSince を付けずに全件を取得し直してください。", null);
            }
            forgetOldTombstones(kept);
        }
        StreamingOutput body = csv ? out -> writeCsv(pull, out, bom) : out -> writeJson(pull, out);
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header(NEXT_UPDATED_SINCE, pull.watermark().toString())
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("Vary", "Accept, Authorization")
                .build();
    }

    /** At most once a minute per replica: tombstones past the retention are deleted. */
    private void forgetOldTombstones(OffsetDateTime kept) {
        long now = System.currentTimeMillis();
        long last = lastForgetting.get();
        if (now - last > 60_000 && lastForgetting.compareAndSet(last, now)) {
            query.forgetTombstonesBefore(kept);
        }
    }

    private void writeJson(KpiQuery.Filter filter, java.io.OutputStream out) throws java.io.IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            // The response stream sends its buffer (64 KiB) whenever it fills; a flush at the end would make even a short
            // page a chunked response sent in two writes, where it can leave at once with its Content-Length.
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            int[] count = {0};
            var last = new java.util.concurrent.atomic.AtomicReference<java.util.function.Supplier<String>>();
            String[] next = {null};
            JsonSeries series = new JsonSeries();
            query.stream(filter, (row, position) -> {
                if (count[0] == filter.limit()) {
                    next[0] = last.get().get();
                    return false;
                }
                try {
                    writeRow(json, row, series);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                count[0]++;
                last.set(position);
                return true;
            });
            json.writeEndArray();
            json.writeStringField("nextCursor", next[0]);
            json.writeStringField("nextUpdatedSince", filter.watermark().toString());
            json.writeEndObject();
        }
    }

    /** The field names of a row, quoted and encoded once. */
    private static final SerializedString PLAN_CODE = new SerializedString("planCode"), PLAN_TITLE = new SerializedString("planTitle"),
            NODE_CODES = new SerializedString("nodeCodes"), NODE_PATH = new SerializedString("nodePath"),
            INDICATOR_CODE = new SerializedString("indicatorCode"), INDICATOR_NAME = new SerializedString("indicatorName"),
            UNIT = new SerializedString("unit"), DIRECTION = new SerializedString("direction"), OPTION = new SerializedString("option"),
            FISCAL_YEAR = new SerializedString("fiscalYear"), BASELINE = new SerializedString("baseline"),
            BASELINE_YEAR = new SerializedString("baselineYear"), TARGET = new SerializedString("target"),
            TARGET_MARKER = new SerializedString("targetMarker"), TARGET_IN_FORCE = new SerializedString("targetInForce"),
            ACTUAL = new SerializedString("actual"), ACTUAL_MARKER = new SerializedString("actualMarker"),
            ACHIEVEMENT_RATE = new SerializedString("achievementRate"), GRADE = new SerializedString("grade"),
            CHANGE_FROM_PREVIOUS = new SerializedString("changeFromPrevious"), PROJECTED = new SerializedString("projected"),
            ON_TRACK = new SerializedString("onTrack"), NOT_SET = new SerializedString("notSet"),
            NOT_SET_REASON = new SerializedString("notSetReason"), UPDATED_AT = new SerializedString("updatedAt"),
            DELETED = new SerializedString("deleted");

    /**
     * The texts that stay the same along one series (plan, path, indicator, option, the series' stamp), kept encoded
     * as Jackson's SerializedString: a series' rows repeat them, mostly Japanese, and encoding them once instead of
     * on every row is most of the cost of writing a row.
     */
    static final class JsonSeries {
        private static final int NODE_CODES_SLOT = 9;
        private final Object[] values = new Object[10];
        private final Object[] encoded = new Object[10];

        /** The slot's encoding of the value, made again only when the value differs from the slot's last one. */
        private Object encoded(int slot, Object value, java.util.function.Function<Object, Object> encode) {
            if (!value.equals(values[slot])) {
                values[slot] = value;
                encoded[slot] = encode.apply(value);
            }
            return encoded[slot];
        }

        /** A text (or a stamp, as its ISO text) in slot 0–8. */
        SerializedString text(int slot, Object value) {
            return value == null ? null : (SerializedString) encoded(slot, value, v -> new SerializedString(v.toString()));
        }

        @SuppressWarnings("unchecked")
        List<SerializedString> nodeCodes(List<String> codes) {
            return (List<SerializedString>) encoded(NODE_CODES_SLOT, codes,
                    v -> ((List<String>) v).stream().map(SerializedString::new).toList());
        }
    }

    /** One row, written field by field: the hot path of every pull, so no reflection. */
    static void writeRow(JsonGenerator g, KpiRow r, JsonSeries series) throws java.io.IOException {
        g.writeStartObject();
        text(g, PLAN_CODE, series.text(0, r.planCode()));
        text(g, PLAN_TITLE, series.text(1, r.planTitle()));
        g.writeFieldName(NODE_CODES);
        g.writeStartArray();
        for (SerializedString code : series.nodeCodes(r.nodeCodes())) {
            g.writeString(code);
        }
        g.writeEndArray();
        text(g, NODE_PATH, series.text(2, r.nodePath()));
        text(g, INDICATOR_CODE, series.text(3, r.indicatorCode()));
        text(g, INDICATOR_NAME, series.text(4, r.indicatorName()));
        text(g, UNIT, series.text(5, r.unit()));
        text(g, DIRECTION, series.text(6, r.direction().name()));
        text(g, OPTION, series.text(7, r.option()));
        g.writeFieldName(FISCAL_YEAR);
        g.writeNumber(r.fiscalYear());
        number(g, BASELINE, r.baseline());
        g.writeFieldName(BASELINE_YEAR);
        if (r.baselineYear() == null) {
            g.writeNull();
        } else {
            g.writeNumber(r.baselineYear());
        }
        number(g, TARGET, r.target());
        g.writeFieldName(TARGET_MARKER);
        g.writeString(r.targetMarker() == null ? null : r.targetMarker().name());
        number(g, TARGET_IN_FORCE, r.targetInForce());
        number(g, ACTUAL, r.actual());
        g.writeFieldName(ACTUAL_MARKER);
        g.writeString(r.actualMarker() == null ? null : r.actualMarker().name());
        number(g, ACHIEVEMENT_RATE, r.achievementRate());
        g.writeFieldName(GRADE);
        g.writeString(r.grade() == null ? null : r.grade().name());
        number(g, CHANGE_FROM_PREVIOUS, r.changeFromPrevious());
        number(g, PROJECTED, r.projected());
        g.writeFieldName(ON_TRACK);
        if (r.onTrack() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(r.onTrack());
        }
        g.writeFieldName(NOT_SET);
        g.writeBoolean(r.notSet());
        g.writeFieldName(NOT_SET_REASON);
        g.writeString(r.notSetReason());
        g.writeFieldName(UPDATED_AT);
        g.writeString(series.text(8, r.updatedAt()));
        g.writeFieldName(DELETED);
        g.writeBoolean(r.deleted());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializedString field, SerializedString value) throws java.io.IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void number(JsonGenerator g, SerializedString field, BigDecimal value) throws java.io.IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
        }
    }

    private void writeCsv(KpiQuery.Filter filter, java.io.OutputStream out, boolean bom) throws java.io.IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            w.write('\uFEFF');
        }
        w.write(String.join(",", CSV_HEADER));
        w.write("\r\n");
        int[] count = {0};
        CsvSeries series = new CsvSeries();
        query.stream(filter, (row, position) -> {
            if (filter.limit() != null && count[0] == filter.limit()) {
                return false;
            }
            try {
                csvRow(w, row, series);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            count[0]++;
            return true;
        });
        w.flush();
    }

    /** The cells that stay the same along one indicator and option, written once and reused. */
    private static final class CsvSeries {
        String indicator;
        String option;
        String prefix;
    }

    private static void csvRow(Writer w, KpiRow r, CsvSeries series) throws java.io.IOException {
        if (!r.indicatorCode().equals(series.indicator) || !java.util.Objects.equals(r.option(), series.option)) {
            StringBuilder prefix = new StringBuilder();
            Object[] fixed = {r.planCode(), r.planTitle(), String.join(">", r.nodeCodes()), r.nodePath(), r.indicatorCode(),
                    r.indicatorName(), r.unit(), r.direction(), r.option()};
            for (Object cell : fixed) {
                appendCell(prefix, cell);
                prefix.append(',');
            }
            series.indicator = r.indicatorCode();
            series.option = r.option();
            series.prefix = prefix.toString();
        }
        StringBuilder line = new StringBuilder(series.prefix.length() + 96).append(series.prefix);
        Object[] cells = {r.fiscalYear(), r.baseline(), r.baselineYear(),
                r.targetMarker() != null ? r.targetMarker().label() : r.target(), r.targetInForce(),
                r.actualMarker() != null ? r.actualMarker().label() : r.actual(), r.achievementRate(), r.grade(),
                r.changeFromPrevious(), r.projected(), r.onTrack(), r.notSet(), r.notSetReason(), r.updatedAt(), r.deleted()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCell(line, cells[i]);
        }
        w.append(line).append("\r\n");
    }

    private static void appendCell(StringBuilder out, Object cell) {
        if (cell == null) {
            return;
        }
        String text = cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }

    @GET
    @Path("/compare")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "compareKpis", summary = "共通の指標定義につながる各市の値・目標・達成率・評価（65 歳以上人口があれば 1 万人あたりも）")
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-problems", value = "404")
    public KpiComparison compareKpis(@Parameter(required = true, example = "sc-activities") @QueryParam("definition") String definition,
                                     @Parameter(required = true, example = "2022") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        return comparisons.compare(definition, fiscalYear);
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "getKpiSummary", summary = "計画・年度ごとの評価の件数と、評価の低い順の指標（ダッシュボード）。年度を省くと実績のある最新の年度")
    public KpiSummary getKpiSummary(@Parameter(required = true, example = "kitakyushu-ikiiki2") @QueryParam("plan") String plan,
                                    @Parameter(description = "年度（省略時は実績のある最新の年度、実績がなければ計画期間のうち今年度以前の最新の年度）", example = "2022")
                                    @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        if (Strings.absent(plan)) {
            throw ProblemException.invalid("plan", "必須項目です");
        }
        List<KpiRow> all = new ArrayList<>();
        query.stream(new KpiQuery.Filter(plan, null, null, null, null, null, null, null), (row, position) -> all.add(row));
        java.util.TreeSet<Integer> withActuals = new java.util.TreeSet<>();
        all.stream().filter(r -> r.actual() != null || r.actualMarker() != null).forEach(r -> withActuals.add(r.fiscalYear()));
        int year = fiscalYear != null ? fiscalYear : !withActuals.isEmpty() ? withActuals.last() : query.defaultYear(plan);
        List<KpiRow> rows = new ArrayList<>(all.stream().filter(r -> r.fiscalYear() == year).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String g : List.of("A", "B", "C", "D", "NONE", "NOT_SET")) {
            counts.put(g, 0);
        }
        rows.forEach(r -> counts.merge(r.notSet() ? "NOT_SET" : r.grade() == null ? "NONE" : r.grade().name(), 1, Integer::sum));
        rows.sort(Comparator.comparing((KpiRow r) -> r.grade() == null ? "0" : String.valueOf((char) ('Z' - r.grade().name().charAt(0))))
                .thenComparing(r -> r.achievementRate() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : r.achievementRate())
                .thenComparing(KpiRow::indicatorCode));
        List<KpiRow> ordered = new ArrayList<>(rows.stream().filter(r -> r.grade() != null).toList());
        ordered.addAll(rows.stream().filter(r -> r.grade() == null && !r.notSet()).toList());
        ordered.addAll(rows.stream().filter(KpiRow::notSet).toList());
        return new KpiSummary(plan, year, counts, List.copyOf(withActuals), ordered);
    }


    @Schema(name = "KpiPage")
    public record KpiPage(List<KpiRow> items, @Schema(nullable = true) String nextCursor,
                          @Schema(description = "次の差分取得で updatedSince に渡す日時。この取得の後に確定した変更はすべてその取得に入ります（ページ送りの間は最初のページと同じ）")
                          OffsetDateTime nextUpdatedSince) {
    }

    @Schema(name = "KpiSummary", description = "評価ごとの件数（A/B/C/D、未評価 NONE、未設定 NOT_SET）と、評価の低い順の行（未評価、未設定の順に後ろ）")
    public record KpiSummary(String plan, @Schema(description = "集計した年度") int fiscalYear, Map<String, Integer> counts,
                             @Schema(description = "実績のある年度（昇順）") List<Integer> yearsWithActuals, List<KpiRow> rows) {
    }
}
