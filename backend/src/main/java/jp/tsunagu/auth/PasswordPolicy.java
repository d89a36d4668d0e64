package jp.tsunagu.auth;

import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password of ours must be (NIST SP 800-63B's advice rather than composition rules): long enough, not one
 * that breach lists start with, not the user name, not one character over and over. A plain class with its own
 * tests; kept here rather than a library because the rules are four lines and the list is the city's to extend.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The rule the password breaks, in words a person can act on; null when it is acceptable. */
    static String problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return MIN_LENGTH + " 文字以上にしてください";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return "よく使われていて推測されやすいパスワードです。別のものにしてください";
        }
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "ユーザー名を含まないものにしてください";
        }
        if (password.codePoints().distinct().count() < 5) {
            return "同じ文字の繰り返しが多すぎます。5 種類以上の文字を使ってください";
        }
        return null;
    }

    /** 422 weak-password on {@code field} naming the rule; nothing when the password is acceptable. */
    static void require(String password, String username, String field) {
        String rule = problem(password, username);
        if (rule != null) {
            throw new ProblemException(422, "weak-password", "パスワードが弱すぎます", field + ": " + rule,
                    List.of(new Problem.FieldError(field, rule)));
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("auth/common-passwords.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
