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

    WebhookService(WebhookStore store) {
        this.store = store;
    }

    CreatedWebhook create(CreateWebhookRequest r, String actor) {
        String url = r.url().strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "URL の形になっていません");
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                || uri.getHost() == null) {
            throw ProblemException.invalid("url", "http:// または https:// で始まる URL を指定してください");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "URL に利用者名やパスワードを含めないでください（署名で確かめます）");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
        long id = store.insert(url, r.events(), secret, description, actor);
        return new CreatedWebhook(store.find(id).orElseThrow(), secret);
    }

    WebhookList list() {
        return new WebhookList(store.list());
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
