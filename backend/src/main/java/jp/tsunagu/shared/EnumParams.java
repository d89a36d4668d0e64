package jp.tsunagu.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters naming an enum constant. JAX-RS would answer 404 for an unknown value; the
 * client deserves a 400 that lists the values it may use.
 */
public final class EnumParams {

    private EnumParams() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (Strings.absent(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "「" + value + "」は使えない値です（使える値: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + "）");
        }
    }

    public static <E extends Enum<E>> E require(Class<E> type, String name, String value) {
        E parsed = parse(type, name, value);
        if (parsed == null) {
            throw ProblemException.invalid(name, "必須項目です");
        }
        return parsed;
    }
}
