package jp.tsunagu.directory;

import jp.tsunagu.shared.Strings;
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
import jp.tsunagu.shared.security.Scopes;
import jp.tsunagu.shared.EnumParams;
import jp.tsunagu.shared.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 相談先一覧: read by any login or a {@code directory:read} token, changed by ADMIN. */
@Path("/api/v1/consultation-windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "相談先一覧", description = "相談窓口と、校区・種類からの案内")
@SecurityRequirement(name = "bearer")
public class ConsultationWindowResource {

    private final DirectoryService service;

    ConsultationWindowResource(DirectoryService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.DIRECTORY_READ})
    @Operation(operationId = "listConsultationWindows", summary = "相談窓口の一覧（種類・名前で絞り込み）")
    public ConsultationWindowList listConsultationWindows(
            @Parameter(description = "相談の種類", schema = @Schema(implementation = WindowCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "窓口名の一部", example = "地域包括") @QueryParam("q") String q) {
        return service.list(EnumParams.parse(WindowCategory.class, "category", category), q);
    }

    @GET
    @Path("/route")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.DIRECTORY_READ})
    @Operation(operationId = "routeConsultation",
            summary = "地域（校区・町内などのコードまたは名前）と相談の種類から、担当の窓口と電話・FAX を引く")
    @Extension(name = "x-problems", value = "404")
    public RouteResponse routeConsultation(
            @Parameter(description = "地域コード、または地域名（完全一致）", required = true, example = "日吉") @QueryParam("area") String area,
            @Parameter(description = "相談の種類", required = true, schema = @Schema(implementation = WindowCategory.class))
            @QueryParam("category") String category) {
        WindowCategory parsed = EnumParams.require(WindowCategory.class, "category", category);
        if (Strings.absent(area)) {
            throw ProblemException.invalid("area", "必須項目です");
        }
        return service.route(area, parsed);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.DIRECTORY_READ})
    @Operation(operationId = "getConsultationWindow", summary = "相談窓口を 1 件取得する")
    public ConsultationWindowResponse getConsultationWindow(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "createConsultationWindow", summary = "相談窓口を登録する")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<ConsultationWindowResponse> createConsultationWindow(@Valid @NotNull ConsultationWindowRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "updateConsultationWindow", summary = "相談窓口を更新する（version が古ければ 409）")
    @Extension(name = "x-problems", value = "422")
    public ConsultationWindowResponse updateConsultationWindow(@PathParam("id") long id, @Valid @NotNull ConsultationWindowRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "deleteConsultationWindow", summary = "相談窓口を削除する")
    public void deleteConsultationWindow(@PathParam("id") long id) {
        service.delete(id);
    }
}
