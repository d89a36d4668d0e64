package jp.tsunagu.category;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** 困りごとの種類: everyone reads the list; admins add and change. */
@Path("/api/v1/support-categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class SupportCategoryResource {

    private final SupportCategoryService service;

    SupportCategoryResource(SupportCategoryService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "listSupportCategories", summary = "困りごとの種類")
    public List<SupportCategoryResponse> listSupportCategories() {
        return service.list();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "putSupportCategory", summary = "困りごとの種類を追加・変更する（使わなくなったものは active=false。過去の相談と統計はそのまま）")
    @Extension(name = "x-problems", value = "409")
    public SupportCategoryResponse putSupportCategory(
            @Parameter(example = "LIGHT_WORK") @PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}",
                    message = "英大文字・数字・_ で指定してください") String code,
            @Valid @NotNull SupportCategoryRequest request) {
        return service.put(code, request);
    }
}
