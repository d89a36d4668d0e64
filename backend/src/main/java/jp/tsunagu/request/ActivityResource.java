package jp.tsunagu.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 活動記録, read back: per assignment or per supporter, with the minutes summed. */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class ActivityResource {

    private final AssignmentService service;
    private final AccessResolver access;

    ActivityResource(AssignmentService service, AccessResolver access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listActivities", summary = "活動記録の一覧（調整ごと、または担い手ごと。新しい順、分の合計つき）")
    public ActivityList listActivities(@Parameter(description = "この調整の記録", example = "12") @QueryParam("assignment") Long assignment,
                                       @Parameter(description = "この担い手の記録", example = "34") @QueryParam("supporter") Long supporter) {
        return service.activities(assignment, supporter, access.get());
    }
}
