package jp.tsunagu.survey;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One respondent, mapped only for counting: the answers and attributes stay in the table (written by
 * JDBC batch, read only by aggregate SQL). No API path returns this.
 */
@Entity
@Table(name = "survey_response")
class SurveyResponseRow {

    @Id
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    Survey survey;

    @Enumerated(EnumType.STRING)
    SurveyBand band;
}
