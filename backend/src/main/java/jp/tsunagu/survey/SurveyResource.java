package jp.tsunagu.survey;

import jp.tsunagu.shared.Strings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.UploadedTable;
import jp.tsunagu.shared.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 市民アンケート: surveys, their band distributions, comparisons, breakdowns, and the indicators they feed. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "市民アンケート", description = "UCLA 孤独感尺度などのアンケート。個票は集計にだけ使い、API からは集計値しか返しません")
@SecurityRequirement(name = "bearer")
public class SurveyResource {

    private final SurveyService service;
    private final Caller caller;

    SurveyResource(SurveyService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/surveys")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "listSurveys", summary = "アンケートの一覧（得点帯の分布と、実績値を与える指標つき）")
    public SurveyList listSurveys() {
        return service.list();
    }

    @POST
    @Path("/surveys")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "createSurvey", summary = "アンケートを登録する（個票で集計するか、公表値を入れるか）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "404,409")
    public RestResponse<SurveyResponse> createSurvey(@Valid @NotNull CreateSurveyRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request, caller.name()));
    }

    @GET
    @Path("/surveys/{code}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getSurvey", summary = "アンケートと得点帯の分布")
    @Extension(name = "x-problems", value = "404")
    public SurveyResponse getSurvey(@Parameter(example = "kumamoto-r6") @PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/surveys/{code}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "updateSurvey", summary = "アンケートの名前・実施主体・比較の基準を変える")
    @Extension(name = "x-problems", value = "404,409")
    public SurveyResponse updateSurvey(@PathParam("code") String code, @Valid @NotNull UpdateSurveyRequest request) {
        return service.update(code, request, caller.name());
    }

    @DELETE
    @Path("/surveys/{code}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "deleteSurvey", summary = "アンケートを個票ごと削除する（算出していた指標の実績値も消えます）")
    @Extension(name = "x-problems", value = "404")
    public void deleteSurvey(@PathParam("code") String code) {
        service.delete(code, caller.name());
    }

    @PUT
    @Path("/surveys/{code}/published-distribution")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "putPublishedDistribution", summary = "公表された得点帯の割合を入れる（全国調査など）")
    @Extension(name = "x-problems", value = "404,409")
    public SurveyResponse putPublishedDistribution(@PathParam("code") String code, @Valid @NotNull PublishedDistributionRequest request) {
        return service.putPublished(code, request, caller.name());
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @POST
    @Path("/surveys/{code}/imports")
    @Consumes({"text/csv", "text/tab-separated-values", XLSX, "text/plain", "application/octet-stream"})
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "importSurveyResponses",
            summary = "個票（1 行 1 回答者の CSV / TSV（UTF-8 か Shift_JIS）または XLSX の最初のシート）を取り込む。commit=false なら試行のみ（分布と問題の一覧）、"
                    + "commit=true で今の個票と入れ替え（問題が 1 件でもあれば何も入れず 422）。個票は返しません")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Extension(name = "x-problems", value = "404,409,422")
    public SurveyImportReport importSurveyResponses(
            @Parameter(example = "kumamoto-r6-responses") @PathParam("code") String code,
            @Parameter(description = "true で反映する（既定は試行のみ）") @QueryParam("commit") @DefaultValue("false") boolean commit,
            @Parameter(description = "元のファイル名（形式の判別に使う）", example = "回答.csv") @HeaderParam("X-File-Name") String fileName,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        String name = fileName == null ? null : java.net.URLDecoder.decode(fileName, java.nio.charset.StandardCharsets.UTF_8);
        return service.importResponses(code, UploadedTable.read(body == null ? new byte[0] : body, contentType, name), commit, caller.name());
    }

    @GET
    @Path("/surveys/{code}/comparison")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "compareSurvey", summary = "基準のアンケートとの比較（得点帯ごとの差、ポイント）")
    @Extension(name = "x-problems", value = "404,422")
    public SurveyComparison compareSurvey(@Parameter(example = "kumamoto-r6") @PathParam("code") String code,
                                          @Parameter(description = "基準のアンケート（省略時はアンケートに設定した基準）", example = "national-r5")
                                          @QueryParam("reference") String reference) {
        return service.compare(code, reference);
    }

    @GET
    @Path("/surveys/{code}/breakdown")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getSurveyBreakdown", summary = "属性別（年代・性別・区など）の得点帯分布。10 人未満の升目と、引き算で分かってしまう升目は伏せます")
    @Extension(name = "x-problems", value = "404,422")
    public SurveyBreakdown getSurveyBreakdown(@Parameter(example = "kumamoto-r6-responses") @PathParam("code") String code,
                                              @Parameter(required = true, example = "年代") @QueryParam("by") String by) {
        if (Strings.absent(by)) {
            throw ProblemException.invalid("by", "必須項目です");
        }
        return service.breakdown(code, by.strip());
    }

    @PUT
    @Path("/surveys/{code}/indicator-rule")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "putSurveyRule", summary = "このアンケートの得点帯の割合を、指標のその年度の実績値にする（例: 7〜12点の割合 → 孤独感の程度が高い市民の割合）")
    @Extension(name = "x-problems", value = "404,409,422")
    public SurveyResponse putSurveyRule(@PathParam("code") String code, @Valid @NotNull SurveyRuleRequest request) {
        return service.setRule(code, request, caller.name());
    }

    @DELETE
    @Path("/surveys/{code}/indicator-rule")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "deleteSurveyRule", summary = "指標への算出をやめる（算出した実績値も消えます）")
    @Extension(name = "x-problems", value = "404")
    public SurveyResponse deleteSurveyRule(@PathParam("code") String code) {
        return service.clearRule(code, caller.name());
    }
}
