package jp.tsunagu.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of everyday trouble (困りごとの種類): ゴミ出し, 通院同行 …; some need a vehicle. */
@Entity
@Table(name = "support_category")
public class SupportCategory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    @Column(name = "requires_vehicle")
    public boolean requiresVehicle;
    public int position;
    public boolean active = true;
    /** The heading reports print this category under (同行（買物・通院等） for 買い物同行 and 通院同行); null: its name. */
    @Column(name = "report_heading")
    public String reportHeading;

    public String heading() {
        return reportHeading == null ? name : reportHeading;
    }
}
