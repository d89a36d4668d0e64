package jp.tsunagu.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 要対応: the coordinator's follow-up queue, its count for the menu's badge, and the city's thresholds. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class FollowUpResource {

    private final FollowUpService service;
    private final AccessResolver access;

    FollowUpResource(FollowUpService service, AccessResolver access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Path("/follow-ups")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getFollowUps",
            summary = "要対応（自分の地区の、返事のない提案・待っている相談・活動記録のない支援・しばらく依頼していない担い手。その時点の記録から数えます）")
    public FollowUpQueue getFollowUps(@Parameter(description = "この地区だけ", example = "40101-shoji") @QueryParam("area") String area) {
        return service.queue(Strings.strippedOrNull(area), access.get());
    }

    @GET
    @Path("/follow-up-counts")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getFollowUpCounts", summary = "要対応の件数だけ（メニューのバッジ用。名前を含みません）")
    public FollowUpCounts getFollowUpCounts(@Parameter(description = "この地区だけ", example = "40101-shoji") @QueryParam("area") String area) {
        return service.counts(Strings.strippedOrNull(area), access.get());
    }

    @GET
    @Path("/follow-up-settings")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getFollowUpSettings", summary = "要対応のしきい値（市の設定）")
    public FollowUpSettingsResponse getFollowUpSettings() {
        return service.settings();
    }

    @PUT
    @Path("/follow-up-settings")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "updateFollowUpSettings", summary = "要対応のしきい値を変える（version が古ければ 409）")
    public FollowUpSettingsResponse updateFollowUpSettings(@Valid @NotNull FollowUpSettingsRequest request) {
        return service.updateSettings(request);
    }
}
