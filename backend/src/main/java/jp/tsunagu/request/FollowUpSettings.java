package jp.tsunagu.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The city's thresholds for 要対応 (one row). */
@Entity
@Table(name = "follow_up_settings")
public class FollowUpSettings {
    @Id
    public Integer id;
    @Column(name = "proposal_days")
    public int proposalDays;
    @Column(name = "waiting_days")
    public int waitingDays;
    @Column(name = "activity_grace_days")
    public int activityGraceDays;
    @Column(name = "idle_supporter_days")
    public int idleSupporterDays;
    @Version
    public long version;
}
