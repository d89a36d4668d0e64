package jp.tsunagu.area;

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
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A place in a city (市 / 区 / 日常生活圏域 / 校(地)区 / 町内自治会), identified by a stable code. */
@Entity
public class Area {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    public String kana;

    @Enumerated(EnumType.STRING)
    public AreaKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Area parent;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /** Retired: kept for the records that name it, offered for nothing new. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** This area and its ancestors, itself first. */
    public List<Area> selfAndAncestors() {
        List<Area> chain = new ArrayList<>();
        for (Area a = this; a != null && chain.size() < 32; a = a.parent) {
            chain.add(a);
        }
        return chain;
    }

    public boolean isSelfOrAncestorOf(Area other) {
        return other.selfAndAncestors().stream().anyMatch(a -> a.id.equals(id));
    }
}
