package jp.tsunagu.recipient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of this package. */
final class RecipientDtos {
    private RecipientDtos() {
    }
}

@Schema(name = "RecipientRequest")
record RecipientRequest(@NotBlank @Size(max = 100) @Schema(examples = "若松 太郎") String name,
                        @NotBlank @Size(max = 100) @Schema(examples = "わかまつ たろう") String kana,
                        @NotBlank @Schema(examples = "40102-takasu") String areaCode,
                        @Size(max = 200) @Schema(nullable = true) String contact,
                        @Size(max = 2000) @Schema(nullable = true, examples = "一人暮らし。足が不自由。") String householdNotes,
                        @NotNull @Schema(examples = "WELFARE_VOLUNTEER", description = "福祉協力員 / 民生委員 / ケアマネジャー / 本人 / 家族 / その他") ReferredBy referredBy,
                        @Schema(description = "支援者に連絡先などを伝えることへの同意") boolean consent,
                        @Schema(nullable = true, examples = "0", description = "変更のときは必須：読み込んだときの版（楽観的排他）") Long version) {
}

@Schema(name = "RecipientResponse")
record RecipientResponse(long id, String name, String kana, AreaRef area, @Schema(nullable = true) String contact,
                         @Schema(nullable = true) String householdNotes, ReferredBy referredBy, boolean consent, long version) {
}

@Schema(name = "SharingDecisionRequest", description = "支援会議（社会福祉法 第106条の6）で情報の共有を決めた記録")
record SharingDecisionRequest(@jakarta.validation.constraints.NotNull @Schema(examples = "2026-11-20") java.time.LocalDate meetingDate,
                              @jakarta.validation.constraints.NotBlank @Size(max = 200) @Schema(examples = "庄司校区 支援会議") String meetingName,
                              @jakarta.validation.constraints.NotBlank @Size(max = 200) @Schema(examples = "支援会議（議長 地域包括支援センター長）") String decidedBy,
                              @Size(max = 2000) @Schema(nullable = true) String note) {
}

@Schema(name = "SharingDecisionResponse")
record SharingDecisionResponse(long id, long recipientId, java.time.LocalDate meetingDate, String meetingName, String decidedBy,
                               @Schema(nullable = true) String note, String recordedBy, java.time.OffsetDateTime recordedAt) {
}
