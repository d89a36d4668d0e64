package jp.tsunagu.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of this package. */
final class CategoryDtos {
    private CategoryDtos() {
    }
}

@Schema(name = "SupportCategoryResponse")
record SupportCategoryResponse(long id, @Schema(examples = "GARBAGE") String code, @Schema(examples = "ゴミ出し") String name,
                               boolean requiresVehicle,
                               @Schema(nullable = true, examples = "同行（買物・通院等）", description = "報告で集計する見出し（null なら名前のまま）") String reportHeading) {
}

@Schema(name = "SupportCategoryRequest", description = "困りごとの種類（管理者が追加・変更。使わなくなったものは active=false）")
record SupportCategoryRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 60) @Schema(examples = "電球交換などの軽作業") String name,
                              boolean requiresVehicle,
                              @Schema(nullable = true, description = "並び順（省略時は最後）") Integer position,
                              @Schema(nullable = true, description = "省略時は true") Boolean active,
                              @jakarta.validation.constraints.Size(max = 60)
                              @Schema(nullable = true, examples = "同行（買物・通院等）", description = "報告で集計する見出し（省略・空なら名前のまま）") String reportHeading) {
}
