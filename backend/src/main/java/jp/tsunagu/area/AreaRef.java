package jp.tsunagu.area;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference to an area, used wherever another record names one. */
@Schema(name = "AreaRef")
public record AreaRef(@Schema(examples = "40203-hiyoshi") String code, @Schema(examples = "日吉") String name,
                      @Schema(examples = "SCHOOL_DISTRICT") AreaKind kind) {

    public static AreaRef of(Area area) {
        return new AreaRef(area.code, area.name, area.kind);
    }
}
