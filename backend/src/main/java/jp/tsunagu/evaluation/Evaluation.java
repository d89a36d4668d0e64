package jp.tsunagu.evaluation;

import jp.tsunagu.indicator.Grade;
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
import jakarta.persistence.Version;
import jp.tsunagu.plan.PlanNode;
import jp.tsunagu.shared.ProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The evaluation sheet (事業調書) of one plan node and fiscal year, with its workflow. */
@Entity
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "node_id")
    public PlanNode node;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "result_text")
    public String resultText;

    @Column(name = "future_direction")
    public String futureDirection;

    @Enumerated(EnumType.STRING)
    public EvaluationDirection direction;

    @Column(name = "self_grade")
    @Enumerated(EnumType.STRING)
    public Grade selfGrade;

    @Enumerated(EnumType.STRING)
    public EvaluationStatus status = EvaluationStatus.DRAFT;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Column(name = "updated_by")
    public String updatedBy;

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    public List<EvaluationTransition> transitions = new ArrayList<>();

    /** Whether its author may change the text now: not while it waits for or has approval. */
    public boolean editable() {
        return status == EvaluationStatus.DRAFT || status == EvaluationStatus.RETURNED;
    }

    /** Moves to {@code to} if the workflow allows it from the current status, and remembers who and why. */
    void move(EvaluationStatus to, Set<EvaluationStatus> from, String actor, String comment) {
        if (!from.contains(status)) {
            throw ProblemException.conflict("invalid-transition",
                    "この事業調書は「" + label(status) + "」のため「" + label(to) + "」にできません。");
        }
        EvaluationTransition t = new EvaluationTransition();
        t.evaluation = this;
        t.fromStatus = status;
        t.toStatus = to;
        t.actor = actor;
        t.comment = comment;
        transitions.add(t);
        status = to;
        updatedAt = OffsetDateTime.now();
        updatedBy = actor;
    }

    void created(String actor) {
        EvaluationTransition t = new EvaluationTransition();
        t.evaluation = this;
        t.toStatus = EvaluationStatus.DRAFT;
        t.actor = actor;
        t.comment = "作成";
        transitions.add(t);
    }

    static String label(EvaluationStatus s) {
        return switch (s) {
            case DRAFT -> "下書き";
            case SUBMITTED -> "提出済み";
            case APPROVED -> "承認済み";
            case RETURNED -> "差戻し";
        };
    }
}
