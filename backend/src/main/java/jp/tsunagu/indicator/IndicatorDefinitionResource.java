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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 共通の指標定義 and the older populations that cities are compared by (the comparison itself: GET /kpis/compare). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "指標", description = "成果指標と年度ごとの値")
@SecurityRequirement(name = "bearer")
public class IndicatorDefinitionResource {

    private final IndicatorComparisonService service;
    private final Caller caller;

    IndicatorDefinitionResource(IndicatorComparisonService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/indicator-definitions")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "listIndicatorDefinitions", summary = "共通の指標定義（計画や市をまたいで比べる指標）の一覧")
    public IndicatorDefinitionList listIndicatorDefinitions() {
        return service.list();
    }

    @POST
    @Path("/indicator-definitions")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "createIndicatorDefinition", summary = "共通の指標定義をつくる（例: 生活支援コーディネーターの活動回数）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "409")
    public RestResponse<IndicatorDefinitionDto> createIndicatorDefinition(@Valid @NotNull CreateIndicatorDefinitionRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request, caller.name()));
    }

    @PUT
    @Path("/indicators/{code}/definition")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "linkIndicatorDefinition", summary = "指標を共通の指標定義につなぐ（definition: null で外す）")
    @Extension(name = "x-problems", value = "404,422")
    public IndicatorDefinitionLinkResponse linkIndicatorDefinition(@Parameter(example = "kitakyushu-ikiiki2-63-meetings") @PathParam("code") String code,
                                                                   @Valid @NotNull IndicatorDefinitionLink request) {
        return service.link(code, request);
    }

    @PUT
    @Path("/older-populations/{area}/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "putOlderPopulation", summary = "市の 65 歳以上人口を年度ごとに登録する（比較を高齢者 1 万人あたりで示すため）")
    @Extension(name = "x-problems", value = "404,422")
    public OlderPopulationDto putOlderPopulation(@Parameter(example = "40100") @PathParam("area") String area,
                                                 @Parameter(example = "2022") @PathParam("fiscalYear") int fiscalYear,
                                                 @Valid @NotNull OlderPopulationRequest request) {
        return service.putOlderPopulation(area, fiscalYear, request.population(), caller.name());
    }
}
