package jp.tsunagu.supporter;

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
import jp.tsunagu.area.Area;

/** A district's group of supporters (たかすちょこっと応援タイ, お助け隊 …), paid or unpaid. */
@Entity
@Table(name = "supporter_group")
public class SupporterGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    public Area area;
    public String name;
    @Enumerated(EnumType.STRING)
    public Payment payment;
    /** Retired groups keep their supporters' history and take no new supporter. */
    public boolean active = true;
    @jakarta.persistence.Version
    public long version;
}
