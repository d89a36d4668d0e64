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

@Schema(name = "AssignmentHandout", description = "担い手に渡す依頼票。連絡先と世帯の様子は、本人が同意しているときだけ載る")
record AssignmentHandout(long assignmentId, AssignmentStatus status, String supporterName, String recipientName, AreaRef area, String category,
                         @Schema(nullable = true) String description, @Schema(nullable = true) LocalDate date,
                         @Schema(nullable = true, description = "毎週の曜日（1 = 月曜）") Integer weeklyDay, String start, String end,
                         @Schema(description = "本人が連絡先などを伝えることに同意している") boolean consent,
                         @Schema(nullable = true, description = "同意がなければ null") String contact,
                         @Schema(nullable = true, description = "同意がなければ null") String householdNotes,
                         @Schema(examples = "連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。") String note) {
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
record ActivityRequest(@NotNull LocalDate date, @NotNull @Min(1) @Max(1440) Integer minutes, @Size(max = 2000) @Schema(nullable = true) String notes) {
}

@Schema(name = "ReferRequest", description = "相談窓口へのつなぎ（相談先一覧の案内で窓口を決めます）")
record ReferRequest(@NotNull @Schema(examples = "ELDERLY") jp.tsunagu.directory.WindowCategory windowCategory) {
}
