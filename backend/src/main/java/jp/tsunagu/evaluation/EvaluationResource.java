package jp.tsunagu.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.auth.Role;
import jp.tsunagu.shared.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** 事業調書: the yearly evaluation of each measure and its approval workflow. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "事業調書", description = "年度ごとの取組結果・今後の方向性と、提出・承認・差戻し")
@SecurityRequirement(name = "bearer")
public class EvaluationResource {

    private final EvaluationService service;
    private final Caller caller;

    EvaluationResource(EvaluationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/plans/{plan}/evaluations")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getEvaluationOverview", summary = "計画・年度の事業調書の状況（状態別・自己評価別の件数、遅れているもの）")
    public EvaluationOverview getEvaluationOverview(@Parameter(example = "kitakyushu-ikiiki2") @PathParam("plan") String plan,
                                                    @Parameter(required = true, example = "2022") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        if (fiscalYear == null) {
            throw ProblemException.invalid("fiscalYear", "必須項目です");
        }
        return service.overview(plan, fiscalYear, Clock.systemUTC());
    }

    @GET
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getEvaluation", summary = "項目・年度の事業調書と、その経過")
    public EvaluationResponse getEvaluation(@PathParam("plan") String plan, @Parameter(example = "63") @PathParam("node") String node,
                                            @Parameter(example = "2022") @PathParam("fiscalYear") int fiscalYear) {
        return service.get(plan, node, fiscalYear);
    }

    @PUT
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "writeEvaluation", summary = "事業調書を書く（新規は下書き。提出済み・承認済みは 409）")
    public EvaluationResponse writeEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                              @PathParam("fiscalYear") @Min(1989) @Max(2200) int fiscalYear,
                                              @Valid @NotNull EvaluationRequest request) {
        return service.write(plan, node, fiscalYear, request, caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/submit")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "submitEvaluation", summary = "提出する（下書き・差戻しから）")
    public EvaluationResponse submitEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                               @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull TransitionRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.SUBMITTED, request.version(), request.comment(), caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/approve")
    @RolesAllowed(Role.APPROVER_ROLE)
    @Operation(operationId = "approveEvaluation", summary = "承認する（提出済みから）")
    public EvaluationResponse approveEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                                @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull TransitionRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.APPROVED, request.version(), request.comment(), caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/return")
    @RolesAllowed(Role.APPROVER_ROLE)
    @Operation(operationId = "returnEvaluation", summary = "コメントを付けて作成者に差し戻す（提出済みから）")
    public EvaluationResponse returnEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                               @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull ReturnRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.RETURNED, request.version(), request.comment(), caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/reopen")
    @RolesAllowed(Role.APPROVER_ROLE)
    @Operation(operationId = "reopenEvaluation", summary = "承認済みの事業調書を再開して編集できるようにする")
    public EvaluationResponse reopenEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                               @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull TransitionRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.DRAFT, request.version(), request.comment(), caller.name());
    }
}
