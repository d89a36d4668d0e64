package jp.tsunagu.area;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AreaResponse")
public record AreaResponse(
        @Schema(examples = "40203-hiyoshi") String code,
        @Schema(examples = "日吉") String name,
        @Schema(examples = "ひよし") String kana,
        @Schema(examples = "SCHOOL_DISTRICT") AreaKind kind,
        @Schema(examples = "40203", nullable = true) String parentCode,
        @Schema(description = "市から親までの祖先（自分は含まない）") List<AreaRef> path,
        @Schema(examples = "0") long version) {

    static AreaResponse of(Area area) {
        List<Area> chain = area.selfAndAncestors();
        List<AreaRef> path = new java.util.ArrayList<>(chain.subList(1, chain.size()).stream().map(AreaRef::of).toList());
        java.util.Collections.reverse(path);
        return new AreaResponse(area.code, area.name, area.kana, area.kind,
                area.parent == null ? null : area.parent.code, path, area.version);
    }
}

@Schema(name = "AreaPage")
record AreaPage(List<AreaResponse> items,
                @Schema(description = "次のページのカーソル（最後のページなら null）", nullable = true) String nextCursor) {
}

@Schema(name = "AreaTreeNode")
record AreaTreeNode(String code, String name, String kana, AreaKind kind, List<AreaTreeNode> children) {
}
