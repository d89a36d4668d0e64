package jp.tsunagu.evaluation;

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

import java.time.OffsetDateTime;

/** One step of an evaluation's workflow: who, when, from and to, and the comment. */
@Entity
@Table(name = "evaluation_transition")
public class EvaluationTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "evaluation_id")
    public Evaluation evaluation;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public EvaluationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public EvaluationStatus toStatus;

    public String comment;

    public String actor;

    public OffsetDateTime at = OffsetDateTime.now();
}
