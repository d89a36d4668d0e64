package jp.tsunagu.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error this API returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(examples = "/problems/validation-failed", description = "Stable identifier of the kind of problem") String type,
        @Schema(examples = "入力内容に誤りがあります") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "name: 必須項目です") String detail,
        @Schema(examples = "/api/v1/areas") String instance,
        @Schema(description = "One entry per failing field, for validation problems") List<FieldError> errors,
        @Schema(nullable = true, description = "What stands in the way, counted (e.g. indicators, values, evaluations of a node that cannot be deleted)",
                examples = "{\"indicators\": 3, \"values\": 12, \"evaluations\": 2}") java.util.Map<String, Long> counts) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(@Schema(examples = "name") String field, @Schema(examples = "必須項目です") String message) {
    }
}
