package jp.tsunagu.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaReferences;

import java.util.Optional;

/** Recipients living in an area keep it from being deleted (it can be retired). */
@ApplicationScoped
class RecipientAreaReferences implements AreaReferences {

    private final RecipientRepository recipients;

    RecipientAreaReferences(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @Override
    public Optional<String> describeUsesOf(Area area) {
        long n = recipients.count("area", area);
        return n == 0 ? Optional.empty() : Optional.of("要支援者 " + n + " 人");
    }
}
