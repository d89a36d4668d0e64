package jp.tsunagu.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A 支援会議's decision (社会福祉法 第106条の6) to share a resident's information among its members. */
@Entity
@Table(name = "sharing_decision")
public class SharingDecision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_id")
    public Recipient recipient;
    @Column(name = "meeting_date")
    public LocalDate meetingDate;
    @Column(name = "meeting_name")
    public String meetingName;
    @Column(name = "decided_by")
    public String decidedBy;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at", updatable = false)
    public OffsetDateTime recordedAt;
}
