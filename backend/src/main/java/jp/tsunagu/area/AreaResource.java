package jp.tsunagu.area;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 地域（市・区・校区…）: HTTP only; rules live in {@link AreaService}. */
@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域", description = "市 → 区 → 日常生活圏域 → 校(地)区 → 町内自治会")
@SecurityRequirement(name = "bearer")
public class AreaResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AreaService service;

    AreaResource(AreaService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.DIRECTORY_READ})
    @Operation(operationId = "listAreas", summary = "地域の一覧（親・種類・名前/かなで絞り込み、コード順、カーソルでページ送り）")
    public AreaPage listAreas(
            @Parameter(description = "親の地域コード", example = "40203") @QueryParam("parent") String parent,
            @Parameter(description = "地域の種類", schema = @Schema(implementation = AreaKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "名前・かな・コードの一部", example = "ひよし") @QueryParam("q") String q,
            @Parameter(description = "件数（1〜1000）", example = "100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return service.list(parent, EnumParams.parse(AreaKind.class, "kind", kind), q, limit, cursor);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.DIRECTORY_READ})
    @Operation(operationId = "getArea", summary = "地域を 1 件取得する")
    public AreaResponse getArea(@Parameter(example = "40203-hiyoshi") @PathParam("code") String code) {
        return service.get(code);
    }

    @GET
    @Path("/{code}/subtree")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE, Role.VIEWER_ROLE, Scopes.DIRECTORY_READ})
    @Operation(operationId = "getAreaSubtree", summary = "地域とその下位すべてを木のまま取得する")
    public AreaTreeNode getAreaSubtree(@Parameter(example = "40100") @PathParam("code") String code) {
        return service.subtree(code);
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "createArea", summary = "地域を登録する")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<AreaResponse> createArea(@Valid @NotNull CreateAreaRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "updateArea", summary = "地域を更新する（version が古ければ 409）")
    @Extension(name = "x-problems", value = "422")
    public AreaResponse updateArea(@PathParam("code") String code, @Valid @NotNull UpdateAreaRequest request) {
        return service.update(code, request);
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "retireArea", summary = "地域を廃止する（使われている地域は削除せず廃止する。記録は残り、新しい登録には出てこない）")
    public AreaResponse retireArea(@PathParam("code") String code) {
        return service.retire(code, true);
    }

    @POST
    @Path("/{code}/reinstate")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "reinstateArea", summary = "廃止した地域を元に戻す")
    public AreaResponse reinstateArea(@PathParam("code") String code) {
        return service.retire(code, false);
    }

    @POST
    @Path("/imports")
    @Consumes({"text/tab-separated-values", "text/csv", AreaResource.XLSX, "application/octet-stream", "text/plain"})
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "importAreas",
            summary = "市の地域（区・日常生活圏域・校区・町内）を 1 ファイルで取り込む（TSV / CSV（UTF-8・Shift_JIS）/ XLSX。列は code, name, kana, kind, parent）。commit=false なら試行のみ、commit=true で全部を反映（問題があれば何も反映せず 422）")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = {
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/tab-separated-values",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = AreaResource.XLSX,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @Extension(name = "x-problems", value = "422")
    public AreaImportReport importAreas(
            @Parameter(description = "true で反映する（既定は試行のみ）") @QueryParam("commit") @DefaultValue("false") boolean commit,
            @Parameter(description = "元のファイル名（形式の判別に使う）", example = "areas.csv") @HeaderParam("X-File-Name") String fileName,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        String name = fileName == null ? null : java.net.URLDecoder.decode(fileName, java.nio.charset.StandardCharsets.UTF_8);
        return service.importAreas(jp.tsunagu.shared.UploadedTable.read(body == null ? new byte[0] : body, contentType, name), commit);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "deleteArea", summary = "地域を削除する（下位の地域や参照が残っていれば 409）")
    public void deleteArea(@PathParam("code") String code) {
        service.delete(code);
    }
}
