package jp.tsunagu.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.EnumParams;
import jp.tsunagu.shared.Strings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 監査ログ: who read or changed personal data, when and from where (admins only). */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private final AuditService service;

    AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "getAuditLog", summary = "個人情報の閲覧・変更の記録（新しい順。変更・削除はできません）")
    public AuditEntryList getAuditLog(@Parameter(example = "RECIPIENT", schema = @Schema(implementation = AuditedRecord.class)) @QueryParam("entity") String entity,
                                      @Parameter(example = "coordinator") @QueryParam("actor") String actor,
                                      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit) {
        return service.list(EnumParams.parse(AuditedRecord.class, "entity", entity), Strings.strippedOrNull(actor), limit);
    }
}
