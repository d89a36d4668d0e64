package jp.tsunagu.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 課題・困りごと: what a plan was built on. Staff read; PLANNER and ADMIN write. */
@Path("/api/v1/plans/{plan}/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "計画", description = "計画・施策の体系・役割表")
@SecurityRequirement(name = "bearer")
public class PlanFindingResource {

    private final PlanFindingService service;
    private final jp.tsunagu.auth.Caller caller;

    PlanFindingResource(PlanFindingService service, jp.tsunagu.auth.Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "listPlanFindings", summary = "計画の課題・困りごと・現状（書かれた順。node で項目に付いたものだけ）")
    @Extension(name = "x-problems", value = "404")
    public FindingList listPlanFindings(@Parameter(example = "kurume") @PathParam("plan") String plan,
                                        @Parameter(example = "Ⅳ") @QueryParam("node") String node) {
        return service.list(plan, node);
    }

    @POST
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "createPlanFinding", summary = "課題・困りごとを書き加える")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "404,422")
    public RestResponse<FindingResponse> createPlanFinding(@PathParam("plan") String plan, @Valid @NotNull FindingRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(plan, request, caller.name()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "updatePlanFinding", summary = "課題・困りごとを直す（version が必要）")
    @Extension(name = "x-problems", value = "404,409,422")
    public FindingResponse updatePlanFinding(@PathParam("plan") String plan, @PathParam("id") long id, @Valid @NotNull FindingRequest request) {
        return service.update(plan, id, request, caller.name());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "deletePlanFinding", summary = "課題・困りごとを削除する")
    @Extension(name = "x-problems", value = "404")
    public void deletePlanFinding(@PathParam("plan") String plan, @PathParam("id") long id) {
        service.delete(plan, id, caller.name());
    }
}
