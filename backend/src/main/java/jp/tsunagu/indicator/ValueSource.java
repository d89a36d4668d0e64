package jp.tsunagu.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a derived (not typed) value comes from. The value keeps a key of its source ({@code survey:<code>},
 * {@code support-stats:<area>:<statistic>[:<category>]}, written by the survey and support-statistics packages) so
 * that it knows which writer owns it; clients get the key taken apart here, in the one place that reads it.
 */
@Schema(name = "ValueSource", description = "入力されたのでなく算出された値の出どころ（このときは直接編集できません）。kind = SURVEY なら survey、SUPPORT_STATS なら supportStats がある")
public record ValueSource(
        Kind kind,
        @Schema(nullable = true) Survey survey,
        @Schema(nullable = true) SupportStats supportStats,
        @Schema(examples = "survey:kumamoto-r6", description = "出どころの識別子（同じ出どころかどうかの比較用。組み立てたり分解したりしないでください）") String key) {

    /** SURVEY: 市民アンケート; SUPPORT_STATS: 地域生活支援の統計; OTHER: a writer this version does not describe. */
    @Schema(name = "ValueSourceKind")
    public enum Kind { SURVEY, SUPPORT_STATS, OTHER }

    /** 市民アンケート: its code. */
    @Schema(name = "ValueSourceSurvey")
    public record Survey(@Schema(examples = "kumamoto-r6") String code) {
    }

    /** 地域生活支援の統計: the area, the statistic, and for a share the category. */
    @Schema(name = "ValueSourceSupportStats")
    public record SupportStats(@Schema(examples = "40100") String areaCode,
                               @Schema(ref = "SupportStatistic") String statistic,
                               @Schema(nullable = true, examples = "GARBAGE", description = "種類別の割合のとき: 困りごとの種類") String categoryCode) {
    }

    /** The source a stored key names; null for a typed value. */
    public static ValueSource of(String key) {
        if (key == null) {
            return null;
        }
        String[] parts = key.split(":", -1);
        if (parts[0].equals("survey") && parts.length == 2 && !parts[1].isEmpty()) {
            return new ValueSource(Kind.SURVEY, new Survey(parts[1]), null, key);
        }
        if (parts[0].equals("support-stats") && (parts.length == 3 || parts.length == 4)) {
            return new ValueSource(Kind.SUPPORT_STATS, null, new SupportStats(parts[1], parts[2], parts.length == 4 ? parts[3] : null), key);
        }
        return new ValueSource(Kind.OTHER, null, null, key);
    }
}
