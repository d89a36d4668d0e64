package jp.tsunagu.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** The request and response records of this package. */
final class AuditDtos {
    private AuditDtos() {
    }
}

@Schema(name = "AuditEntry")
record AuditEntry(long id, java.time.OffsetDateTime at, String actor, AuditAction action, AuditedRecord entity,
                  @Schema(nullable = true) Long entityId, @Schema(nullable = true) String ip, @Schema(nullable = true) String detail) {
}

@Schema(name = "AuditEntryList")
record AuditEntryList(List<AuditEntry> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
}
