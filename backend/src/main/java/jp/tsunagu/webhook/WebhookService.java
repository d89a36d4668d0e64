package jp.tsunagu.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.shared.ProblemException;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Subscriptions (ADMIN): registered with a secret shown once, listed with their queue, their events and attempts. */
@ApplicationScoped
class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final boolean allowPrivate;

    WebhookService(WebhookStore store,
                   @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tsunagu.webhooks.allow-private-addresses", defaultValue = "false")
                   boolean allowPrivate) {
        this.store = store;
        this.allowPrivate = allowPrivate;
    }

    CreatedWebhook create(CreateWebhookRequest r, String actor) {
        String url = r.url().strip();
        URI uri = target(url);
        List<WebhookEventType> events = new java.util.ArrayList<>();
        for (int i = 0; i < r.events().size(); i++) {
            String name = r.events().get(i);
            String field = "events[" + i + "]";
            WebhookEventType type = java.util.Arrays.stream(WebhookEventType.values()).filter(t -> t.value().equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-event", field,
                            "イベント " + name + " はありません（kpi.changed / evaluation.approved / plan.changed）"));
            if (!events.contains(type)) {
                events.add(type);
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
        long id = store.insert(uri.toString(), events, secret, description, actor);
        return new CreatedWebhook(store.find(id).orElseThrow(), secret);
    }

    /**
     * Where deliveries may go: an http(s) URL without credentials, and — unless an administrator allowed it by
     * configuration — not this machine, the local network's link-local range or the API itself, so that a subscription
     * cannot be used to reach what is only reachable from inside.
     */
    private URI target(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-webhook-url", "url", "URL の形になっていません");
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                || uri.getHost() == null) {
            throw ProblemException.unprocessable("invalid-webhook-url", "url", "http:// または https:// で始まる URL を指定してください");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.unprocessable("invalid-webhook-url", "url", "URL に利用者名やパスワードを含めないでください（署名で確かめます）");
        }
        if (!allowPrivate) {
            String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
            boolean local = host.equals("localhost") || host.endsWith(".localhost");
            try {
                for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
                    local |= a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress();
                }
            } catch (java.net.UnknownHostException e) {
                // Not resolvable now: it may be later (deliveries retry); nothing says it is local.
            }
            if (local) {
                throw ProblemException.unprocessable("webhook-url-not-allowed", "url",
                        "このサーバー自身やリンクローカルのアドレスには送れません（管理者が tsunagu.webhooks.allow-private-addresses で許可できます）");
            }
        }
        return uri;
    }

    WebhookList list() {
        return new WebhookList(store.list());
    }

    WebhookDto update(long id, UpdateWebhookRequest r) {
        if (!store.setActive(id, r.active())) {
            throw notFound(id);
        }
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    void delete(long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    WebhookEventList events(long id) {
        store.find(id).orElseThrow(() -> notFound(id));
        return new WebhookEventList(store.events(id, null, 100));
    }

    WebhookEventDto redeliver(long id, long event) {
        store.find(id).orElseThrow(() -> notFound(id));
        long copy = store.redeliver(id, event).orElseThrow(() ->
                ProblemException.notFound("webhook-event-not-found", "購読 " + id + " にイベント " + event + " はありません。"));
        return store.events(id, copy, 1).get(0);
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("webhook-not-found", "Webhook の購読 " + id + " はありません。");
    }
}
