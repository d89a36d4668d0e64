package jp.tsunagu.supportstats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Indicators whose actuals are the support statistics of an area, written as the figures change. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援")
@SecurityRequirement(name = "bearer")
public class SupportStatRuleResource {

    private final SupportStatRuleService rules;
    private final Caller caller;

    SupportStatRuleResource(SupportStatRuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @Path("/support-stat-rules")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "listSupportStatRuleService", summary = "支援統計から実績値を算出している指標の一覧")
    public SupportStatRuleList listSupportStatRuleService() {
        return rules.list();
    }

    @PUT
    @Path("/indicators/{code}/support-stat-rule")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "putSupportStatRule",
            summary = "指標の実績値を支援統計（相談件数・需給調整件数・種類別の割合・担い手の数）から年度ごとに算出する。以後、相談や調整のたびに更新されます")
    @Extension(name = "x-problems", value = "404,409,422")
    public SupportStatRuleResponse putSupportStatRule(@Parameter(example = "kitakyushu-ikiiki2-66-consultations") @PathParam("code") String code,
                                                      @Valid @NotNull SupportStatRuleRequest request) {
        return rules.put(code, request, caller.name());
    }

    @DELETE
    @Path("/indicators/{code}/support-stat-rule")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "deleteSupportStatRule", summary = "支援統計からの算出をやめる（算出した実績値も消えます）")
    @Extension(name = "x-problems", value = "404")
    public void deleteSupportStatRule(@PathParam("code") String code) {
        rules.delete(code, caller.name());
    }
}
