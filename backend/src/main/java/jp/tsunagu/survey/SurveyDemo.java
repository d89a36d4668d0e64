package jp.tsunagu.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.shared.DelimitedText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo surveys of seed 003: the city (R6) and national (R5) distributions as published, the city's
 * feeding 孤独感の程度が高い市民の割合, and an invented set of responses that rounds to the city's figures.
 */
@ApplicationScoped
public class SurveyDemo {

    private static final String WHO = "demo";

    private final SurveyService surveys;
    private final ObjectMapper mapper;

    SurveyDemo(SurveyService surveys, ObjectMapper mapper) {
        this.surveys = surveys;
        this.mapper = mapper;
    }

    /** Adds the surveys not there yet; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int load() {
        int added = 0;
        for (JsonNode s : read("demo/surveys/surveys.json")) {
            String code = s.get("code").asText();
            if (surveys.find(code).isPresent()) {
                continue;
            }
            PublishedDistributionRequest published = null;
            if (s.has("shares")) {
                List<PublishedShareRequest> shares = new ArrayList<>();
                s.get("shares").fields().forEachRemaining(e ->
                        shares.add(new PublishedShareRequest(SurveyBand.valueOf(e.getKey()), new BigDecimal(e.getValue().asText()))));
                published = new PublishedDistributionRequest(shares, null);
            }
            surveys.create(new CreateSurveyRequest(code, s.get("title").asText(), s.get("fiscalYear").asInt(),
                    text(s, "area"), text(s, "conductedBy"), Instrument.UCLA3, DataSource.valueOf(s.get("dataSource").asText()),
                    text(s, "reference"), published), WHO);
            if (s.has("responses")) {
                byte[] file = bytes(s.get("responses").asText());
                surveys.importResponses(code, DelimitedText.rows(DelimitedText.decode(file), ','), true, WHO);
            }
            if (s.has("feeds")) {
                JsonNode feeds = s.get("feeds");
                List<SurveyBand> bands = new ArrayList<>();
                feeds.get("bands").forEach(b -> bands.add(SurveyBand.valueOf(b.asText())));
                surveys.setRule(code, new SurveyRuleRequest(feeds.get("indicator").asText(), bands), WHO);
            }
            added++;
        }
        return added;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private JsonNode read(String resource) {
        try {
            return mapper.readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
