package jp.tsunagu.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.MonthDay;

/** {@code tsunagu.evaluation.*}: when the yearly sheets are due. */
@ConfigMapping(prefix = "tsunagu.evaluation")
public interface EvaluationSettings {

    /** Sheets for fiscal year Y are due on this day of calendar year Y + 1 ({@code --MM-DD}). */
    @WithDefault("--06-30")
    MonthDay due();
}
