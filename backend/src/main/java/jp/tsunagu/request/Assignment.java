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
import jakarta.persistence.Version;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.supporter.Supporter;

import java.time.LocalDate;
import java.util.Set;

/** A supply–demand adjustment (需給調整): a request proposed to a supporter. */
@Entity
public class Assignment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id")
    public SupportRequest request;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supporter_id")
    public Supporter supporter;
    @Enumerated(EnumType.STRING)
    public AssignmentStatus status = AssignmentStatus.PROPOSED;
    @Column(name = "created_on")
    public LocalDate createdOn = jp.tsunagu.shared.FiscalYears.today();
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    /** Still holding a place of the supporter's capacity. */
    public boolean open() {
        return status == AssignmentStatus.PROPOSED || status == AssignmentStatus.ACCEPTED;
    }

    /**
     * 依頼中 → 引受 → 完了, or 辞退 from 依頼中 or 引受; the request follows. True when the supporter's place is given back.
     */
    boolean move(AssignmentStatus to) {
        Set<AssignmentStatus> from = switch (to) {
            case ACCEPTED -> Set.of(AssignmentStatus.PROPOSED);
            case DECLINED -> Set.of(AssignmentStatus.PROPOSED, AssignmentStatus.ACCEPTED);
            case COMPLETED -> Set.of(AssignmentStatus.ACCEPTED);
            case PROPOSED -> Set.of();
        };
        if (!from.contains(status)) {
            throw ProblemException.conflict("invalid-transition", "この調整は「" + status.label() + "」のため「" + to.label() + "」にできません。");
        }
        status = to;
        request.assignmentMoved(to);
        return to != AssignmentStatus.ACCEPTED;
    }

    /** Closed with its request (cancelled or referred elsewhere): declined, without touching the request. */
    boolean closeWithRequest() {
        if (!open()) {
            return false;
        }
        status = AssignmentStatus.DECLINED;
        return true;
    }
}
