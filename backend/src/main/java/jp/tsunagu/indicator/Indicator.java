package jp.tsunagu.indicator;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import jp.tsunagu.plan.PlanNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An outcome indicator (成果指標) on any node of a plan, optionally disaggregated (e.g. 月4回以上 / 月2回以上). */
@Entity
public class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "node_id")
    public PlanNode node;

    public String code;

    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public String rationale;

    @Column(name = "not_set")
    public boolean notSet;

    @Column(name = "not_set_reason")
    public String notSetReason;

    @Column(name = "disaggregation_name")
    public String disaggregationName;

    @Column(name = "disaggregation_additive")
    public boolean disaggregationAdditive;

    public int position;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<IndicatorOption> options = new ArrayList<>();

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public Optional<IndicatorOption> option(String name) {
        return options.stream().filter(o -> o.name.equals(name)).findFirst();
    }
}
