package jp.tsunagu.evaluation;

import jp.tsunagu.indicator.Grade;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

final class EvaluationDtos {
    private EvaluationDtos() {
    }
}

@Schema(name = "EvaluationRequest", description = "事業調書の本文（下書き・差戻し中だけ編集できます）")
record EvaluationRequest(
        @Size(max = 20000) @Schema(nullable = true, description = "取組結果") String resultText,
        @Size(max = 20000) @Schema(nullable = true, description = "今後の方向性の補足・課題（自由記述）") String futureDirection,
        @Schema(nullable = true, examples = "CONTINUE", description = "今後の方向性（拡充 / 継続 / 見直し / 縮小 / 廃止 / 完了）") EvaluationDirection direction,
        @Schema(nullable = true, examples = "B", description = "自己評価") Grade selfGrade,
        @Schema(nullable = true, description = "読み込んだときの版（新規なら省略）") Long version) {
}

@Schema(name = "TransitionRequest")
record TransitionRequest(@NotNull @Schema(examples = "0") Long version,
                         @Size(max = 4000) @Schema(nullable = true, examples = "指標の説明を補ってください") String comment) {
}

@Schema(name = "ReopenRequest", description = "承認済みの事業調書を再開する理由（必須、記録に残ります）")
record ReopenRequest(@NotNull Long version, @NotBlank @Size(max = 4000) @Schema(examples = "審議会の指摘により実績値を訂正するため") String reason) {
}

@Schema(name = "ReturnRequest", description = "差戻しにはコメントが必要です")
record ReturnRequest(@NotNull Long version, @NotBlank @Size(max = 4000) @Schema(examples = "指標の説明を補ってください") String comment) {
}

@Schema(name = "TransitionResponse")
record TransitionResponse(@Schema(nullable = true) EvaluationStatus fromStatus, EvaluationStatus toStatus,
                          @Schema(nullable = true) String comment, String actor, OffsetDateTime at) {
}

@Schema(name = "EvaluationResponse")
record EvaluationResponse(String planCode, String nodeCode, String nodeTitle, int fiscalYear,
                          @Schema(nullable = true) String resultText, @Schema(nullable = true) String futureDirection,
                          @Schema(nullable = true) EvaluationDirection direction, @Schema(nullable = true) Grade selfGrade, EvaluationStatus status, boolean editable,
                          long version, OffsetDateTime updatedAt, String updatedBy, List<TransitionResponse> transitions) {

    static EvaluationResponse of(Evaluation e) {
        return new EvaluationResponse(e.node.plan.code, e.node.code, e.node.title, e.fiscalYear, e.resultText, e.futureDirection,
                e.direction, e.selfGrade, e.status, e.editable(), e.version, e.updatedAt, e.updatedBy,
                e.transitions.stream().map(t -> new TransitionResponse(t.fromStatus, t.toStatus, t.comment, t.actor, t.at)).toList());
    }
}

@Schema(name = "EvaluationOverviewItem")
record EvaluationOverviewItem(String nodeCode, String nodeTitle, @Schema(nullable = true) EvaluationStatus status,
                              @Schema(nullable = true) Grade selfGrade, @Schema(nullable = true) EvaluationDirection direction,
                              boolean late, @Schema(nullable = true) OffsetDateTime updatedAt) {
}

@Schema(name = "EvaluationOverview", description = "計画・年度の事業調書の状況（状態別・評価別の件数、遅れ）")
record EvaluationOverview(String planCode, int fiscalYear, @Schema(description = "提出期限") LocalDate dueDate,
                          @Schema(description = "状態別の件数（未作成は NONE）") Map<String, Integer> byStatus,
                          @Schema(description = "自己評価別の件数（未評価は NONE）") Map<String, Integer> byGrade,
                          @Schema(description = "今後の方向性別の件数（EXPAND … COMPLETE、未記入は NONE）") Map<String, Integer> byDirection,
                          List<EvaluationOverviewItem> items) {
}

@Schema(name = "ImportProblem", description = "取り込みで見つかった問題（行・列・値・理由）")
record ImportProblem(@Schema(examples = "11") int row, @Schema(examples = "成果指標") String column,
                     @Schema(nullable = true, examples = "約100回") String value,
                     @Schema(examples = "「約100回」を数値として読めません") String message, Severity severity) {
    enum Severity { ERROR, WARNING }
}

@Schema(name = "ImportRowResult", description = "1 行で作成・変更されること")
record ImportRowResult(@Schema(examples = "11") int row, @Schema(examples = "63") String nodeCode, String title, Action action,
                       List<String> changes) {
    enum Action { CREATE, UPDATE, UNCHANGED }
}

@Schema(name = "ImportReport", description = "取り込みの結果（committed=false なら試行のみで、何も保存していません）")
record ImportReport(String planCode, int fiscalYear, boolean committed, Map<String, Integer> summary,
                    List<ImportRowResult> rows, List<ImportProblem> problems) {

    static ImportReport of(String plan, SheetImport.Report r, boolean committed) {
        Map<String, Integer> summary = new java.util.LinkedHashMap<>();
        for (ImportRowResult.Action a : ImportRowResult.Action.values()) {
            summary.put(a.name(), (int) r.rows.stream().filter(x -> x.action() == a).count());
        }
        summary.put("ERROR", (int) r.problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).count());
        summary.put("WARNING", (int) r.problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).count());
        return new ImportReport(plan, r.fiscalYear, committed, summary, r.rows, r.problems);
    }
}
