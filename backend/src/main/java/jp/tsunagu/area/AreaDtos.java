package jp.tsunagu.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

final class AreaDtos {
    private AreaDtos() {
    }
}

@Schema(name = "CreateAreaRequest")
record CreateAreaRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "英数字と . _ - で指定してください")
        @Schema(examples = "40203-hiyoshi") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "日吉") String name,
        @NotBlank @Size(max = 200) @Pattern(regexp = AreaKana.HIRAGANA, message = "ひらがなで入力してください")
        @Schema(examples = "ひよし") String kana,
        @NotNull @Schema(examples = "SCHOOL_DISTRICT") AreaKind kind,
        @Size(max = 64) @Schema(examples = "40203", description = "親の地域コード（市なら省略）", nullable = true) String parentCode) {
}

@Schema(name = "UpdateAreaRequest")
record UpdateAreaRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "日吉") String name,
        @NotBlank @Size(max = 200) @Pattern(regexp = AreaKana.HIRAGANA, message = "ひらがなで入力してください")
        @Schema(examples = "ひよし") String kana,
        @NotNull @Schema(examples = "SCHOOL_DISTRICT") AreaKind kind,
        @Size(max = 64) @Schema(examples = "40203", nullable = true) String parentCode,
        @NotNull @Schema(examples = "0", description = "読み込んだときの版（楽観的排他）") Long version) {
}
