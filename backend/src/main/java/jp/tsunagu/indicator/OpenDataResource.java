package jp.tsunagu.indicator;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * オープンデータ: the published plans' indicators and yearly figures, without credentials and cacheable — a CSV in the
 * 自治体標準オープンデータセット conventions, its DCAT-style description and its column schema. Only plans a planner
 * published; nothing personal, no survey breakdowns.
 */
@Path("/open-data/v1")
@Tag(name = "オープンデータ", description = "公開した計画の指標と年度ごとの値（認証なし）")
public class OpenDataResource {

    private static final String CACHE = "public, max-age=300";

    private final OpenDataService service;

    OpenDataResource(OpenDataService service) {
        this.service = service;
    }

    @GET
    @Path("/plans")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listOpenDataPlans", summary = "公開している計画の一覧（データセットの説明・CSV・列の定義の場所つき）")
    public org.jboss.resteasy.reactive.RestResponse<OpenDataCatalogue> listOpenDataPlans() {
        return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(service.catalogue()).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    @GET
    @Path("/plans/{plan}/indicators.csv")
    @PermitAll
    @Produces("text/csv")
    @Operation(operationId = "getOpenDataCsv",
            summary = "計画の指標と年度ごとの値の CSV（UTF-8、BOM つき、見出し 1 行。全国地方公共団体コード（検査数字つき）・都道府県名・市区町村名、年度は和暦と西暦）")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response getOpenDataCsv(@Parameter(example = "kumamoto-chiiki4") @PathParam("plan") String plan,
                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String etag = service.etag(plan);
        if (etag.equals(ifNoneMatch) || ("W/" + etag).equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        StreamingOutput body = out -> service.writeCsv(plan, out);
        return Response.ok(body, "text/csv; charset=UTF-8").header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("Content-Disposition", "attachment; filename=\"" + plan + "-indicators.csv\"").build();
    }

    @GET
    @Path("/plans/{plan}/dataset.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenDataDataset", summary = "データセットの説明（DCAT の語彙: 題名、ライセンス CC BY 4.0、公開者、更新日、配布、列）")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    public Response getOpenDataDataset(@Parameter(example = "kumamoto-chiiki4") @PathParam("plan") String plan) {
        Map<String, Object> dataset = service.dataset(plan);
        return Response.ok(dataset).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    @GET
    @Path("/plans/{plan}/schema.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenDataSchema", summary = "CSV の列の定義（Frictionless Table Schema: 列名、型、説明、制約）")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    public Response getOpenDataSchema(@Parameter(example = "kumamoto-chiiki4") @PathParam("plan") String plan) {
        return Response.ok(service.schema(plan)).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    /** One published plan in the list. */
    @Schema(name = "OpenDataPlan")
    public record OpenDataPlan(String code, String title, @Schema(examples = "431001") String localGovernmentCode,
                               @Schema(examples = "熊本県") String prefecture, @Schema(examples = "熊本市") String municipality,
                               java.time.OffsetDateTime publishedAt, String dataset, String csv, String schema) {
    }

    @Schema(name = "OpenDataCatalogue")
    public record OpenDataCatalogue(@Schema(examples = "CC BY 4.0") String license, List<OpenDataPlan> items) {
    }
}
