package jp.tsunagu.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "CreateWebhookRequest")
record CreateWebhookRequest(
        @NotBlank @Size(max = 2000) @Schema(examples = "https://kikan.city.example.lg.jp/hooks/tsunagu", description = "http または https の URL") String url,
        @NotNull @Size(min = 1, max = 3) @Schema(examples = "[\"kpi.changed\"]", description = "kpi.changed / evaluation.approved / plan.changed")
        List<@NotBlank @Size(max = 40) String> events,
        @Size(max = 200) @Schema(nullable = true, examples = "基幹系の KPI 取り込み") String description) {
}

@Schema(name = "UpdateWebhookRequest")
record UpdateWebhookRequest(
        @NotNull @Schema(description = "false で一時停止（イベントは貯めて送らない）、true で再開（貯めたものを順に送る）") Boolean active) {
}

@Schema(name = "Webhook")
record WebhookDto(long id, String url, List<WebhookEventType> events, @Schema(nullable = true) String description,
                  @Schema(description = "false なら一時停止中（イベントは貯まり、再開すると順に送る）") boolean active,
                  OffsetDateTime createdAt, String createdBy,
                  @Schema(description = "まだ届けていない（再試行待ちを含む）イベントの数") int pending,
                  @Schema(description = "諦めたイベントの数（24 時間届かなかったもの）") int failed) {
}

@Schema(name = "CreatedWebhook", description = "作成した購読。secret はこのときだけ返す（署名の検証に使う）")
record CreatedWebhook(WebhookDto webhook,
                      @Schema(description = "署名の秘密。Tsunagu-Signature: t=<UNIX 秒>,v1=<HMAC-SHA256(secret, t + \".\" + 本文) の16進>") String secret) {
}

@Schema(name = "WebhookList")
record WebhookList(List<WebhookDto> items) {
}

@Schema(name = "WebhookDelivery", description = "1 回の送信の試み")
record WebhookDeliveryDto(int attempt, @Schema(nullable = true, description = "受け手の HTTP ステータス（接続できなければ null）") Integer statusCode,
                          @Schema(nullable = true) String error, int durationMs, OffsetDateTime attemptedAt) {
}

@Schema(name = "WebhookEvent")
record WebhookEventDto(long id, WebhookEventType type, @Schema(description = "送る本文（JSON）") String body, OffsetDateTime createdAt,
                       int attempts, @Schema(nullable = true) OffsetDateTime deliveredAt, @Schema(nullable = true) OffsetDateTime gaveUpAt,
                       @Schema(nullable = true, description = "次に送る時刻（届いた・諦めたなら null）") OffsetDateTime nextAttemptAt,
                       List<WebhookDeliveryDto> deliveries) {
}

@Schema(name = "WebhookEventList")
record WebhookEventList(List<WebhookEventDto> items) {
}
