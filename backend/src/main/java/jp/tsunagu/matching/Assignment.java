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
import jakarta.persistence.Version;

import java.time.LocalDate;

/** A supply–demand adjustment (需給調整): a request proposed to a supporter. */
@Entity
public class Assignment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id")
    public SupportRequest request;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supporter_id")
    public Supporter supporter;
    public String status = "PROPOSED";
    @Column(name = "created_on")
    public LocalDate createdOn = LocalDate.now();
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    public boolean open() {
        return status.equals("PROPOSED") || status.equals("ACCEPTED");
    }
}
