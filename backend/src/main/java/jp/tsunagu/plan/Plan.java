package jp.tsunagu.plan;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import jp.tsunagu.area.Area;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A welfare plan (計画) of a city: its tree levels, actor columns, grade thresholds and linked plans. */
@Entity
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "city_id")
    public Area city;

    @Enumerated(EnumType.STRING)
    public PlanKind kind;

    public String title;

    @Column(name = "period_start")
    public int periodStart;

    @Column(name = "period_end")
    public int periodEnd;

    public String vision;

    @Enumerated(EnumType.STRING)
    public PlanStatus status = PlanStatus.ACTIVE;

    @Column(name = "grade_a")
    public BigDecimal gradeA = BigDecimal.valueOf(100);

    @Column(name = "grade_b")
    public BigDecimal gradeB = BigDecimal.valueOf(80);

    @Column(name = "grade_c")
    public BigDecimal gradeC = BigDecimal.valueOf(50);

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /** When the plan was published as open data (null: not published). */
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_level", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "depth")
    @Column(name = "name")
    public List<String> levels = new ArrayList<>();

    /** The role symbols and their meanings as the plan prints them (nodes may override: {@link PlanNode#legend}). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_legend", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    public List<LegendEntry> legend = LegendEntry.standard();

    /** 問い合わせ先, in printed order. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_contact", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    public List<PlanContact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PlanActor> actors = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "plan_link", joinColumns = @JoinColumn(name = "plan_id"),
            inverseJoinColumns = @JoinColumn(name = "linked_plan_id"))
    public Set<Plan> links = new LinkedHashSet<>();

    public PlanActor actor(String key) {
        return actors.stream().filter(a -> a.key.equals(key)).findFirst().orElse(null);
    }
}
