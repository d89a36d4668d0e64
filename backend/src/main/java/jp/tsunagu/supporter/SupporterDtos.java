package jp.tsunagu.supporter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalTime;
import java.util.List;

/** The request and response records of this package. */
final class SupporterDtos {
    private SupporterDtos() {
    }
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
                         @Schema(nullable = true) Long groupId, @Schema(nullable = true) String groupName, @Schema(nullable = true) Payment payment,
                         List<String> categories, @Schema(examples = "[\"GARBAGE\"]") List<String> categoryCodes,
                         List<AvailabilitySlot> availability, int capacity, int openAssignments,
                         boolean hasVehicle, boolean active, long version) {
}

@Schema(name = "SupporterGroupResponse", description = "担い手グループ（校区ごと。有償 / 無償）")
record SupporterGroupResponse(long id, String name, AreaRef area, @Schema(examples = "UNPAID") Payment payment,
                              @Schema(description = "false: 廃止（新しい担い手は登録できない）") boolean active, long version) {
}

@Schema(name = "SupporterPage")
record SupporterPage(List<SupporterResponse> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
}

@Schema(name = "SupporterGroupRequest", description = "担い手グループ（作成では areaCode 必須、変更では version 必須）")
record SupporterGroupRequest(@NotBlank @Size(max = 200) @Schema(examples = "たかすちょこっと応援タイ") String name,
                             @Schema(nullable = true, examples = "40102-takasu", description = "作成のときの地区（変更では無視）") String areaCode,
                             @NotNull Payment payment,
                             @Schema(nullable = true, description = "false で廃止、true で再開（作成では省略）") Boolean active,
                             @Schema(nullable = true, description = "変更のときは必須：読み込んだときの版") Long version) {
}
