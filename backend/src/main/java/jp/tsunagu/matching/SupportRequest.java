package jp.tsunagu.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.directory.ConsultationWindow;

import java.time.LocalDate;
import java.time.LocalTime;

/** A consultation (相談): what the resident needs, when, paid or not, and where it stands. */
@Entity
@Table(name = "support_request")
public class SupportRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id")
    public Recipient recipient;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public SupportCategory category;
    public String description;
    @Column(name = "requested_date")
    public LocalDate requestedDate;
    @Column(name = "weekly_day")
    public Short weeklyDay;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    public String payment;
    public String urgency = "NORMAL";
    public String status = "RECEIVED";
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "referred_window_id")
    public ConsultationWindow referredWindow;
    @Column(name = "received_on")
    public LocalDate receivedOn = LocalDate.now();
    @Version
    public long version;

    /** ISO day of week the request falls on. */
    public int dayOfWeek() {
        return weeklyDay != null ? weeklyDay : requestedDate.getDayOfWeek().getValue();
    }
}
