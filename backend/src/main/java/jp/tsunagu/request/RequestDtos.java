package jp.tsunagu.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** The request and response records of this package. */
final class RequestDtos {
    private RequestDtos() {
    }
}

@Schema(name = "SupportRequestCreate")
record SupportRequestCreate(@NotNull Long recipientId, @NotBlank @Schema(examples = "GARBAGE") String categoryCode,
                            @Size(max = 2000) @Schema(nullable = true, examples = "燃えるごみを集積所まで出してほしい") String description,
                            @Schema(nullable = true, examples = "2026-12-01", description = "1 回だけの日（weeklyDay とどちらか）") LocalDate date,
                            @Min(1) @Max(7) @Schema(nullable = true, examples = "2", description = "毎週の曜日（1 = 月曜）") Integer weeklyDay,
                            @NotNull @Schema(examples = "08:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime start,
                            @NotNull @Schema(examples = "09:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime end,
                            @NotNull @Schema(examples = "EITHER") PaymentPreference payment,
                            @Schema(nullable = true, examples = "NORMAL", description = "省略すると NORMAL") Urgency urgency) {
}

@Schema(name = "AssignmentResponse")
record AssignmentResponse(long id, long requestId, long supporterId, String supporterName, AssignmentStatus status, LocalDate createdOn, long version) {
}

@Schema(name = "AssignmentHandout", description = "担い手に渡す依頼票。連絡先と世帯の様子は、本人の同意か支援会議（社会福祉法第106条の6）の決定があるときだけ載る")
record AssignmentHandout(long assignmentId, AssignmentStatus status, String supporterName, String recipientName, AreaRef area, String category,
                         @Schema(nullable = true) String description, @Schema(nullable = true) LocalDate date,
                         @Schema(nullable = true, description = "毎週の曜日（1 = 月曜）") Integer weeklyDay, String start, String end,
                         @Schema(description = "本人が連絡先などを伝えることに同意している") boolean consent,
                         @Schema(nullable = true, description = "同意も支援会議の決定もなければ null") String contact,
                         @Schema(nullable = true, description = "同意も支援会議の決定もなければ null") String householdNotes,
                         @Schema(examples = "連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。") String note,
                         @Schema(description = "連絡先を載せる根拠: CONSENT = 本人の同意、SUPPORT_MEETING = 支援会議（社会福祉法第106条の6）の決定、NONE = なし（載せない）")
                         jp.tsunagu.recipient.SharingBasis sharingBasis,
                         @Schema(examples = "ご本人の同意", description = "根拠の内容（会議の日・名前・決めた人）") String sharingGrounds) {
}

@Schema(name = "SupportRequestResponse")
record SupportRequestResponse(long id, long recipientId, String recipientName, AreaRef area, String category,
                              @Schema(nullable = true) String description, @Schema(nullable = true) LocalDate date,
                              @Schema(nullable = true) Integer weeklyDay, String start, String end, PaymentPreference payment, Urgency urgency,
                              RequestStatus status, @Schema(nullable = true) String referredWindow, LocalDate receivedOn,
                              List<AssignmentResponse> assignments, long version) {
}

@Schema(name = "SupportRequestList")
record SupportRequestList(List<SupportRequestResponse> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
}

@Schema(name = "CandidateScore", description = "候補の得点の内訳（0〜1）")
record CandidateScore(@Schema(description = "地域の近さ: 同じ町内 1、同じ校区 0.7、隣の校区 0.3") BigDecimal distance,
                      @Schema(description = "希望の時間帯に空いている割合") BigDecimal availability,
                      @Schema(description = "いまの受け持ちの少なさ（1 − 件数 ÷ 上限）") BigDecimal load,
                      @Schema(description = "この方を支援したことがある（継続性）") BigDecimal continuity,
                      @Schema(description = "最近 90 日の調整件数の少なさ（公平性）") BigDecimal fairness) {
}

@Schema(name = "Candidate")
record Candidate(long supporterId, String name, @Schema(nullable = true) String groupName, AreaRef area,
                 @Schema(examples = "0.82") BigDecimal score, CandidateScore parts, int openAssignments, int capacity,
                 boolean hasVehicle) {
}

@Schema(name = "CandidateList")
record CandidateList(long requestId, Map<String, BigDecimal> weights, List<Candidate> items) {
}

@Schema(name = "AssignRequest")
record AssignRequest(@NotNull Long supporterId) {
}

@Schema(name = "ActivityResponse", description = "活動記録")
record ActivityResponse(long id, long assignmentId, LocalDate date, int minutes, @Schema(nullable = true) String notes) {
}

@Schema(name = "ActivityRequest")
record ActivityRequest(@NotNull @Schema(description = "活動した日（未来の日は 422）") LocalDate date,
                       @NotNull @Max(1440) @Schema(minimum = "1", description = "分（1〜1440。0 以下は 422）") Integer minutes, @Size(max = 2000) @Schema(nullable = true) String notes) {
}

@Schema(name = "ReferRequest", description = "相談窓口へのつなぎ（相談先一覧の案内で窓口を決めます）")
record ReferRequest(@NotNull @Schema(examples = "ELDERLY") jp.tsunagu.directory.WindowCategory windowCategory) {
}

@Schema(name = "DeclineRequest", description = "辞退の理由（任意）")
record DeclineRequest(@Size(max = 400) @Schema(nullable = true, examples = "その日は通院のため") String reason) {
}

@Schema(name = "SupportRequestUpdate", description = "相談の内容の変更（終わった相談は 409。version 必須）")
record SupportRequestUpdate(@NotBlank @Schema(examples = "GARBAGE") String categoryCode,
                            @Size(max = 2000) @Schema(nullable = true) String description,
                            @Schema(nullable = true, description = "1 回だけの日（weeklyDay とどちらか）") LocalDate date,
                            @Min(1) @Max(7) @Schema(nullable = true, description = "毎週の曜日（1 = 月曜）") Integer weeklyDay,
                            @NotNull @Schema(examples = "08:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime start,
                            @NotNull @Schema(examples = "09:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime end,
                            @NotNull PaymentPreference payment, @NotNull Urgency urgency, @NotNull Long version) {
}

@Schema(name = "ReopenRequest", description = "完了・取消の相談を再開する理由（必須。空なら 422）")
record ReopenRequest(@Size(max = 400) @Schema(nullable = true, examples = "また手伝ってほしいと連絡があった") String reason) {
}

@Schema(name = "RequestEvent", description = "相談の経過の 1 件：いつ、だれが、何をしたか")
record RequestEvent(long id, java.time.OffsetDateTime at, String actor, RequestEventKind kind, @Schema(examples = "担い手が辞退") String label,
                    @Schema(nullable = true) Long assignmentId, @Schema(nullable = true) Long supporterId,
                    @Schema(nullable = true) String supporterName, @Schema(nullable = true) Integer minutes,
                    @Schema(nullable = true) String detail) {
}

@Schema(name = "RequestTimeline")
record RequestTimeline(long requestId, List<RequestEvent> events, @Schema(description = "活動記録の分の合計") int totalMinutes) {
}

@Schema(name = "ActivityItem", description = "活動記録の 1 件（どの相談・担い手の）")
record ActivityItem(long id, long assignmentId, long requestId, long supporterId, String supporterName, String recipientName, String category,
                    LocalDate date, int minutes, @Schema(nullable = true) String notes) {
}

@Schema(name = "ActivityList")
record ActivityList(List<ActivityItem> items, @Schema(description = "分の合計") int totalMinutes) {
}
