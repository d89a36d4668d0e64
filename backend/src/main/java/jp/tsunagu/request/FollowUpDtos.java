package jp.tsunagu.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The records of 要対応 (the coordinator's follow-up queue). */
final class FollowUpDtos {
    private FollowUpDtos() {
    }
}

@Schema(name = "FollowUpItem", description = "要対応の 1 件：種類、いつから（since）、何日たったか、どこで扱うか（相談・調整・担い手の番号）")
record FollowUpItem(FollowUpKind kind, LocalDate since, int days, AreaRef area,
                    @Schema(nullable = true) Long requestId, @Schema(nullable = true) Long assignmentId, @Schema(nullable = true) Long supporterId,
                    @Schema(nullable = true) String recipientName, @Schema(nullable = true) String supporterName,
                    @Schema(nullable = true) String category, @Schema(nullable = true) Urgency urgency,
                    @Schema(examples = "提案から 4 日、担い手の返事がありません") String summary) {
}

@Schema(name = "FollowUpSettingsResponse", description = "要対応のしきい値（市の設定）")
record FollowUpSettingsResponse(@Schema(description = "提案への返事を待つ日数（既定 3）") int proposalDays,
                                @Schema(description = "調整を待つ相談の日数（既定 5。緊急はすぐ）") int waitingDays,
                                @Schema(description = "毎週の支援で活動記録のない日数（既定 7）") int activityGraceDays,
                                @Schema(description = "依頼のない担い手の日数（既定 90）") int idleSupporterDays,
                                long version) {
}

@Schema(name = "FollowUpSettingsRequest")
record FollowUpSettingsRequest(@NotNull @Min(0) @Max(365) Integer proposalDays, @NotNull @Min(0) @Max(365) Integer waitingDays,
                               @NotNull @Min(0) @Max(365) Integer activityGraceDays, @NotNull @Min(0) @Max(3650) Integer idleSupporterDays,
                               @NotNull Long version) {
}

@Schema(name = "FollowUpQueue")
record FollowUpQueue(List<FollowUpItem> items, @Schema(description = "種類ごとの件数") Map<FollowUpKind, Integer> counts, int total,
                     FollowUpSettingsResponse settings) {
}

@Schema(name = "FollowUpCounts", description = "件数だけ（名前を含まないので閲覧の記録はしません。バッジ用）")
record FollowUpCounts(Map<FollowUpKind, Integer> counts, int total) {
}
