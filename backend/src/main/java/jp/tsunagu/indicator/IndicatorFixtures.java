package jp.tsunagu.indicator;

import com.fasterxml.jackson.databind.JsonNode;

import static jp.tsunagu.shared.JsonFields.text;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Creates indicators and their values from the demo fixture format. */
@ApplicationScoped
public class IndicatorFixtures {

    private final IndicatorService service;
    private final IndicatorDefinitions definitions;
    private final IndicatorRepository indicators;

    IndicatorFixtures(IndicatorService service, IndicatorDefinitions definitions, IndicatorRepository indicators) {
        this.service = service;
        this.definitions = definitions;
        this.indicators = indicators;
    }

    /**
     * The demo's shared definition, 生活支援コーディネーターの活動回数, with the 介護保険事業計画's indicator linked to it
     * (a city of one's own links its indicator to compare, on the indicator's page). Idempotent.
     */
    public void linkDemoDefinitions() {
        indicators.flush();
        definitions.create(new CreateIndicatorDefinitionRequest("sc-activities", "生活支援コーディネーターの活動回数", "回",
                "第1層・第2層の生活支援コーディネーターが地域に出向いて活動した回数（介護保険事業計画の成果指標）"), "demo");
        if (indicators.findByCode("kaigo-9th-coordinator-activities").isPresent()) {
            definitions.link("kaigo-9th-coordinator-activities", "sc-activities");
        }
    }

    public void createIndicator(String planCode, String nodeCode, JsonNode i) {
        DisaggregationDto disaggregation = null;
        JsonNode d = i.get("disaggregation");
        if (d != null && !d.isNull()) {
            List<String> options = new ArrayList<>();
            d.path("options").forEach(o -> options.add(o.asText()));
            disaggregation = new DisaggregationDto(d.get("name").asText(), d.path("additive").asBoolean(), options);
        }
        String direction = text(i, "direction");
        String name = text(i, "name");
        service.create(new CreateIndicatorRequest(i.get("code").asText(), planCode, nodeCode, name == null ? "未設定" : name,
                text(i, "unit"), direction == null ? null : Direction.valueOf(direction), text(i, "rationale"),
                i.path("notSet").asBoolean(), text(i, "notSetReason"), disaggregation));
        List<BatchValueRow> rows = new ArrayList<>();
        i.path("values").forEach(v -> rows.add(new BatchValueRow(i.get("code").asText(), v.get("year").asInt(),
                ValueKind.valueOf(v.get("kind").asText()), text(v, "option"),
                text(v, "value") == null ? null : new BigDecimal(text(v, "value")),
                text(v, "marker") == null ? null : Marker.valueOf(text(v, "marker")))));
        // Totals and their options arrive in one batch, so the sum rule sees them together.
        if (!rows.isEmpty()) {
            service.putSeedValues(rows, "demo");
        }
    }

}
