package jp.tsunagu.shared;

import java.util.List;

/**
 * 全国地方公共団体コード (JIS X 0401/0402): the five digits and the check digit the 自治体標準オープンデータセット
 * columns carry, and the prefecture a code lies in. Kept here as a table of 47 names and one rule — no library
 * offers them, and they do not change.
 */
public final class LocalGovernmentCodes {

    private static final List<String> PREFECTURES = List.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
            "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
            "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県",
            "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    private LocalGovernmentCodes() {
    }

    /** The six-digit code: the five digits and their check digit (北九州市 40100 → 401005). Null when not five digits. */
    public static String withCheckDigit(String fiveDigits) {
        if (fiveDigits == null || !fiveDigits.matches("[0-9]{5}")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return fiveDigits + (11 - sum % 11) % 10;
    }

    /** The prefecture of a code (its first two digits, 01–47), or null. */
    public static String prefecture(String code) {
        if (code == null || code.length() < 2 || !code.substring(0, 2).matches("[0-9]{2}")) {
            return null;
        }
        int n = Integer.parseInt(code.substring(0, 2));
        return n >= 1 && n <= PREFECTURES.size() ? PREFECTURES.get(n - 1) : null;
    }
}
