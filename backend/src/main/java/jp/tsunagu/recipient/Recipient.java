package jp.tsunagu.recipient;

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
import jakarta.persistence.Version;
import jp.tsunagu.area.Area;

/** A resident who needs support (要支援者): personal data, shared with supporters only with consent. */
@Entity
public class Recipient {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String kana;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    public Area area;
    public String contact;
    @Column(name = "household_notes")
    public String householdNotes;
    @Column(name = "referred_by")
    @Enumerated(EnumType.STRING)
    public ReferredBy referredBy;
    public boolean consent;
    @Version
    public long version;
}
