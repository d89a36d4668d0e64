package jp.tsunagu.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator as the plan tree lists it under its node. */
@Schema(name = "NodeIndicatorSummary")
public record NodeIndicatorSummary(@Schema(examples = "kumamoto-5th-iv-1") String code,
                                   @Schema(examples = "孤独感の程度が高い市民の割合") String name,
                                   @Schema(examples = "%", nullable = true) String unit,
                                   @Schema(examples = "DECREASE", nullable = true) String direction,
                                   boolean notSet,
                                   @Schema(nullable = true, examples = "安心安全を確保するための事業であり、定量効果を求めない") String notSetReason) {
}
