package jp.tsunagu.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a system may subscribe to, spelled as in the deliveries' {@code type}. */
public enum WebhookEventType {
    KPI_CHANGED("kpi.changed"),
    EVALUATION_APPROVED("evaluation.approved"),
    PLAN_CHANGED("plan.changed");

    private final String value;

    WebhookEventType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static WebhookEventType of(String value) {
        for (WebhookEventType t : values()) {
            if (t.value.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
