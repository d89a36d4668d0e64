package jp.tsunagu.plan;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A finding the plan was built on (課題 / 困りごと / 現状), as written, with the residents' examples and where it
 * came from (ヒアリング, ワークショップ, 協議体, ニーズ調査); attached to the plan or to one of its nodes.
 */
@Entity
@Table(name = "plan_finding")
public class PlanFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "node_id")
    public PlanNode node;

    public int position;

    @Enumerated(EnumType.STRING)
    public FindingKind kind;

    public String title;

    public String body;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_finding_example", joinColumns = @JoinColumn(name = "finding_id"))
    @OrderColumn(name = "position")
    @Column(name = "example")
    public List<String> examples = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_finding_source", joinColumns = @JoinColumn(name = "finding_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "source")
    public Set<FindingSource> sources = EnumSet.noneOf(FindingSource.class);

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Column(name = "updated_by")
    public String updatedBy;
}
