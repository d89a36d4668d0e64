package jp.tsunagu.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

final class DirectoryDtos {
    static final String PHONE = "[0-9０-９][0-9０-９()（）\\-‐－ ]{5,38}";

    private DirectoryDtos() {
    }
}

@Schema(name = "ContactLineRequest")
record ContactLineRequest(
        @NotBlank @Pattern(regexp = DirectoryDtos.PHONE, message = "電話番号の形式ではありません") @Schema(examples = "0942-46-8711") String phone,
        @Pattern(regexp = DirectoryDtos.PHONE, message = "FAX 番号の形式ではありません") @Schema(examples = "0942-34-7217", nullable = true) String fax,
        @NotNull @NotEmpty(message = "担当する地域を 1 つ以上指定してください") @Schema(examples = "[\"40203-hiyoshi\", \"40203-sasayama\"]")
        List<@NotBlank String> areaCodes) {
}

@Schema(name = "ConsultationWindowRequest")
record ConsultationWindowRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "中央地域包括支援センター") String name,
        @NotNull @Schema(examples = "ELDERLY") WindowCategory category,
        @Size(max = 400) @Schema(examples = "久留米市城南町15-3", nullable = true) String address,
        @NotNull @NotEmpty(message = "電話番号の行を 1 つ以上指定してください") @Size(max = 50) List<@Valid @NotNull ContactLineRequest> contacts,
        @Schema(examples = "0", description = "更新時は必須：読み込んだときの版", nullable = true) Long version) {
}

@Schema(name = "ContactLineResponse")
record ContactLineResponse(@Schema(examples = "0942-46-8711") String phone, @Schema(examples = "0942-34-7217", nullable = true) String fax,
                           List<AreaRef> areas) {
}

@Schema(name = "ConsultationWindowResponse")
record ConsultationWindowResponse(
        @Schema(examples = "1") long id,
        @Schema(examples = "中央地域包括支援センター") String name,
        @Schema(examples = "ELDERLY") WindowCategory category,
        @Schema(nullable = true) String address,
        List<ContactLineResponse> contacts,
        @Schema(examples = "0") long version) {

    static ConsultationWindowResponse of(ConsultationWindow w) {
        return new ConsultationWindowResponse(w.id, w.name, w.category, w.address,
                w.contacts.stream().map(c -> new ContactLineResponse(c.phone, c.fax,
                        c.areas.stream().map(AreaRef::of).toList())).toList(), w.version);
    }
}

@Schema(name = "ConsultationWindowList")
record ConsultationWindowList(List<ConsultationWindowResponse> items) {
}

@Schema(name = "RoutedWindow", description = "その地域を担当する窓口と、その地域に当てはまる電話・FAX")
record RoutedWindow(
        @Schema(examples = "1") long id,
        @Schema(examples = "中央地域包括支援センター") String name,
        @Schema(examples = "ELDERLY") WindowCategory category,
        @Schema(examples = "0942-46-8711") String phone,
        @Schema(examples = "0942-34-7217", nullable = true) String fax,
        @Schema(nullable = true) String address,
        @Schema(description = "窓口の担当として登録されている地域（問い合わせた地域またはその上位）") AreaRef servedArea) {
}

@Schema(name = "RouteResponse")
record RouteResponse(AreaRef area, WindowCategory category, List<RoutedWindow> windows) {
}
