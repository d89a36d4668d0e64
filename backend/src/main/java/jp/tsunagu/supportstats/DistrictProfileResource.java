package jp.tsunagu.supportstats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 校区の取り組み概要 (相談員・主な生活支援・有償か・成果): read with the statistics; the district's coordinators write. */
@Path("/api/v1/support-stats/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class DistrictProfileResource {

    private final DistrictProfileService service;
    private final AccessResolver access;

    DistrictProfileResource(DistrictProfileService service, AccessResolver access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "listDistrictProfiles", summary = "校区の取り組み概要（地域の下の校区。年度を省くと全年度、新しい順）")
    @Extension(name = "x-problems", value = "404")
    public DistrictProfileList listDistrictProfiles(@Parameter(required = true, example = "40100") @QueryParam("area") String area,
                                                    @Parameter(example = "2020") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        String code = Strings.strippedOrNull(area);
        if (code == null) {
            throw ProblemException.invalid("area", "必須項目です");
        }
        return service.list(code, fiscalYear);
    }

    @PUT
    @Path("/{area}/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "putDistrictProfile", summary = "校区の取り組み概要を書く（担当の校区のみ。更新では version が必要）")
    @Extension(name = "x-problems", value = "404,409,422")
    public DistrictProfileResponse putDistrictProfile(@Parameter(example = "40102-takasu") @PathParam("area") String area,
                                                      @Parameter(example = "2020") @PathParam("fiscalYear") @Min(1989) @Max(2200) int fiscalYear,
                                                      @Valid @NotNull DistrictProfileRequest request) {
        return service.put(area, fiscalYear, request, access.get());
    }
}
