package jp.tsunagu.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;
import jp.tsunagu.access.DistrictScope;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditedRecord;
import jp.tsunagu.shared.Versions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 要対応, the coordinator's start page: what needs a call today in their own districts, computed from what is
 * recorded when it is asked for ({@link FollowUpQueries}), with the city's thresholds.
 */
@ApplicationScoped
class FollowUpService {

    private static final ZoneId JAPAN = jp.tsunagu.shared.FiscalYears.JAPAN;

    private final FollowUpQueries queries;
    private final DistrictScope districts;
    private final AuditLog audit;

    FollowUpService(FollowUpQueries queries, DistrictScope districts, AuditLog audit) {
        this.queries = queries;
        this.districts = districts;
        this.audit = audit;
    }

    /** The queue with names (personal data: the read is audited), most pressing first. */
    @Transactional
    FollowUpQueue queue(String areaCode, Access access) {
        List<FollowUpItem> items = items(areaCode, access);
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, null, "要対応 " + items.size() + " 件" + (areaCode == null ? "" : "（" + areaCode + "）"));
        return new FollowUpQueue(items, counts(items), items.size(), settings());
    }

    /** Only how many of each kind (no names, not audited): the badge in the menu. */
    @Transactional
    FollowUpCounts counts(String areaCode, Access access) {
        List<FollowUpItem> items = items(areaCode, access);
        return new FollowUpCounts(counts(items), items.size());
    }

    @Transactional
    FollowUpSettingsResponse settings() {
        FollowUpSettings s = queries.settings();
        return new FollowUpSettingsResponse(s.proposalDays, s.waitingDays, s.activityGraceDays, s.idleSupporterDays, s.version);
    }

    @Transactional
    FollowUpSettingsResponse updateSettings(FollowUpSettingsRequest r) {
        FollowUpSettings s = queries.settings();
        Versions.check(r.version(), s.version, "要対応の設定");
        s.proposalDays = r.proposalDays();
        s.waitingDays = r.waitingDays();
        s.activityGraceDays = r.activityGraceDays();
        s.idleSupporterDays = r.idleSupporterDays();
        queries.flush();
        return settings();
    }

    private List<FollowUpItem> items(String areaCode, Access access) {
        Set<Long> scope = districts.listScope(areaCode, access);
        if (scope != null && scope.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(JAPAN);
        return queries.rows(scope).stream()
                .map(r -> {
                    int days = (int) ChronoUnit.DAYS.between(r.since(), today);
                    Urgency urgency = r.urgency() == null ? null : Urgency.valueOf(r.urgency());
                    return new FollowUpItem(r.kind(), r.since(), days, r.area(), r.requestId(), r.assignmentId(),
                            r.supporterId(), r.recipientName(), r.supporterName(), r.category(), urgency, summary(r.kind(), days, urgency));
                })
                .sorted(Comparator.comparing(FollowUpItem::kind)
                        .thenComparing(i -> i.urgency() == Urgency.HIGH ? 0 : 1)
                        .thenComparing(FollowUpItem::days, Comparator.reverseOrder())
                        .thenComparing(i -> i.requestId() == null ? i.supporterId() : i.requestId()))
                .toList();
    }

    private static Map<FollowUpKind, Integer> counts(List<FollowUpItem> items) {
        Map<FollowUpKind, Integer> counts = new EnumMap<>(FollowUpKind.class);
        for (FollowUpKind k : FollowUpKind.values()) {
            counts.put(k, 0);
        }
        items.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
        return counts;
    }

    private static String summary(FollowUpKind kind, int days, Urgency urgency) {
        return switch (kind) {
            case REQUEST_WAITING -> urgency == Urgency.HIGH ? "緊急の相談です。受付から " + days + " 日、担い手が決まっていません"
                    : "受付から " + days + " 日、担い手が決まっていません";
            case PROPOSAL_UNANSWERED -> "提案から " + days + " 日、担い手の返事がありません";
            case ACTIVITY_MISSING -> "支援の日から " + days + " 日、活動記録がありません";
            case SUPPORTER_IDLE -> days + " 日、依頼をしていません（お礼やお願いの連絡を）";
        };
    }
}
