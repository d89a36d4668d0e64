package jp.tsunagu.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A node of a plan's tree (基本方針 / 取組の視点 / 取組 / 事業 …). */
@Entity
@Table(name = "plan_node")
public class PlanNode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public PlanNode parent;

    public String code;

    public String title;

    public String summary;

    @Column(name = "activity_unit")
    public String activityUnit;

    /** 取組の主な対象, as written. */
    @Column(name = "main_target")
    public String mainTarget;

    public int position;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @OneToMany(mappedBy = "node", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<NodeRole> roles = new ArrayList<>();

    /** This section's own legend (熊本市 prints one per 取組); empty: the parent's, up to the plan's, is in force. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "node_legend", joinColumns = @JoinColumn(name = "node_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    public List<LegendEntry> legend = new ArrayList<>();

    /** The legend in force here: this node's own, else the nearest ancestor's, else the plan's. */
    public List<LegendEntry> legendInForce() {
        for (PlanNode n = this; n != null; n = n.parent) {
            if (!n.legend.isEmpty()) {
                return n.legend;
            }
        }
        return plan.legend;
    }

    public boolean isSelfOrAncestorOf(PlanNode other) {
        for (PlanNode n = other; n != null; n = n.parent) {
            if (n.id.equals(id)) {
                return true;
            }
        }
        return false;
    }
}
