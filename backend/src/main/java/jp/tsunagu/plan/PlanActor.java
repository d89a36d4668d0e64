package jp.tsunagu.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A column of the plan's role matrix (市, 市社協, 民生委員, 校区社協, 地域団体等, 地域住民 …). */
@Entity
@Table(name = "plan_actor")
public class PlanActor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    public String key;

    public String name;

    public int position;
}
