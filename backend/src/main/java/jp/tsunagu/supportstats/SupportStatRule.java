package jp.tsunagu.supportstats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jp.tsunagu.area.Area;
import jp.tsunagu.category.SupportCategory;
import jp.tsunagu.indicator.Indicator;

import java.time.OffsetDateTime;

/** An indicator whose yearly actuals are a support statistic of an area. */
@Entity
@Table(name = "indicator_stat_rule")
class SupportStatRule {

    @Id
    @Column(name = "indicator_id")
    Long indicatorId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "indicator_id")
    Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    Area area;

    @Enumerated(EnumType.STRING)
    SupportStatistic statistic;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    SupportCategory category;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt = OffsetDateTime.now();

    @Column(name = "updated_by")
    String updatedBy;

    String source() {
        return "support-stats:" + area.code + ":" + statistic + (category == null ? "" : ":" + category.code);
    }
}
