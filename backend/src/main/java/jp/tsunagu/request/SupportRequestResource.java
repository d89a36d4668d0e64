package jp.tsunagu.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.EnumParams;
import jp.tsunagu.shared.Idempotency;
import jp.tsunagu.shared.Strings;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;


/** 相談: taking, listing and reading requests, their candidates, proposing a supporter, cancelling, referring. */
@Path("/api/v1/support-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class SupportRequestResource {

    private final SupportRequestService service;
    private final AssignmentService assignments;
    private final BacklogService backlog;
    private final AccessResolver access;
    private final Idempotency idempotency;

    SupportRequestResource(SupportRequestService service, AssignmentService assignments, BacklogService backlog, AccessResolver access,
                           Idempotency idempotency) {
        this.service = service;
        this.assignments = assignments;
        this.backlog = backlog;
        this.access = access;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSupportRequests", summary = "相談の一覧（担当地区のみ、新しい順、カーソルでページ送り）")
    public SupportRequestList listSupportRequests(
            @Parameter(example = "RECEIVED", schema = @Schema(implementation = RequestStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "この地域とその下位", example = "40102-takasu") @QueryParam("area") String area,
            @Parameter(description = "件数（1〜500）", example = "100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return service.list(EnumParams.parse(RequestStatus.class, "status", status), Strings.strippedOrNull(area), limit, Strings.strippedOrNull(cursor), access.get());
    }

    @POST
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "createSupportRequest", summary = "相談を受け付ける（困りごと・日時・有償/無償）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<SupportRequestResponse> createSupportRequest(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                                     @Valid @NotNull SupportRequestCreate request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "createSupportRequest", request, SupportRequestResponse.class,
                () -> service.create(request, access.get()), replay -> service.replayed(replay, access.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupportRequest", summary = "相談を 1 件取得する（調整の経過つき）")
    public SupportRequestResponse getSupportRequest(@PathParam("id") long id) {
        return service.get(id, access.get());
    }

    @GET
    @Path("/{id}/candidates")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupportCandidates",
            summary = "候補の担い手を得点の高い順に（得点の内訳つき）。読むだけで、相談の状態は変わりません（閲覧は監査ログに残ります）")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateList.class)))
    public byte[] getSupportCandidates(@PathParam("id") long id) {
        return service.candidates(id, access.get());
    }

    @POST
    @Path("/{id}/start-matching")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "startMatching",
            summary = "調整を始める（受付 → 調整中。すでに調整中なら何も変わりません。調整済み・終わった相談は 409）")
    @Extension(name = "x-problems", value = "409")
    public SupportRequestResponse startMatching(@PathParam("id") long id) {
        return service.startMatching(id, access.get());
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "assignSupporter", summary = "担い手に調整する（受け持ちの上限と二重の調整はデータベースが防ぎ、409）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<AssignmentResponse> assignSupporter(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                            @Valid @NotNull AssignRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "assignSupporter " + id, request, AssignmentResponse.class,
                () -> assignments.assign(id, request.supporterId(), access.get()), replay -> assignments.replayed(replay, access.get()));
    }

    @POST
    @Path("/{id}/refer")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "referSupportRequest", summary = "相談窓口へつなぐ（相談先一覧の案内で窓口を決めて記録）")
    @Extension(name = "x-problems", value = "422")
    public SupportRequestResponse referSupportRequest(@PathParam("id") long id, @Valid @NotNull ReferRequest request) {
        return service.refer(id, request.windowCategory(), access.get());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "cancelSupportRequest", summary = "相談を取り消す")
    public SupportRequestResponse cancelSupportRequest(@PathParam("id") long id) {
        return service.cancel(id, access.get());
    }

    @POST
    @Path("/batch-proposals")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "proposeBatch",
            summary = "一括マッチングの提案（受付・調整中の相談をまとめて、割り当てる件数が最も多く、次に点の合計が最も大きい組み合わせ。1 件ずつ決めた場合と並べて返します。何も登録しません）")
    @Extension(name = "x-problems", value = "404,409,422")
    public BatchProposal proposeBatch(@Valid @NotNull BatchProposalRequest request) {
        return backlog.propose(request, access.get());
    }

    @POST
    @Path("/batch-assignments")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "confirmBatch",
            summary = "一括マッチングの確定（残した行をひとつのトランザクションで調整。提案のあとで変わった行があれば 409 でその行を示し、何も登録しません）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "404,409,422")
    public RestResponse<BatchAssignmentResult> confirmBatch(@Valid @NotNull BatchAssignmentRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, backlog.confirm(request, access.get()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "updateSupportRequest",
            summary = "相談の内容を直す（種類・内容・日時・有償/無償・緊急度。終わった相談は 409、version が古ければ 409。変えた項目は経過に残ります）")
    public SupportRequestResponse updateSupportRequest(@PathParam("id") long id, @Valid @NotNull SupportRequestUpdate request) {
        return service.update(id, request, access.get());
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "reopenSupportRequest", summary = "完了・取消の相談を再開する（調整中に戻す。理由は必須、なければ 422）")
    @Extension(name = "x-problems", value = "409,422")
    public SupportRequestResponse reopenSupportRequest(@PathParam("id") long id, @Valid @NotNull ReopenRequest request) {
        return service.reopen(id, request.reason(), access.get());
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupportRequestTimeline",
            summary = "相談の経過（受付・候補の確認・依頼・引受/辞退と理由・活動記録と分・つなぎ・完了・再開を、だれがいつ）")
    public RequestTimeline getSupportRequestTimeline(@PathParam("id") long id) {
        return service.timeline(id, access.get());
    }
}
