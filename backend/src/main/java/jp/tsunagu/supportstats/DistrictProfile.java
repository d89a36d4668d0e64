package jp.tsunagu.supportstats;

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
import jakarta.persistence.Version;
import jp.tsunagu.area.Area;

import java.time.OffsetDateTime;

/**
 * 実践地区の取り組み概要: a school district's year of 地域生活支援 as the council reports it — the 地域生活支援相談員,
 * the main support offered, paid or not, and the outcomes as written.
 */
@Entity
@Table(name = "district_profile")
public class DistrictProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    public Area area;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    public int counselors;

    @Column(name = "main_support")
    public String mainSupport;

    @Enumerated(EnumType.STRING)
    public OfferedPayment payment;

    public String outcomes;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Column(name = "updated_by")
    public String updatedBy;
}
