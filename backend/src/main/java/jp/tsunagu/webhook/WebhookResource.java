package jp.tsunagu.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Webhooks: other systems told when KPIs, approvals or plans change, instead of polling. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "連携", description = "他のシステムとの連携（API トークン、Webhook）")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.ADMIN_ROLE)
public class WebhookResource {

    private final WebhookService service;
    private final Caller caller;

    WebhookResource(WebhookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Webhook の購読の一覧（未配信・配信をあきらめた件数つき）")
    public WebhookList listWebhooks() {
        return service.list();
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Webhook を登録する（kpi.changed / evaluation.approved / plan.changed）。署名の秘密はこのときだけ返す")
    @Extension(name = "x-status", value = "201")
    public RestResponse<CreatedWebhook> createWebhook(@Valid @NotNull CreateWebhookRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.create(request, caller.name()));
    }

    @jakarta.ws.rs.PATCH
    @Path("/{id}")
    @Operation(operationId = "updateWebhook", summary = "Webhook の購読を一時停止・再開する（停止中もイベントは貯まり、再開すると順に送る）")
    @Extension(name = "x-problems", value = "404")
    public WebhookDto updateWebhook(@PathParam("id") long id, @Valid @NotNull UpdateWebhookRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Webhook の購読を削除する（未配信のイベントも消える）")
    @Extension(name = "x-problems", value = "404")
    public void deleteWebhook(@PathParam("id") long id) {
        service.delete(id);
    }

    @GET
    @Path("/{id}/events")
    @Operation(operationId = "listWebhookEvents", summary = "配信の記録: 最近のイベント 100 件と、試みごとの HTTP ステータス")
    @Extension(name = "x-problems", value = "404")
    public WebhookEventList listWebhookEvents(@PathParam("id") long id) {
        return service.events(id);
    }

    @POST
    @Path("/{id}/events/{event}/redeliveries")
    @Operation(operationId = "redeliverWebhookEvent", summary = "イベントを送り直す（同じ本文を新しいイベントとして列の最後に加える）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "404")
    public RestResponse<WebhookEventDto> redeliverWebhookEvent(@PathParam("id") long id, @PathParam("event") long event) {
        return RestResponse.status(RestResponse.Status.CREATED, service.redeliver(id, event));
    }
}
