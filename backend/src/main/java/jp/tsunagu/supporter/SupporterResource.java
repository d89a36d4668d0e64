package jp.tsunagu.supporter;

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
import jp.tsunagu.shared.Idempotency;
import jp.tsunagu.shared.Strings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** 担い手: registering and changing supporters, and their groups (coordinators of the district and admins). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class SupporterResource {

    private final SupporterService service;
    private final AccessResolver access;
    private final Idempotency idempotency;

    SupporterResource(SupporterService service, AccessResolver access, Idempotency idempotency) {
        this.service = service;
        this.access = access;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/supporters")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSupporters", summary = "担い手の一覧（担当地区のみ、登録順、カーソルでページ送り）")
    public SupporterPage listSupporters(
            @Parameter(description = "この地域とその下位", example = "40102-takasu") @QueryParam("area") String area,
            @Parameter(description = "件数（1〜500）", example = "100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return service.list(Strings.strippedOrNull(area), limit, Strings.strippedOrNull(cursor), access.get());
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
                () -> service.create(request, access.get()), replay -> service.replayed(replay, access.get()));
    }

    @PUT
    @Path("/supporters/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "updateSupporter", summary = "担い手の登録内容を変える（できること・空き時間・上限・活動の休止。version 必須、担当外は 404）")
    @Extension(name = "x-problems", value = "422")
    public SupporterResponse updateSupporter(@PathParam("id") long id, @Valid @NotNull SupporterRequest request) {
        return service.update(id, request, access.get());
    }

    @GET
    @Path("/supporter-groups")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSupporterGroups", summary = "担い手グループ（担当地区のもの）")
    public List<SupporterGroupResponse> listSupporterGroups() {
        return service.groups(access.get());
    }

    @POST
    @Path("/supporter-groups")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "createSupporterGroup", summary = "担い手グループを作る（担当地区に。有償・無償）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "409,422")
    public RestResponse<SupporterGroupResponse> createSupporterGroup(@Valid @NotNull SupporterGroupRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.createGroup(request, access.get()));
    }

    @PUT
    @Path("/supporter-groups/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "updateSupporterGroup", summary = "担い手グループの名前・有償/無償を変える、廃止する（active=false）・再開する（version 必須）")
    @Extension(name = "x-problems", value = "409")
    public SupporterGroupResponse updateSupporterGroup(@PathParam("id") long id, @Valid @NotNull SupporterGroupRequest request) {
        return service.updateGroup(id, request, access.get());
    }

    @GET
    @Path("/supporters/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getSupporter", summary = "担い手を 1 人取得する（担当外は 404）")
    public SupporterResponse getSupporter(@PathParam("id") long id) {
        return service.get(id, access.get());
    }
}
