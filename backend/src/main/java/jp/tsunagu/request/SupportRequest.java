package jp.tsunagu.request;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.category.SupportCategory;
import jp.tsunagu.directory.ConsultationWindow;
import jp.tsunagu.recipient.Recipient;
import jp.tsunagu.shared.ProblemException;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A consultation (相談): what the resident needs, when, paid or not, and where it stands. Its status changes only
 * through the methods below, one rule each.
 */
@Entity
@Table(name = "support_request")
public class SupportRequest {
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
    @Enumerated(EnumType.STRING)
    public PaymentPreference payment;
    @Enumerated(EnumType.STRING)
    public Urgency urgency = Urgency.NORMAL;
    @Enumerated(EnumType.STRING)
    public RequestStatus status = RequestStatus.RECEIVED;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "referred_window_id")
    public ConsultationWindow referredWindow;
    @Column(name = "received_on")
    public LocalDate receivedOn = jp.tsunagu.shared.FiscalYears.today();
    @Version
    public long version;

    /** ISO day of week the request falls on. */
    public int dayOfWeek() {
        return weeklyDay != null ? weeklyDay : requestedDate.getDayOfWeek().getValue();
    }

    /** 受付 → 調整中: the coordinator starts looking for a supporter. False when it already was 調整中. */
    boolean startMatching() {
        requireAwaitingSupporter();
        boolean changed = status == RequestStatus.RECEIVED;
        status = RequestStatus.MATCHING;
        return changed;
    }

    /** Proposed to a supporter: only while it waits for one. */
    void proposed() {
        requireAwaitingSupporter();
        status = RequestStatus.ASSIGNED;
    }

    /** The proposal's outcome: accepted → 支援中, declined → back to 調整中, completed → 完了. */
    void assignmentMoved(AssignmentStatus to) {
        status = switch (to) {
            case ACCEPTED -> RequestStatus.ACTIVE;
            case DECLINED -> RequestStatus.MATCHING;
            case COMPLETED -> RequestStatus.COMPLETED;
            case PROPOSED -> status;
        };
    }

    void cancel() {
        requireNotClosed();
        status = RequestStatus.CANCELLED;
    }

    void referTo(ConsultationWindow window) {
        requireNotClosed();
        referredWindow = window;
        status = RequestStatus.REFERRED;
    }

    /** 完了 or 取消 → 調整中 again (a case sent to a window stays with the window). */
    void reopen() {
        if (status != RequestStatus.COMPLETED && status != RequestStatus.CANCELLED) {
            throw ProblemException.conflict("invalid-transition", "再開できるのは完了・取消の相談です（いまは" + status.label() + "）。");
        }
        status = RequestStatus.MATCHING;
    }

    void requireNotClosed() {
        if (status.closed()) {
            throw ProblemException.conflict("invalid-transition", "この相談はすでに終わっています（" + status.label() + "）。");
        }
    }

    private void requireAwaitingSupporter() {
        if (!status.awaitingSupporter()) {
            throw ProblemException.conflict("request-not-open", "この相談はすでに調整済みか終わっています（" + status.label() + "）。");
        }
    }
}
