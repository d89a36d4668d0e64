package jp.tsunagu.area;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "AreaResponse")
public record AreaResponse(
        @Schema(examples = "40203-hiyoshi") String code,
        @Schema(examples = "日吉") String name,
        @Schema(examples = "ひよし") String kana,
        @Schema(examples = "SCHOOL_DISTRICT") AreaKind kind,
        @Schema(examples = "40203", nullable = true) String parentCode,
        @Schema(description = "市から親までの祖先（自分は含まない）") List<AreaRef> path,
        @Schema(description = "廃止済み（過去の記録のために残し、新しい登録には使わない）") boolean retired,
        @Schema(examples = "0") long version) {

    static AreaResponse of(Area area) {
        List<Area> chain = area.selfAndAncestors();
        List<AreaRef> path = new java.util.ArrayList<>(chain.subList(1, chain.size()).stream().map(AreaRef::of).toList());
        java.util.Collections.reverse(path);
        return new AreaResponse(area.code, area.name, area.kana, area.kind,
                area.parent == null ? null : area.parent.code, path, area.retired(), area.version);
    }
}

@Schema(name = "AreaPage")
record AreaPage(List<AreaResponse> items,
                @Schema(description = "次のページのカーソル（最後のページなら null）", nullable = true) String nextCursor) {
}

@Schema(name = "AreaTreeNode")
record AreaTreeNode(String code, String name, String kana, AreaKind kind,
                    @Schema(description = "廃止済み（新しい記録では選べないが、過去の記録には残る）") boolean retired, List<AreaTreeNode> children) {
}

@Schema(name = "AreaImportRow", description = "取り込みの 1 行でされること")
record AreaImportRow(@Schema(examples = "3") int row, @Schema(examples = "43101") String code, @Schema(examples = "中央区") String name,
                     AreaKind kind, @Schema(nullable = true, examples = "43100") String parentCode, Action action) {
    @Schema(name = "AreaImportAction")
    enum Action { CREATE, UPDATE, UNCHANGED }
}

@Schema(name = "AreaImportProblem", description = "取り込めない行と、その理由")
record AreaImportProblem(@Schema(examples = "5") int row, @Schema(examples = "parent") String column,
                         @Schema(nullable = true, examples = "43199") String value, @Schema(examples = "親の地域コード 43199 はファイルにも登録済みの地域にもありません") String message) {
}

@Schema(name = "AreaImportReport", description = "地域の取り込みの結果（committed=false なら試行のみで、何も保存していません）")
record AreaImportReport(boolean committed, @Schema(description = "CREATE / UPDATE / UNCHANGED の件数") Map<String, Integer> summary,
                        List<AreaImportRow> rows, List<AreaImportProblem> problems) {

    static AreaImportReport of(boolean committed, List<AreaImportRow> rows, List<AreaImportProblem> problems) {
        Map<String, Integer> summary = new java.util.LinkedHashMap<>();
        for (AreaImportRow.Action a : AreaImportRow.Action.values()) {
            summary.put(a.name(), (int) rows.stream().filter(r -> r.action() == a).count());
        }
        return new AreaImportReport(committed, summary, rows, problems);
    }
}
