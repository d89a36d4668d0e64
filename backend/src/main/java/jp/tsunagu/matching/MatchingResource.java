package jp.tsunagu.matching;

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
import jp.tsunagu.auth.Role;
import jp.tsunagu.auth.Scopes;
import jp.tsunagu.shared.Idempotency;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** 地域生活支援: recipients, supporters, requests and their matching (coordinators of the district and admins). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class MatchingResource {

    private final MatchingService service;
    private final CandidateRanking ranking;
    private final AccessResolver access;
    private final Idempotency idempotency;

    MatchingResource(MatchingService service, CandidateRanking ranking, AccessResolver access, Idempotency idempotency) {
        this.service = service;
        this.ranking = ranking;
        this.access = access;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/support-categories")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "listSupportCategories", summary = "困りごとの種類")
    public List<SupportCategoryResponse> listSupportCategories() {
        return service.categories();
    }

    @PUT
    @Path("/support-categories/{code}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "putSupportCategory", summary = "困りごとの種類を追加・変更する（使わなくなったものは active=false。過去の相談と統計はそのまま）")
    @Extension(name = "x-problems", value = "409")
    public SupportCategoryResponse putSupportCategory(
            @Parameter(example = "LIGHT_WORK") @PathParam("code") @jakarta.validation.constraints.Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}",
                    message = "英大文字・数字・_ で指定してください") String code,
            @Valid @NotNull SupportCategoryRequest request) {
        return service.putCategory(code, request);
    }

    @GET
    @Path("/supporters")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSupporters", summary = "担い手の一覧（担当地区のみ、登録順、カーソルでページ送り）")
    public SupporterPage listSupporters(
            @Parameter(description = "この地域とその下位", example = "40102-takasu") @QueryParam("area") String area,
            @Parameter(description = "件数（1〜500）", example = "100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return service.listSupporters(Strings.strippedOrNull(area), limit, Strings.strippedOrNull(cursor), access.get());
    }

    @POST
    @Path("/supporters")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "createSupporter", summary = "担い手を登録する（できること・毎週の空き時間・受け持ちの上限）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<SupporterResponse> createSupporter(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                           @Valid @NotNull SupporterRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "createSupporter", request, SupporterResponse.class,
                () -> service.createSupporter(request, access.get()));
    }

    @PUT
    @Path("/supporters/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "updateSupporter", summary = "担い手の登録内容を変える（できること・空き時間・上限・活動の休止。version 必須、担当外は 404）")
    @Extension(name = "x-problems", value = "422")
    public SupporterResponse updateSupporter(@PathParam("id") long id, @Valid @NotNull SupporterRequest request) {
        return service.updateSupporter(id, request, access.get());
    }

    @GET
    @Path("/supporter-groups")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSupporterGroups", summary = "担い手グループ（担当地区のもの）")
    public List<SupporterGroupResponse> listSupporterGroups() {
        return service.groups(access.get());
    }

    @GET
    @Path("/supporters/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupporter", summary = "担い手を 1 人取得する（担当外は 404）")
    public SupporterResponse getSupporter(@PathParam("id") long id) {
        return service.getSupporter(id, access.get());
    }

    @GET
    @Path("/recipients")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "findRecipients", summary = "要支援者を名前・かなで探す（担当地区のみ）")
    public List<RecipientResponse> findRecipients(
            @Parameter(example = "わかまつ") @QueryParam("q") String q,
            @Parameter(description = "件数（1〜500、かな順）", example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.findRecipients(q, limit, access.get());
    }

    @POST
    @Path("/recipients")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "createRecipient", summary = "要支援者を登録する")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<RecipientResponse> createRecipient(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                           @Valid @NotNull RecipientRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "createRecipient", request, RecipientResponse.class,
                () -> service.createRecipient(request, access.get()));
    }

    @PUT
    @Path("/recipients/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "updateRecipient", summary = "要支援者の登録内容を変える（連絡先・同意・地域など。version 必須、担当外は 404）")
    @Extension(name = "x-problems", value = "422")
    public RecipientResponse updateRecipient(@PathParam("id") long id, @Valid @NotNull RecipientRequest request) {
        return service.updateRecipient(id, request, access.get());
    }

    @GET
    @Path("/recipients/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getRecipient", summary = "要支援者を 1 人取得する（担当外は 404）")
    public RecipientResponse getRecipient(@PathParam("id") long id) {
        return service.getRecipient(id, access.get());
    }

    @GET
    @Path("/support-requests")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSupportRequests", summary = "相談の一覧（担当地区のみ、新しい順、カーソルでページ送り）")
    public SupportRequestList listSupportRequests(
            @Parameter(example = "RECEIVED") @QueryParam("status") String status,
            @Parameter(description = "この地域とその下位", example = "40102-takasu") @QueryParam("area") String area,
            @Parameter(description = "件数（1〜500）", example = "100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return service.listRequests(Strings.strippedOrNull(status), Strings.strippedOrNull(area), limit, Strings.strippedOrNull(cursor), access.get());
    }


    @POST
    @Path("/support-requests")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "createSupportRequest", summary = "相談を受け付ける（困りごと・日時・有償/無償）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<SupportRequestResponse> createSupportRequest(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                                     @Valid @NotNull SupportRequestCreate request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "createSupportRequest", request, SupportRequestResponse.class,
                () -> service.createRequest(request, access.get()));
    }

    @GET
    @Path("/support-requests/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupportRequest", summary = "相談を 1 件取得する（調整の経過つき）")
    public SupportRequestResponse getSupportRequest(@PathParam("id") long id) {
        return service.getRequest(id, access.get());
    }

    @GET
    @Path("/support-requests/{id}/candidates")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupportCandidates", summary = "候補の担い手を得点の高い順に（得点の内訳つき）")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateList.class)))
    public byte[] getSupportCandidates(@PathParam("id") long id) {
        return ranking.rank(id, access.get());
    }

    @POST
    @Path("/support-requests/{id}/assignments")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "assignSupporter", summary = "担い手に調整する（受け持ちの上限と二重の調整はデータベースが防ぎ、409）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<AssignmentResponse> assignSupporter(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                            @Valid @NotNull AssignRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "assignSupporter " + id, request, AssignmentResponse.class,
                () -> service.assign(id, request.supporterId(), access.get()));
    }

    @POST
    @Path("/support-requests/{id}/refer")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "referSupportRequest", summary = "相談窓口へつなぐ（相談先一覧の案内で窓口を決めて記録）")
    @Extension(name = "x-problems", value = "422")
    public SupportRequestResponse referSupportRequest(@PathParam("id") long id, @Valid @NotNull ReferRequest request) {
        return service.refer(id, request.windowCategory(), access.get());
    }

    @POST
    @Path("/support-requests/{id}/cancel")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "cancelSupportRequest", summary = "相談を取り消す")
    public SupportRequestResponse cancelSupportRequest(@PathParam("id") long id) {
        return service.cancel(id, access.get());
    }

    @POST
    @Path("/assignments/{id}/accept")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "acceptAssignment", summary = "担い手が引き受けた")
    public AssignmentResponse acceptAssignment(@PathParam("id") long id) {
        return service.transition(id, "ACCEPTED", access.get());
    }

    @POST
    @Path("/assignments/{id}/decline")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "declineAssignment", summary = "担い手が断った（相談は調整中に戻る）")
    public AssignmentResponse declineAssignment(@PathParam("id") long id) {
        return service.transition(id, "DECLINED", access.get());
    }

    @GET
    @Path("/assignments/{id}/handout")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getAssignmentHandout", summary = "担い手に渡す依頼票（連絡先は本人の同意があるときだけ）")
    public AssignmentHandout getAssignmentHandout(@PathParam("id") long id) {
        return service.handout(id, access.get());
    }

    @POST
    @Path("/assignments/{id}/complete")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "completeAssignment", summary = "支援が終わった")
    public AssignmentResponse completeAssignment(@PathParam("id") long id) {
        return service.transition(id, "COMPLETED", access.get());
    }

    @POST
    @Path("/assignments/{id}/activities")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "recordActivity", summary = "活動を記録する（日・分・メモ）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<ActivityResponse> recordActivity(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                         @Valid @NotNull ActivityRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "recordActivity " + id, request, ActivityResponse.class,
                () -> service.addActivity(id, request, access.get()));
    }

    @GET
    @Path("/support-stats")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "getSupportStats", summary = "相談件数・需給調整件数・種類別の割合・担い手の数（集計のみ。校区・区・市）")
    @Extension(name = "x-problems", value = "404")
    public SupportStats getSupportStats(@Parameter(required = true, example = "40102-takasu") @QueryParam("area") String area,
                                        @Parameter(required = true, example = "2020") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        if (area == null || area.isBlank()) {
            throw ProblemException.invalid("area", "必須項目です");
        }
        if (fiscalYear == null) {
            throw ProblemException.invalid("fiscalYear", "必須項目です");
        }
        return service.stats(area, fiscalYear);
    }

    @GET
    @Path("/audit-log")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "getAuditLog", summary = "個人情報の閲覧・変更の記録（新しい順。変更・削除はできません）")
    public AuditEntryList getAuditLog(@Parameter(example = "RECIPIENT") @QueryParam("entity") String entity,
                                      @Parameter(example = "coordinator") @QueryParam("actor") String actor,
                                      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit) {
        return service.auditLog(Strings.strippedOrNull(entity), Strings.strippedOrNull(actor), limit);
    }
}
