package jp.tsunagu.survey;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.area.Area;
import jp.tsunagu.indicator.Indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A citizen survey (市民アンケート): its data comes as individual responses or as a published distribution. */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String title;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    /** Null for a national survey. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    public Area area;

    @Column(name = "conducted_by")
    public String conductedBy;

    @Enumerated(EnumType.STRING)
    public Instrument instrument;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_source")
    public DataSource dataSource;

    @Column(name = "published_respondents")
    public Integer publishedRespondents;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "survey_published_share", joinColumns = @JoinColumn(name = "survey_id"))
    @MapKeyColumn(name = "band")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "percent")
    public Map<SurveyBand, BigDecimal> publishedShares = new EnumMap<>(SurveyBand.class);

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reference_survey_id")
    public Survey reference;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "feeds_indicator_id")
    public Indicator feedsIndicator;

    /** The bands whose share the indicator takes, comma-separated. */
    @Column(name = "feeds_bands")
    public String feedsBands;

    /** The attribute columns of the last upload, tab-separated (for breakdowns). */
    @Column(name = "response_attributes")
    public String responseAttributes;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Column(name = "updated_by")
    public String updatedBy;

    List<SurveyBand> bandsFed() {
        return feedsBands == null ? List.of() : Arrays.stream(feedsBands.split(",")).map(SurveyBand::valueOf).toList();
    }

    List<String> attributes() {
        return responseAttributes == null || responseAttributes.isEmpty() ? List.of() : List.of(responseAttributes.split("\t"));
    }

    /** The source an indicator value names when this survey derived it. */
    String source() {
        return "survey:" + code;
    }
}
