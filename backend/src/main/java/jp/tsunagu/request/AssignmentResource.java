package jp.tsunagu.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.Idempotency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;


/** 需給調整: the supporter's answer to a proposal, the 依頼票, and the activities done under it. */
@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class AssignmentResource {

    private final AssignmentService service;
    private final AccessResolver access;
    private final Idempotency idempotency;

    AssignmentResource(AssignmentService service, AccessResolver access, Idempotency idempotency) {
        this.service = service;
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "acceptAssignment", summary = "担い手が引き受けた")
    public AssignmentResponse acceptAssignment(@PathParam("id") long id) {
        return service.move(id, AssignmentStatus.ACCEPTED, null, access.get());
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "declineAssignment", summary = "担い手が断った（相談は調整中に戻る。理由は任意で、相談の経過に残ります）")
    public AssignmentResponse declineAssignment(@PathParam("id") long id,
                                                @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid DeclineRequest request) {
        return service.move(id, AssignmentStatus.DECLINED, request == null ? null : jp.tsunagu.shared.Strings.strippedOrNull(request.reason()), access.get());
    }

    @GET
    @Path("/{id}/handout")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getAssignmentHandout", summary = "担い手に渡す依頼票（連絡先は本人の同意があるときだけ）")
    public AssignmentHandout getAssignmentHandout(@PathParam("id") long id) {
        return service.handout(id, access.get());
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "completeAssignment", summary = "支援が終わった")
    public AssignmentResponse completeAssignment(@PathParam("id") long id) {
        return service.move(id, AssignmentStatus.COMPLETED, null, access.get());
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "recordActivity", summary = "活動を記録する（日・分・メモ）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<ActivityResponse> recordActivity(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                         @Valid @NotNull ActivityRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "recordActivity " + id, request, ActivityResponse.class,
                () -> service.addActivity(id, request, access.get()), replay -> service.replayed(replay, access.get()));
    }
}
