package jp.tsunagu.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.time.LocalDate;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;
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
    private final jp.tsunagu.access.AccessResolver access;

    AuditResource(AuditService service, jp.tsunagu.access.AccessResolver access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "getAuditLog",
            summary = "個人情報の閲覧・変更とアカウントの変更の記録（新しい順。記録の種類・だれが・期間で絞り込み、カーソルでページ送り。Accept: text/csv か format=csv ですべてを CSV で。変更・削除はできません）")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response getAuditLog(@Parameter(example = "RECIPIENT", schema = @Schema(implementation = AuditedRecord.class)) @QueryParam("entity") String entity,
                                @Parameter(example = "coordinator") @QueryParam("actor") String actor,
                                @Parameter(description = "この日から（日本時間）", example = "2026-04-01") @QueryParam("from") LocalDate from,
                                @Parameter(description = "この日まで（日本時間）", example = "2027-03-31") @QueryParam("to") LocalDate to,
                                @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit,
                                @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor,
                                @Parameter(description = "csv で CSV を返す") @QueryParam("format") String format,
                                @HeaderParam("Accept") String accept) {
        AuditedRecord kind = EnumParams.parse(AuditedRecord.class, "entity", entity);
        String who = Strings.strippedOrNull(actor);
        if (from != null && to != null && to.isBefore(from)) {
            throw jp.tsunagu.shared.ProblemException.invalid("to", "終わりの日は始まりの日より後にしてください");
        }
        boolean csv = "csv".equalsIgnoreCase(Strings.strippedOrNull(format))
                || (accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON));
        if (csv) {
            return Response.ok(service.download(kind, who, from, to, access.get()), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"").build();
        }
        return Response.ok(service.read(kind, who, from, to, limit, Strings.strippedOrNull(cursor), access.get()), MediaType.APPLICATION_JSON).build();
    }
}
