package jp.tsunagu.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as cities write them: full-width digits and commas (１，３０５回), units after the number
 * (件, 回, 箇所, %, 人, 世帯, 校(地)区 …). Nothing is guessed: what does not read as a number is empty.
 */
public final class JapaneseNumbers {

    /** A number with an optional unit right after it. */
    public static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "([-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\\s*(%|％|件|回・人|回|箇所|か所|ヶ所|人|世帯|校\\(地\\)区|校（地）区|校区|地区|事業|団体|台|戸)?");

    private JapaneseNumbers() {
    }

    /** Full-width digits, signs, commas and points to their ASCII forms. */
    public static String halfWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            } else if (c == '，') {
                out.append(',');
            } else if (c == '．') {
                out.append('.');
            } else if (c == '－' || c == '−') {
                out.append('-');
            } else if (c == '％') {
                out.append('%');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The number a whole cell holds ("１，３０５回" → 1305), if it holds exactly one number and maybe a unit. */
    public static Optional<BigDecimal> parse(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(number(m.group(1)));
    }

    public static BigDecimal number(String digits) {
        return new BigDecimal(halfWidth(digits).replace(",", ""));
    }

    /** 1305 → "1,305"; 37.4 → "37.4". */
    public static String format(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0) {
            return String.format("%,d", v.toBigInteger());
        }
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.####");
        return f.format(v);
    }
}
