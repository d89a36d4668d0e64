package jp.tsunagu.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 計画: plans, their trees and the role matrix. Staff read; PLANNER and ADMIN write. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "計画", description = "計画・施策の体系・役割表")
@SecurityRequirement(name = "bearer")
public class PlanResource {

    private final PlanService service;
    private final jp.tsunagu.auth.Caller caller;

    PlanResource(PlanService service, jp.tsunagu.auth.Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/plans/{plan}/changes")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getPlanChanges", summary = "計画・項目・指標の定義が、ある日時以降にどう変わったか（値の変更は indicator-value-changes）")
    public PlanChanges.ChangeList getPlanChanges(@Parameter(example = "kitakyushu-ikiiki2") @PathParam("plan") String plan,
                                                 @Parameter(required = true, example = "2025-04-01T00:00:00+09:00") @QueryParam("since") String since) {
        return service.changes(plan, QueryParams.dateTime("since", QueryParams.required("since", since)));
    }

    @GET
    @Path("/plans")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE,
            jp.tsunagu.shared.security.Scopes.KPI_READ})
    @Operation(operationId = "listPlans", summary = "計画の一覧")
    public PlanList listPlans() {
        return service.list();
    }

    @POST
    @Path("/plans")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "createPlan", summary = "計画を登録する（階層名と役割表の列を含む）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<PlanResponse> createPlan(@Valid @NotNull CreatePlanRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request));
    }

    @POST
    @Path("/plans/{plan}/copies")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "copyPlan", summary = "次期計画を作る（体系・役割表・指標を写し、値と事業調書は写さない。同じ市・種類で期間が重なれば 409）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "409,422")
    public RestResponse<PlanResponse> copyPlan(@Parameter(example = "kitakyushu-ikiiki2") @PathParam("plan") String plan,
                                               @Valid @NotNull CopyPlanRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.copy(plan, request, caller.name()));
    }

    @GET
    @Path("/plans/{plan}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE,
            jp.tsunagu.shared.security.Scopes.KPI_READ})
    @Operation(operationId = "getPlan", summary = "計画を 1 件取得する")
    public PlanResponse getPlan(@Parameter(example = "kumamoto-5th") @PathParam("plan") String plan) {
        return service.get(plan);
    }

    @PUT
    @Path("/plans/{plan}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "updatePlan", summary = "計画を更新する（評価の閾値を含む。version が古ければ 409）")
    @Extension(name = "x-problems", value = "422")
    public PlanResponse updatePlan(@PathParam("plan") String plan, @Valid @NotNull UpdatePlanRequest request) {
        return service.update(plan, request, caller.name());
    }

    @PUT
    @Path("/plans/{plan}/publication")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "publishPlan",
            summary = "計画をオープンデータとして公開する・やめる（公開すると指標と年度ごとの値が /open-data/v1 から認証なしで取得できます。個人の情報やアンケートの内訳は含みません）")
    public PlanResponse publishPlan(@PathParam("plan") String plan, @Valid @NotNull PublicationRequest request) {
        return service.publish(plan, request.published(), caller.name());
    }

    @GET
    @Path("/plans/{plan}/tree")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE,
            jp.tsunagu.shared.security.Scopes.KPI_READ})
    @Operation(operationId = "getPlanTree", summary = "計画の木の全体を 1 回で取得する（役割表 ◎/○ と指標つき）")
    public PlanTree getPlanTree(@Parameter(example = "kumamoto-5th") @PathParam("plan") String plan) {
        return service.tree(plan);
    }

    @POST
    @Path("/plans/{plan}/nodes")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "createPlanNode", summary = "項目（基本方針・取組・事業など）を追加する")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<PlanTreeNode> createPlanNode(@PathParam("plan") String plan, @Valid @NotNull CreateNodeRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.createNode(plan, request));
    }

    @PUT
    @Path("/plans/{plan}/nodes/{node}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "updatePlanNode", summary = "項目と、その役割（◎/○ と各主体の取組）を更新する")
    @Extension(name = "x-problems", value = "422")
    public void updatePlanNode(@PathParam("plan") String plan, @PathParam("node") String node, @Valid @NotNull UpdateNodeRequest request) {
        service.updateNode(plan, node, request, caller.name());
    }

    @POST
    @Path("/plans/{plan}/nodes/{node}/move")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "movePlanNode", summary = "項目を別の親・位置へ移動する")
    @Extension(name = "x-problems", value = "409,422")
    public void movePlanNode(@PathParam("plan") String plan, @PathParam("node") String node, @Valid @NotNull MoveNodeRequest request) {
        service.moveNode(plan, node, request, caller.name());
    }

    @DELETE
    @Path("/plans/{plan}/nodes/{node}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "deletePlanNode", summary = "項目を削除する（指標や評価があれば 409、cascade=true でまとめて削除）")
    public void deletePlanNode(@PathParam("plan") String plan, @PathParam("node") String node,
                               @Parameter(description = "下位の項目・指標・評価もまとめて削除する") @QueryParam("cascade") @DefaultValue("false") boolean cascade) {
        service.deleteNode(plan, node, cascade, caller.name());
    }
}
