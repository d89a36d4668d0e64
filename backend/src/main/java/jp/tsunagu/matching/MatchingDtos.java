package jp.tsunagu.matching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

final class MatchingDtos {
    private MatchingDtos() {
    }
}

@Schema(name = "SupportCategoryResponse")
record SupportCategoryResponse(long id, @Schema(examples = "GARBAGE") String code, @Schema(examples = "ゴミ出し") String name,
                               boolean requiresVehicle) {
}

@Schema(name = "AvailabilitySlot", description = "毎週の空き時間（曜日は ISO: 1 = 月曜）")
record AvailabilitySlot(@NotNull @Min(1) @Max(7) @Schema(examples = "2") Integer dayOfWeek,
                        @NotNull @Schema(examples = "09:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime start,
                        @NotNull @Schema(examples = "12:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime end) {
}

@Schema(name = "SupporterRequest")
record SupporterRequest(@NotBlank @Size(max = 100) @Schema(examples = "高須 花子") String name,
                        @NotBlank @Size(max = 100) @Schema(examples = "たかす はなこ") String kana,
                        @Size(max = 200) @Schema(nullable = true, examples = "093-000-0000") String contact,
                        @NotBlank @Schema(examples = "40102-takasu") String areaCode,
                        @Schema(nullable = true) Long groupId,
                        @NotNull @Size(min = 1) List<@NotBlank String> categoryCodes,
                        @NotNull @Size(max = 21) List<@Valid @NotNull AvailabilitySlot> availability,
                        @NotNull @Min(1) @Max(50) @Schema(examples = "2") Integer capacity,
                        boolean hasVehicle,
                        @Schema(nullable = true, description = "変更のとき：false で活動を休止（候補に出ない。受け持ち中の調整はそのまま）。登録のときは省略") Boolean active,
                        @Schema(nullable = true, examples = "0", description = "変更のときは必須：読み込んだときの版（楽観的排他）") Long version) {
}

@Schema(name = "SupporterResponse")
record SupporterResponse(long id, String name, String kana, @Schema(nullable = true) String contact, AreaRef area,
                         @Schema(nullable = true) Long groupId, @Schema(nullable = true) String groupName, @Schema(nullable = true) String payment,
                         List<String> categories, @Schema(examples = "[\"GARBAGE\"]") List<String> categoryCodes,
                         List<AvailabilitySlot> availability, int capacity, int openAssignments,
                         boolean hasVehicle, boolean active, long version) {
}

@Schema(name = "RecipientRequest")
record RecipientRequest(@NotBlank @Size(max = 100) @Schema(examples = "若松 太郎") String name,
                        @NotBlank @Size(max = 100) @Schema(examples = "わかまつ たろう") String kana,
                        @NotBlank @Schema(examples = "40102-takasu") String areaCode,
                        @Size(max = 200) @Schema(nullable = true) String contact,
                        @Size(max = 2000) @Schema(nullable = true, examples = "一人暮らし。足が不自由。") String householdNotes,
                        @NotNull @Pattern(regexp = "WELFARE_VOLUNTEER|COMMISSIONED_WELFARE_VOLUNTEER|CARE_MANAGER|SELF|FAMILY|OTHER")
                        @Schema(examples = "WELFARE_VOLUNTEER", description = "福祉協力員 / 民生委員 / ケアマネジャー / 本人 / 家族 / その他") String referredBy,
                        @Schema(description = "支援者に連絡先などを伝えることへの同意") boolean consent,
                        @Schema(nullable = true, examples = "0", description = "変更のときは必須：読み込んだときの版（楽観的排他）") Long version) {
}

@Schema(name = "SupporterGroupResponse", description = "担い手グループ（校区ごと。有償 / 無償）")
record SupporterGroupResponse(long id, String name, AreaRef area, @Schema(examples = "UNPAID", enumeration = {"PAID", "UNPAID"}) String payment) {
}

@Schema(name = "RecipientResponse")
record RecipientResponse(long id, String name, String kana, AreaRef area, @Schema(nullable = true) String contact,
                         @Schema(nullable = true) String householdNotes, String referredBy, boolean consent, long version) {
}

@Schema(name = "SupportRequestCreate")
record SupportRequestCreate(@NotNull Long recipientId, @NotBlank @Schema(examples = "GARBAGE") String categoryCode,
                            @Size(max = 2000) @Schema(nullable = true, examples = "燃えるごみを集積所まで出してほしい") String description,
                            @Schema(nullable = true, examples = "2026-12-01", description = "1 回だけの日（weeklyDay とどちらか）") LocalDate date,
                            @Min(1) @Max(7) @Schema(nullable = true, examples = "2", description = "毎週の曜日（1 = 月曜）") Integer weeklyDay,
                            @NotNull @Schema(examples = "08:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime start,
                            @NotNull @Schema(examples = "09:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime end,
                            @NotNull @Pattern(regexp = "PAID|UNPAID|EITHER") @Schema(examples = "EITHER") String payment,
                            @Pattern(regexp = "LOW|NORMAL|HIGH") @Schema(nullable = true, examples = "NORMAL") String urgency) {
}

@Schema(name = "AssignmentResponse")
record AssignmentResponse(long id, long requestId, long supporterId, String supporterName, String status, LocalDate createdOn, long version) {
}

@Schema(name = "AssignmentHandout", description = "担い手に渡す依頼票。連絡先と世帯の様子は、本人が同意しているときだけ載る")
record AssignmentHandout(long assignmentId, String status, String supporterName, String recipientName, AreaRef area, String category,
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
                              @Schema(nullable = true) Integer weeklyDay, String start, String end, String payment, String urgency,
                              String status, @Schema(nullable = true) String referredWindow, LocalDate receivedOn,
                              List<AssignmentResponse> assignments, long version) {
}

@Schema(name = "SupportRequestList")
record SupportRequestList(List<SupportRequestResponse> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
}

@Schema(name = "SupporterPage")
record SupporterPage(List<SupporterResponse> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
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

@Schema(name = "CategoryShare")
record CategoryShare(String category, int count, @Schema(examples = "37.4") BigDecimal percent) {
}

@Schema(name = "SupportStats", description = "集計のみ（個人情報を含みません）")
record SupportStats(AreaRef area, int fiscalYear, @Schema(description = "相談件数") int consultations,
                    @Schema(description = "需給調整件数") int adjustments,
                    @Schema(description = "種類別の割合（相談窓口へつないだものを除く相談に占める割合）") List<CategoryShare> categoryShares,
                    @Schema(description = "登録している担い手") int supportersRegistered,
                    @Schema(description = "活動中の担い手") int supportersActive) {
}

@Schema(name = "AuditEntry")
record AuditEntry(long id, java.time.OffsetDateTime at, String actor, String action, String entity,
                  @Schema(nullable = true) Long entityId, @Schema(nullable = true) String ip, @Schema(nullable = true) String detail) {
}

@Schema(name = "AuditEntryList")
record AuditEntryList(List<AuditEntry> items) {
}

@Schema(name = "SupportStatRuleRequest", description = "指標の実績値を、地域（とその下の地区）の支援統計から年度ごとに算出する規則")
record SupportStatRuleRequest(@jakarta.validation.constraints.NotBlank @Schema(examples = "40100", description = "地域のコードまたは名前") String areaCode,
                              @jakarta.validation.constraints.NotNull @Schema(examples = "CONSULTATIONS") SupportStatistic statistic,
                              @Schema(nullable = true, examples = "GARBAGE", description = "種類別の割合のときの困りごとの種類") String categoryCode) {
}

@Schema(name = "SupportStatRuleResponse")
record SupportStatRuleResponse(@Schema(examples = "kitakyushu-ikiiki2-66-consultations") String indicatorCode, String indicatorName,
                               AreaRef area, SupportStatistic statistic,
                               @Schema(nullable = true, examples = "GARBAGE") String categoryCode,
                               @Schema(nullable = true, examples = "ゴミ出し") String categoryName,
                               @Schema(examples = "support-stats:40100:CONSULTATIONS", description = "算出した実績値の source") String source,
                               java.time.OffsetDateTime updatedAt, String updatedBy) {
}

@Schema(name = "SupportStatRuleList")
record SupportStatRuleList(java.util.List<SupportStatRuleResponse> items) {
}

@Schema(name = "SupportCategoryRequest", description = "困りごとの種類（管理者が追加・変更。使わなくなったものは active=false）")
record SupportCategoryRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 60) @Schema(examples = "電球交換などの軽作業") String name,
                              boolean requiresVehicle,
                              @Schema(nullable = true, description = "並び順（省略時は最後）") Integer position,
                              @Schema(nullable = true, description = "省略時は true") Boolean active) {
}
