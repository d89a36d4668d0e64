package jp.tsunagu.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.Idempotency;
import jp.tsunagu.shared.Strings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** 要支援者: finding, registering and changing recipients (coordinators of the district and admins). */
@Path("/api/v1/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "地域生活支援", description = "困りごとの相談と担い手の調整")
@SecurityRequirement(name = "bearer")
public class RecipientResource {

    private final RecipientService service;
    private final AccessResolver access;
    private final Idempotency idempotency;

    RecipientResource(RecipientService service, AccessResolver access, Idempotency idempotency) {
        this.service = service;
        this.access = access;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "findRecipients", summary = "要支援者を名前・かなで探す（担当地区のみ）")
    public List<RecipientResponse> findRecipients(
            @Parameter(example = "わかまつ") @QueryParam("q") String q,
            @Parameter(description = "件数（1〜500、かな順）", example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.find(q, limit, access.get());
    }

    @POST
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "createRecipient", summary = "要支援者を登録する")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<RecipientResponse> createRecipient(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                                           @Valid @NotNull RecipientRequest request) {
        return idempotency.created(access.get().actor(), idempotencyKey, "createRecipient", request, RecipientResponse.class,
                () -> service.create(request, access.get()), replay -> service.replayed(replay, access.get()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "updateRecipient", summary = "要支援者の登録内容を変える（連絡先・同意・地域など。version 必須、担当外は 404）")
    @Extension(name = "x-problems", value = "422")
    public RecipientResponse updateRecipient(@PathParam("id") long id, @Valid @NotNull RecipientRequest request) {
        return service.update(id, request, access.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "getRecipient", summary = "要支援者を 1 人取得する（担当外は 404）")
    public RecipientResponse getRecipient(@PathParam("id") long id) {
        return service.get(id, access.get());
    }

    @POST
    @Path("/{id}/sharing-decisions")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "recordSharingDecision",
            summary = "支援会議（社会福祉法第106条の6）で情報の共有を決めたことを記録する（同意がなくても、依頼票に連絡先が載ります。会議の日・名前・決めた人）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "422")
    public RestResponse<SharingDecisionResponse> recordSharingDecision(@PathParam("id") long id, @Valid @NotNull SharingDecisionRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.recordSharingDecision(id, request, access.get()));
    }

    @GET
    @Path("/{id}/sharing-decisions")
    @RolesAllowed({Role.ADMIN_ROLE, Role.COORDINATOR_ROLE})
    @Operation(operationId = "listSharingDecisions", summary = "情報共有の決定の記録（新しい会議から）")
    public List<SharingDecisionResponse> listSharingDecisions(@PathParam("id") long id) {
        return service.sharingDecisions(id, access.get());
    }
}
