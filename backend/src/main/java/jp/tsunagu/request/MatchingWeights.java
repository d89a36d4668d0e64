package jp.tsunagu.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** How much each part of a candidate's score counts ({@code tsunagu.matching.weight.*}); a city may set its own. */
@ConfigMapping(prefix = "tsunagu.matching.weight")
public interface MatchingWeights {

    /** 地域の近さ. */
    @WithDefault("0.35")
    BigDecimal distance();

    /** 空き時間の重なり. */
    @WithDefault("0.25")
    BigDecimal availability();

    /** 受け持ちの余裕. */
    @WithDefault("0.15")
    BigDecimal load();

    /** 同じ人を続けて支援しているか. */
    @WithDefault("0.15")
    BigDecimal continuity();

    /** 最近の依頼の少なさ. */
    @WithDefault("0.10")
    BigDecimal fairness();
}
