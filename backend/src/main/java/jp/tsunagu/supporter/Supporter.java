package jp.tsunagu.supporter;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import jp.tsunagu.category.SupportCategory;
import jp.tsunagu.area.Area;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A supporter (担い手 / 生活支援サポーター): personal data. */
@Entity
public class Supporter {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String kana;
    public String contact;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    public Area area;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public SupporterGroup group;
    @Column(name = "has_vehicle")
    public boolean hasVehicle;
    public int capacity = 2;
    /** Kept by single SQL updates only ({@link SupporterRepository#claim}, {@link SupporterRepository#release}); never written through the entity. */
    @Column(name = "open_assignments", insertable = false, updatable = false)
    public int openAssignments;
    public boolean active = true;
    @Version
    public long version;
    @ManyToMany
    @JoinTable(name = "supporter_category", joinColumns = @JoinColumn(name = "supporter_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    public Set<SupportCategory> categories = new LinkedHashSet<>();
    @OneToMany(mappedBy = "supporter", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<SupporterAvailability> availability = new ArrayList<>();
}
