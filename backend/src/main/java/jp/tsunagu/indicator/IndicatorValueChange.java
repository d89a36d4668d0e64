package jp.tsunagu.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One remembered change of a value: who, when, old and new. Written only by the service. */
@Entity
@Table(name = "indicator_value_change")
public class IndicatorValueChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(name = "option_name")
    public String optionName;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    public ValueKind kind;

    @Column(name = "old_value")
    public BigDecimal oldValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "old_marker")
    public Marker oldMarker;

    @Column(name = "new_value")
    public BigDecimal newValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_marker")
    public Marker newMarker;

    @Column(name = "changed_by")
    public String changedBy;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public ValueOrigin origin;

    @Column(name = "origin_name")
    public String originName;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt = OffsetDateTime.now();
}
