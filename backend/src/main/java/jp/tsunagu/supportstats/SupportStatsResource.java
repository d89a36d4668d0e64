package jp.tsunagu.supportstats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.security.Scopes;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 支援統計: consultations, adjustments, the share of each trouble and supporters, per area and fiscal year. */
@Path("/api/v1/support-stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class SupportStatsResource {

    private final SupportStatsService service;

    SupportStatsResource(SupportStatsService service) {
        this.service = service;
    }

    @GET
    @Path("/years")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "getSupportStatsYears", summary = "統計のある年度（新しい順）: 統計の画面はこの最初の年度を開く")
    @Extension(name = "x-problems", value = "404")
    public SupportStatsYears getSupportStatsYears(@Parameter(required = true, example = "40100") @QueryParam("area") String area) {
        String code = Strings.strippedOrNull(area);
        if (code == null) {
            throw ProblemException.invalid("area", "必須項目です");
        }
        return service.years(code);
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.KPI_READ})
    @Operation(operationId = "getSupportStats", summary = "相談件数・需給調整件数・種類別の割合・担い手の数（集計のみ。校区・区・市）")
    @Extension(name = "x-problems", value = "404")
    public SupportStats getSupportStats(@Parameter(required = true, example = "40102-takasu") @QueryParam("area") String area,
                                        @Parameter(required = true, example = "2020") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        String code = Strings.strippedOrNull(area);
        if (code == null) {
            throw ProblemException.invalid("area", "必須項目です");
        }
        if (fiscalYear == null) {
            throw ProblemException.invalid("fiscalYear", "必須項目です");
        }
        return service.of(code, fiscalYear);
    }
}
