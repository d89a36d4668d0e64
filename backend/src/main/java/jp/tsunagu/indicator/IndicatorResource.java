package jp.tsunagu.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.security.Scopes;
import jp.tsunagu.shared.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 成果指標: definitions, values (baseline / target / actual) and their history. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "成果指標", description = "指標・基準値/目標値/実績値・変更履歴")
@SecurityRequirement(name = "bearer")
public class IndicatorResource {

    private final IndicatorService service;
    private final Caller caller;

    IndicatorResource(IndicatorService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    private ValueOrigin.Author author() {
        return caller.isToken() ? ValueOrigin.Author.token(who(), caller.displayName()) : ValueOrigin.Author.typed(who());
    }

    private String who() {
        return caller.isToken() ? caller.name() + " (" + caller.displayName() + ")" : caller.name();
    }

    @POST
    @Path("/indicators")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "createIndicator", summary = "指標を計画の項目に追加する（内訳つきも可）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "404")
    public RestResponse<IndicatorResponse> createIndicator(@Valid @NotNull CreateIndicatorRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request));
    }

    @GET
    @Path("/indicators")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "listIndicators",
            summary = "指標の一覧（計画・項目（その下も）・文字・変更日時で絞り込み、カーソルでページ送り。計画での位置、単位、方向、内訳、実績の出どころ、目標未設定の理由）")
    public IndicatorCatalogue listIndicators(
            @Parameter(example = "kitakyushu-ikiiki2") @QueryParam("plan") String plan,
            @Parameter(description = "この項目とその下", example = "kitakyushu-ikiiki2-2") @QueryParam("node") String node,
            @Parameter(description = "コードか名前に含む文字", example = "サロン") @QueryParam("q") String q,
            @Parameter(description = "この日時より後に定義が変わった指標だけ（ISO 8601）", example = "2026-04-01T00:00:00+09:00") @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") @jakarta.ws.rs.DefaultValue("200") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return service.catalogue(jp.tsunagu.shared.Strings.strippedOrNull(plan), jp.tsunagu.shared.Strings.strippedOrNull(node),
                jp.tsunagu.shared.Strings.strippedOrNull(q), jp.tsunagu.shared.QueryParams.dateTime("updatedSince", updatedSince), limit,
                jp.tsunagu.shared.Strings.strippedOrNull(cursor));
    }

    @GET
    @Path("/indicators/{code}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "getIndicator", summary = "指標と、その値・年度ごとの達成率と評価")
    public IndicatorResponse getIndicator(@Parameter(example = "kitakyushu-ikiiki2-63-meetings") @PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/indicators/{code}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "updateIndicator", summary = "指標の定義を更新する（version が古ければ 409）")
    public IndicatorResponse updateIndicator(@PathParam("code") String code, @Valid @NotNull UpdateIndicatorRequest request) {
        return service.update(code, request, who());
    }

    @PUT
    @Path("/indicators/{code}/values/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Scopes.INDICATOR_VALUES_WRITE})
    @Operation(operationId = "putIndicatorValue",
            summary = "年度の値を登録・更新する（指標コード・年度・内訳・種類で冪等。version を付けると古ければ 409）")
    @Extension(name = "x-problems", value = "422")
    public IndicatorResponse putIndicatorValue(@PathParam("code") String code,
                                               @Parameter(example = "2022") @PathParam("fiscalYear") int fiscalYear,
                                               @Valid @NotNull PutValueRequest request) {
        return service.putValue(code, fiscalYear, request, author());
    }

    @PUT
    @Path("/indicator-values")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Scopes.INDICATOR_VALUES_WRITE})
    @Operation(operationId = "putIndicatorValues", summary = "多数の値を一括で登録する（すべて反映か、何も反映しないか。誤りは行ごとに報告）")
    @Extension(name = "x-problems", value = "422")
    public BatchValuesResponse putIndicatorValues(@Valid @NotNull BatchValuesRequest request) {
        return service.putValues(request.rows(), author());
    }

    @GET
    @Path("/indicators/{code}/history")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getIndicatorHistory", summary = "値の変更履歴（誰が・いつ・旧→新）")
    public ValueChangeList getIndicatorHistory(@PathParam("code") String code) {
        return service.history(code);
    }

    @GET
    @Path("/indicator-value-changes")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getPlanValueChanges", summary = "計画の指標の値が、ある日時以降にどう変わったか（新しい順、最大 5,000 件）")
    public ValueChangeList getPlanValueChanges(@Parameter(required = true, example = "kitakyushu-ikiiki2") @jakarta.ws.rs.QueryParam("plan") String plan,
                                               @Parameter(required = true, description = "この日時より後の変更（ISO 8601）", example = "2025-04-01T00:00:00+09:00")
                                               @jakarta.ws.rs.QueryParam("since") String since) {
        return service.planHistory(QueryParams.required("plan", plan),
                QueryParams.dateTime("since", QueryParams.required("since", since)));
    }
}
