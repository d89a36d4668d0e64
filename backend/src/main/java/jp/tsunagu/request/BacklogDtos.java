package jp.tsunagu.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The records of 一括マッチング (a whole backlog proposed at once, then confirmed). */
final class BacklogDtos {
    private BacklogDtos() {
    }
}

@Schema(name = "BatchProposalRequest",
        description = "一括マッチングの対象：相談の番号（requestIds）を並べるか、条件（地区・受付日・種類）で受付・調整中の相談を選びます（1〜5,000 件）")
record BatchProposalRequest(@Schema(nullable = true, description = "この相談だけ（指定すると条件は使いません）") List<@NotNull Long> requestIds,
                            @Schema(nullable = true, examples = "40101-shoji", description = "この地区（と下の町内）の相談") String areaCode,
                            @Schema(nullable = true, examples = "2026-11-01", description = "受付日がこの日から") LocalDate receivedFrom,
                            @Schema(nullable = true, examples = "2026-11-30", description = "受付日がこの日まで") LocalDate receivedTo,
                            @Schema(nullable = true, examples = "GARBAGE", description = "この種類の相談") String categoryCode,
                            @DecimalMin("0") @DecimalMax("1") @Schema(nullable = true, examples = "0.1",
                                    description = "公平性：同じ担い手への 2 件目の提案から 1 件ごとに差し引く点（k 件目は × (k − 1)）。既定 0.1、0 で差し引かない")
                            BigDecimal fairness) {
}

@Schema(name = "BatchTotals", description = "割り当てた件数と点の合計")
record BatchTotals(int served, BigDecimal totalScore) {
}

@Schema(name = "BatchRow", description = "提案の 1 行：相談、提案する担い手と点の内訳、1 件ずつ順に決めた場合（greedy）の担い手")
record BatchRow(long requestId, String recipientName, AreaRef area, String category, @Schema(nullable = true) LocalDate date,
                @Schema(nullable = true, description = "毎週の曜日（1 = 月曜）") Integer weeklyDay, String start, String end, Urgency urgency,
                @Schema(nullable = true, description = "提案する担い手（割り当てられなければ null）") Long supporterId,
                @Schema(nullable = true) String supporterName, @Schema(nullable = true) BigDecimal score,
                @Schema(nullable = true) CandidateScore parts,
                @Schema(description = "候補になった担い手の数") int candidates,
                @Schema(nullable = true) Long greedySupporterId, @Schema(nullable = true) String greedySupporterName,
                @Schema(nullable = true) BigDecimal greedyScore) {
}

@Schema(name = "BatchProposal",
        description = "一括マッチングの提案（まだ何も登録していません）。まず割り当てる件数が最も多く、次に点の合計（公平性の差し引き後）が最も大きい割り当て")
record BatchProposal(List<BatchRow> rows, BigDecimal fairness, BatchTotals optimum,
                     @Schema(description = "公平性の差し引き（optimum.totalScore から引いた点）") BigDecimal fairnessPenalty,
                     @Schema(description = "1 件ずつ、緊急・受付順に一番点の高い担い手を選んだ場合") BatchTotals greedy,
                     @Schema(description = "最適であることを確かめられたら true。時間の重なる相談が多く、探索の上限で打ち切ったときは false（見つかった中で最良の案）")
                     boolean exact) {
}

@Schema(name = "BatchPick", description = "確定する 1 行")
record BatchPick(@NotNull Long requestId, @NotNull Long supporterId) {
}

@Schema(name = "BatchAssignmentRequest", description = "提案のうち確定する行（1〜5,000 行。外した行・入れ替えた行はそのまま）")
record BatchAssignmentRequest(@NotNull List<@Valid @NotNull BatchPick> rows) {
}

@Schema(name = "BatchAssignmentResult")
record BatchAssignmentResult(List<AssignmentResponse> assignments) {
}
