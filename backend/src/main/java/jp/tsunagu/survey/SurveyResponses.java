package jp.tsunagu.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The individual responses of surveys, which the API never returns one by one: written by JDBC batch (a
 * needs survey has thousands of rows, and the ORM would make an entity of each) and read only as counts.
 */
@ApplicationScoped
class SurveyResponses {

    private final EntityManager em;
    private final ObjectMapper mapper;

    SurveyResponses(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Respondents per band, for every survey at once (the survey list). */
    Map<Long, Map<SurveyBand, Long>> bandCountsBySurvey() {
        Map<Long, Map<SurveyBand, Long>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select r.survey.id, r.band, count(r) from SurveyResponseRow r group by r.survey.id, r.band", Object[].class)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(SurveyBand.class)).put((SurveyBand) row[1], (Long) row[2]);
        }
        return counts;
    }

    Map<SurveyBand, Long> bandCounts(Survey survey) {
        Map<SurveyBand, Long> counts = new EnumMap<>(SurveyBand.class);
        em.createQuery("select r.band, count(r) from SurveyResponseRow r where r.survey = :s group by r.band", Object[].class)
                .setParameter("s", survey).getResultList()
                .forEach(row -> counts.put((SurveyBand) row[0], (Long) row[1]));
        return counts;
    }

    /** Replaces the survey's responses by these rows. */
    void replace(Survey survey, List<ResponseFile.Row> rows) {
        em.createQuery("delete from SurveyResponseRow where survey = :s").setParameter("s", survey).executeUpdate();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into survey_response (survey_id, answers, band, attributes) values (?, ?, ?, ?::jsonb)")) {
                int n = 0;
                for (ResponseFile.Row row : rows) {
                    insert.setLong(1, survey.id);
                    insert.setArray(2, connection.createArrayOf("smallint", row.answers()));
                    insert.setString(3, SurveyBand.of(row.answers()).name());
                    insert.setString(4, json(row.attributes()));
                    insert.addBatch();
                    if (++n % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Respondents per value of one attribute and band; a missing value counts under {@code none}. */
    List<Object[]> countsByAttribute(Survey survey, String attribute, String none) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(attributes ->> :key, :none) as value, band, count(*)
                from survey_response where survey_id = :survey
                group by 1, 2 order by 1""")
                .setParameter("key", attribute).setParameter("none", none).setParameter("survey", survey.id).getResultList();
        return rows;
    }

    private String json(Map<String, String> attributes) {
        try {
            return mapper.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
