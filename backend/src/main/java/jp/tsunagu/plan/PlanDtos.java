package jp.tsunagu.plan;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

final class PlanDtos {
    private PlanDtos() {
    }
}

@Schema(name = "PlanActorDto", description = "役割表の列（市、市社協、民生委員 …）")
record PlanActorDto(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*") @Schema(examples = "city") String key,
                    @NotBlank @Size(max = 60) @Schema(examples = "市") String name) {
}

@Schema(name = "GradeThresholds", description = "評価の閾値（%）: A ≥ a, B ≥ b, C ≥ c, それ未満は D")
record GradeThresholds(@NotNull @DecimalMin("0.1") @Schema(examples = "100") BigDecimal a,
                       @NotNull @DecimalMin("0.1") @Schema(examples = "80") BigDecimal b,
                       @NotNull @DecimalMin("0.1") @Schema(examples = "50") BigDecimal c) {
}

@Schema(name = "CreatePlanRequest")
record CreatePlanRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "英小文字・数字・ハイフンで指定してください")
        @Schema(examples = "kumamoto-5th") String code,
        @NotBlank @Schema(examples = "43100", description = "市の地域コード") String cityCode,
        @NotNull @Schema(examples = "COMMUNITY_WELFARE") PlanKind kind,
        @NotBlank @Size(max = 300) @Schema(examples = "第5次熊本市地域福祉計画") String title,
        @NotNull @Min(1989) @Max(2200) @Schema(examples = "2024") Integer periodStart,
        @NotNull @Min(1989) @Max(2200) @Schema(examples = "2031") Integer periodEnd,
        @Schema(nullable = true) String vision,
        @Schema(nullable = true, examples = "ACTIVE") PlanStatus status,
        @NotNull @Size(min = 1, max = 8) @Schema(examples = "[\"基本方針\", \"取組の視点\", \"取組\", \"事業\"]") List<@NotBlank @Size(max = 60) String> levels,
        @NotNull @Size(max = 20) List<@Valid @NotNull PlanActorDto> actors,
        @Valid @Schema(nullable = true) GradeThresholds gradeThresholds,
        @Schema(nullable = true, description = "一体的に策定した計画のコード") List<String> linkedPlans,
        @Size(min = 1, max = 8) @Schema(nullable = true, description = "役割の記号の凡例（省略すると ◎ 実施主体・○ 連携・協力）")
        List<@Valid @NotNull RoleLegendEntry> legend,
        @Size(max = 10) @Schema(nullable = true, description = "問い合わせ先") List<@Valid @NotNull PlanContactDto> contacts) {
}

@Schema(name = "UpdatePlanRequest")
record UpdatePlanRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull PlanKind kind,
        @NotNull @Min(1989) @Max(2200) Integer periodStart,
        @NotNull @Min(1989) @Max(2200) Integer periodEnd,
        @Schema(nullable = true) String vision,
        @NotNull PlanStatus status,
        @NotNull @Size(min = 1, max = 8) List<@NotBlank @Size(max = 60) String> levels,
        @NotNull @Valid GradeThresholds gradeThresholds,
        @Schema(nullable = true) List<String> linkedPlans,
        @Size(min = 1, max = 8) @Schema(nullable = true, description = "役割の記号の凡例（省略すると変えない）")
        List<@Valid @NotNull RoleLegendEntry> legend,
        @Size(max = 10) @Schema(nullable = true, description = "問い合わせ先（省略すると変えない、空にすると消す）") List<@Valid @NotNull PlanContactDto> contacts,
        @NotNull @Schema(examples = "0") Long version) {
}

@Schema(name = "PlanSummary")
record PlanSummary(@Schema(examples = "kumamoto-5th") String code, @Schema(examples = "第5次熊本市地域福祉計画") String title,
                   PlanKind kind, AreaRef city, @Schema(examples = "2024") int periodStart, @Schema(examples = "2031") int periodEnd,
                   PlanStatus status, @Schema(examples = "12") long indicatorCount) {
}

@Schema(name = "PlanList")
record PlanList(List<PlanSummary> items) {
}

@Schema(name = "PlanResponse")
record PlanResponse(String code, String title, PlanKind kind, AreaRef city, int periodStart, int periodEnd,
                    @Schema(nullable = true) String vision, PlanStatus status, List<String> levels, List<PlanActorDto> actors,
                    GradeThresholds gradeThresholds, List<String> linkedPlans,
                    @Schema(description = "役割の記号の凡例（計画全体。項目ごとの凡例が優先）") List<RoleLegendEntry> legend,
                    @Schema(description = "問い合わせ先") List<PlanContactDto> contacts,
                    @Schema(nullable = true, description = "オープンデータとして公開した日時（非公開なら null）") OffsetDateTime publishedAt,
                    long version) {

    static PlanResponse of(Plan p) {
        return new PlanResponse(p.code, p.title, p.kind, AreaRef.of(p.city), p.periodStart, p.periodEnd, p.vision, p.status,
                List.copyOf(p.levels), p.actors.stream().map(a -> new PlanActorDto(a.key, a.name)).toList(),
                new GradeThresholds(p.gradeA, p.gradeB, p.gradeC),
                p.links.stream().map(l -> l.code).sorted().toList(), RoleLegendEntry.all(p.legend),
                p.contacts.stream().map(c -> new PlanContactDto(c.department, c.phone, c.fax)).toList(), p.publishedAt, p.version);
    }
}

@Schema(name = "PlanContactDto", description = "問い合わせ先（部署・電話・FAX）")
record PlanContactDto(@NotBlank @Size(max = 200) @Schema(examples = "久留米市 健康福祉部 地域福祉課") String department,
                      @Size(max = 40) @Pattern(regexp = "[0-9０-９()（）+ ー-]*", message = "電話番号は数字とハイフンで指定してください")
                      @Schema(nullable = true, examples = "0942-30-9173") String phone,
                      @Size(max = 40) @Pattern(regexp = "[0-9０-９()（）+ ー-]*", message = "FAX 番号は数字とハイフンで指定してください")
                      @Schema(nullable = true, examples = "0942-30-9752") String fax) {
}

@Schema(name = "RoleLegendEntry", description = "凡例の 1 行: 印刷どおりの記号、その意味、役割の種類（LEAD 実施主体 / PARTNER 連携・協力）")
record RoleLegendEntry(@NotBlank @Size(max = 4) @Schema(examples = "○") String symbol,
                       @NotBlank @Size(max = 60) @Schema(examples = "事業の実施主体") String meaning,
                       @NotNull @Schema(examples = "LEAD") ActorRoleKind role) {

    static List<RoleLegendEntry> all(List<LegendEntry> legend) {
        return legend.stream().map(e -> new RoleLegendEntry(e.symbol, e.meaning, e.role)).toList();
    }
}

@Schema(name = "RoleDto", description = "主体の役割: 印刷どおりの記号（symbol）か役割の種類（role）の少なくとも一方と、その主体が行うこと。"
        + "記号だけなら意味は凡例から、種類だけなら記号は凡例のその種類の記号になる")
record RoleDto(@NotBlank @Schema(examples = "city") String actor,
               @Size(min = 1, max = 4) @Schema(nullable = true, examples = "○") String symbol,
               @Schema(nullable = true) ActorRoleKind role,
               @Size(max = 2000) @Schema(nullable = true, examples = "各種相談窓口の充実や支援関係機関の連携を推進します") String statement) {
}

@Schema(name = "RoleCell", description = "役割表の 1 マス: 印刷どおりの記号と、その項目で効いている凡例での意味。"
        + "凡例にない記号は inLegend = false で、role と meaning は null（読み替えない）")
record RoleCell(@Schema(examples = "city") String actor, @Schema(examples = "○") String symbol,
                @Schema(nullable = true) ActorRoleKind role,
                @Schema(nullable = true, examples = "事業の実施主体") String meaning,
                @Schema(description = "記号が効いている凡例にある") boolean inLegend,
                @Schema(nullable = true) String statement) {
}


@Schema(name = "PlanTreeNode")
record PlanTreeNode(@Schema(examples = "13") String code, String title, @Schema(nullable = true) String summary,
                    @Schema(nullable = true, examples = "小中学校区") String activityUnit,
                    @Schema(nullable = true, description = "取組の主な対象", examples = "地域と連携できる多様な関係機関・地域で困難な課題を抱える方など") String mainTarget,
                    @Schema(examples = "2") int depth, @Schema(nullable = true, examples = "取組") String level,
                    List<RoleCell> roles,
                    @Schema(description = "この項目が定める凡例（空なら上位の凡例に従う）") List<RoleLegendEntry> legend,
                    @Schema(description = "この項目で効いている凡例") List<RoleLegendEntry> legendInForce,
                    List<NodeIndicatorSummary> indicators, List<PlanTreeNode> children, long version) {
}

@Schema(name = "PlanTree", description = "計画と、その木の全体（役割表と指標つき）")
record PlanTree(PlanResponse plan, List<PlanTreeNode> nodes) {
}

@Schema(name = "CreateNodeRequest")
record CreateNodeRequest(
        @NotBlank @Size(max = 40) @Schema(examples = "13") String code,
        @NotBlank @Size(max = 400) @Schema(examples = "地域での見守り活動の推進") String title,
        @Schema(nullable = true) String summary,
        @Size(max = 200) @Schema(nullable = true, examples = "小中学校区") String activityUnit,
        @Size(max = 40) @Schema(nullable = true, examples = "Ⅳ-1", description = "親ノードのコード（最上位なら省略）") String parentCode,
        @Min(0) @Schema(nullable = true, description = "兄弟の中での位置（0 始まり、省略時は末尾）") Integer position,
        @Size(max = 20) @Schema(nullable = true) List<@Valid @NotNull RoleDto> roles,
        @Size(max = 2000) @Schema(nullable = true, description = "取組の主な対象") String mainTarget,
        @Size(max = 8) @Schema(nullable = true, description = "この項目の凡例（省略・空なら上位の凡例に従う）")
        List<@Valid @NotNull RoleLegendEntry> legend) {
}

@Schema(name = "UpdateNodeRequest")
record UpdateNodeRequest(
        @NotBlank @Size(max = 40) String code,
        @NotBlank @Size(max = 400) String title,
        @Schema(nullable = true) String summary,
        @Size(max = 200) @Schema(nullable = true) String activityUnit,
        @NotNull @Size(max = 20) List<@Valid @NotNull RoleDto> roles,
        @Size(max = 2000) @Schema(nullable = true, description = "取組の主な対象（省略すると変えない、空文字で消す）") String mainTarget,
        @Size(max = 8) @Schema(nullable = true, description = "この項目の凡例（省略すると変えない、空にすると上位の凡例に従う）")
        List<@Valid @NotNull RoleLegendEntry> legend,
        @NotNull Long version) {
}

@Schema(name = "MoveNodeRequest")
record MoveNodeRequest(@Size(max = 40) @Schema(nullable = true, description = "新しい親（最上位へは null）") String parentCode,
                       @NotNull @Min(0) Integer position,
                       @NotNull Long version) {
}

@Schema(name = "CopyPlanRequest", description = "次期計画の作成: 体系・役割表・指標を写し、値と事業調書は写さない")
record CopyPlanRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "英小文字・数字・ハイフンで指定してください")
        @Schema(examples = "kitakyushu-ikiiki3") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "第3次北九州市いきいき長寿プラン") String title,
        @NotNull @Min(1989) @Max(2200) @Schema(examples = "2024") Integer periodStart,
        @NotNull @Min(1989) @Max(2200) @Schema(examples = "2026") Integer periodEnd) {
}

@Schema(name = "FindingRequest", description = "課題・困りごと・現状（書かれたとおり）。更新では version が必要")
record FindingRequest(
        @Size(max = 40) @Schema(nullable = true, examples = "Ⅳ", description = "付ける項目のコード（省略すると計画全体）") String nodeCode,
        @NotNull @Schema(examples = "TROUBLE") FindingKind kind,
        @NotBlank @Size(max = 200) @Schema(examples = "移動支援等") String title,
        @Size(max = 4000) @Schema(nullable = true) String text,
        @Size(max = 30) @Schema(nullable = true, examples = "[\"病院までの送迎があるとうれしい\"]") List<@NotBlank @Size(max = 400) String> examples,
        @Size(max = 6) @Schema(nullable = true, examples = "[\"COUNCIL\", \"NEEDS_SURVEY\"]") List<@NotNull FindingSource> sources,
        @Schema(nullable = true, examples = "0") Long version) {
}

@Schema(name = "FindingResponse")
record FindingResponse(@Schema(examples = "1") long id,
                       @Schema(nullable = true, examples = "Ⅳ") String nodeCode,
                       @Schema(nullable = true) String nodeTitle,
                       FindingKind kind, @Schema(examples = "移動支援等") String title,
                       @Schema(nullable = true) String text, List<String> examples, List<FindingSource> sources,
                       long version, java.time.OffsetDateTime updatedAt, @Schema(nullable = true) String updatedBy) {

    static FindingResponse of(PlanFinding f) {
        return new FindingResponse(f.id, f.node == null ? null : f.node.code, f.node == null ? null : f.node.title, f.kind, f.title,
                f.body, List.copyOf(f.examples), f.sources.stream().sorted().toList(), f.version, f.updatedAt, f.updatedBy);
    }
}

@Schema(name = "FindingList")
record FindingList(List<FindingResponse> items) {
}

@Schema(name = "PublicationRequest", description = "オープンデータとして公開する（true）か、公開をやめる（false）か")
record PublicationRequest(@jakarta.validation.constraints.NotNull Boolean published) {
}
