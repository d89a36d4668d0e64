package jp.tsunagu.area;

/**
 * 地域のよみ: hiragana (the Unicode block U+3040–U+309F), the long-vowel mark, the middle dot and spaces. Written with
 * escapes both Java's and ECMAScript's regular expressions read the same way (the contract's {@code pattern} must work
 * in every JSON Schema validator: {@code \p{InHiragana}} is Java's alone), and anchored, since JSON Schema patterns
 * match anywhere in the string.
 */
final class AreaKana {

    static final String HIRAGANA = "^[\\u3040-\\u309Fー・ 　]+$";

    private AreaKana() {
    }
}
