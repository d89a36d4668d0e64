package jp.tsunagu.shared;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading optional text fields of the demo fixture files. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field's text, or null when it is absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
