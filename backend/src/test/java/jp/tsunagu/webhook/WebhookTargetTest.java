package jp.tsunagu.webhook;

import jp.tsunagu.shared.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Where a subscription may not send, unless an administrator allowed it: this machine and link-local addresses (a
 * cloud's metadata service among them). Checked before anything is stored, so the service needs no database here.
 */
class WebhookTargetTest {

    private static ProblemException refused(String url) {
        WebhookService service = new WebhookService(null, false);
        return assertThrows(ProblemException.class, () -> service.create(new CreateWebhookRequest(url, List.of("kpi.changed"), null), "admin"));
    }

    @Test
    void loopbackLocalhostAndLinkLocalAddressesAreRefusedNamingTheUrl() {
        for (String url : List.of("http://127.0.0.1:8080/api/v1/plans", "http://localhost/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data", "http://0.0.0.0:8080/")) {
            ProblemException e = refused(url);
            assertEquals(422, e.status(), url);
            assertEquals("webhook-url-not-allowed", e.type(), url);
        }
        assertEquals("invalid-webhook-url", refused("gopher://example.org/").type());
    }
}
