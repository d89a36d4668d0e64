package jp.tsunagu.recipient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class SharingDecisionRepository implements PanacheRepositoryBase<SharingDecision, Long> {

    /** The resident's decisions, the latest meeting first. */
    List<SharingDecision> of(Recipient recipient) {
        return list("recipient = ?1 order by meetingDate desc, id desc", recipient);
    }
}
