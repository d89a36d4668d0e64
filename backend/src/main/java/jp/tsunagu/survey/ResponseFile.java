package jp.tsunagu.survey;

import jp.tsunagu.shared.Strings;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload of individual responses: a header row, then one row per respondent. Columns q1, q2, q3
 * (or 問1…) hold the answers (1–4 or their words; blank, 無回答, 9 or 99 = no answer); any other column
 * is an attribute for breakdowns (年代, 性別, 区 …), except columns that would identify a person
 * (番号, 氏名, 住所 …), which are dropped, never stored.
 */
final class ResponseFile {

    static final int MAX_ROWS = 200_000;
    static final int MAX_ATTRIBUTES = 10;
    static final int MAX_ATTRIBUTE_LENGTH = 60;
    static final int MAX_REPORTED_ERRORS = 100;

    /** q1, Q1, 問1, 設問1, "問1 人とのつきあい", "q1_つきあい" … */
    private static final Pattern QUESTION = Pattern.compile("(?:q|問|設問|質問|問い|item)\\s*([0-9]+)(?:[\\s_:.,、。（(-].*)?");
    private static final Set<String> IDENTIFYING = Set.of("id", "no", "no.", "番号", "回答者番号", "回答者id", "整理番号", "氏名", "名前",
            "ふりがな", "フリガナ", "住所", "電話", "電話番号", "メール", "メールアドレス", "email", "e-mail", "生年月日");
    private static final Set<String> NO_ANSWER = Set.of("", "無回答", "-", "ー", "―", "na", "n/a", "9", "99");

    record Row(int line, Integer[] answers, Map<String, String> attributes) {
    }

    record Error(int line, String column, String message) {
    }

    record Parsed(List<Row> rows, List<String> attributes, List<String> ignoredColumns, List<Error> errors, int errorCount) {
    }

    private ResponseFile() {
    }

    static Parsed parse(List<List<String>> table, Instrument instrument) {
        int items = instrument.questions.size();
        List<Error> errors = new ArrayList<>();
        int[] errorCount = {0};
        int headerIndex = 0;
        while (headerIndex < table.size() && blank(table.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == table.size()) {
            return fileError("ファイルに見出し行がありません（q1, q2, q3 と属性の列名を 1 行目に書いてください）");
        }
        List<String> header = table.get(headerIndex);
        int[] questionColumn = new int[items];
        java.util.Arrays.fill(questionColumn, -1);
        Map<Integer, String> attributeColumns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = normalize(header.get(c));
            if (name.isEmpty()) {
                continue;
            }
            Matcher m = QUESTION.matcher(name.toLowerCase(Locale.ROOT));
            int asked = questionText(name, instrument);
            if (m.matches() || asked > 0) {
                int q = asked > 0 ? asked : Integer.parseInt(m.group(1));
                if (q < 1 || q > items) {
                    return fileError("列「" + name + "」: この尺度の設問は " + items + " 問です");
                }
                if (questionColumn[q - 1] >= 0) {
                    return fileError("設問 " + q + " の列が 2 つあります");
                }
                questionColumn[q - 1] = c;
            } else if (IDENTIFYING.contains(name.toLowerCase(Locale.ROOT))) {
                ignored.add(name);
            } else if (attributeColumns.containsValue(name)) {
                return fileError("列名「" + name + "」が 2 つあります");
            } else {
                attributeColumns.put(c, name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int q = 0; q < items; q++) {
            if (questionColumn[q] < 0) {
                missing.add("q" + (q + 1));
            }
        }
        if (!missing.isEmpty()) {
            return fileError("設問の列 " + String.join(", ", missing) + " がありません（見出し行: " + String.join(", ", header) + "）");
        }
        if (attributeColumns.size() > MAX_ATTRIBUTES) {
            return fileError("属性の列は " + MAX_ATTRIBUTES + " 列までです（" + attributeColumns.size() + " 列あります）");
        }
        if (table.size() - headerIndex - 1 > MAX_ROWS) {
            return fileError("回答は " + MAX_ROWS + " 行までです");
        }
        List<Row> rows = new ArrayList<>();
        for (int r = headerIndex + 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            int line = r + 1;
            if (blank(cells)) {
                continue;
            }
            if (cells.size() > header.size() && !blank(cells.subList(header.size(), cells.size()))) {
                add(errors, errorCount, new Error(line, null, line + " 行目: 見出し（" + header.size() + " 列）より多い列があります"));
                continue;
            }
            Integer[] answers = new Integer[items];
            boolean ok = true;
            for (int q = 0; q < items; q++) {
                String cell = normalize(cell(cells, questionColumn[q]));
                Integer answer = answer(cell, instrument);
                if (answer == null && !NO_ANSWER.contains(cell.toLowerCase(Locale.ROOT))) {
                    add(errors, errorCount, new Error(line, "q" + (q + 1), line + " 行目 q" + (q + 1) + ": 「" + cell
                            + "」は回答として読めません（1〜4、" + String.join("・", instrument.answers) + "、空欄・無回答）"));
                    ok = false;
                }
                answers[q] = answer;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> a : attributeColumns.entrySet()) {
                String value = normalize(cell(cells, a.getKey()));
                if (value.length() > MAX_ATTRIBUTE_LENGTH) {
                    add(errors, errorCount, new Error(line, a.getValue(), line + " 行目 " + a.getValue() + ": " + MAX_ATTRIBUTE_LENGTH + " 文字までです"));
                    ok = false;
                } else if (!value.isEmpty()) {
                    attributes.put(a.getValue(), value);
                }
            }
            if (ok) {
                rows.add(new Row(line, answers, attributes));
            }
        }
        if (rows.isEmpty() && errorCount[0] == 0) {
            return fileError("回答の行がありません");
        }
        return new Parsed(rows, List.copyOf(attributeColumns.values()), ignored, errors, errorCount[0]);
    }

    /** A header that is the question itself (as printed on the form): its number, else 0. */
    private static int questionText(String header, Instrument instrument) {
        String h = header.replaceAll("[\\s？?「」]", "");
        for (int q = 0; q < instrument.questions.size(); q++) {
            if (!h.isEmpty() && h.contains(instrument.questions.get(q).replaceAll("[\\s？?「」]", ""))) {
                return q + 1;
            }
        }
        return 0;
    }

    private static Integer answer(String cell, Instrument instrument) {
        if (cell.matches("[1-9](\\.0+)?")) {
            int n = Integer.parseInt(cell.substring(0, 1));
            return n <= instrument.answers.size() ? n : null;
        }
        int word = instrument.answers.indexOf(cell);
        return word < 0 ? null : word + 1;
    }

    private static Parsed fileError(String message) {
        return new Parsed(List.of(), List.of(), List.of(), List.of(new Error(0, null, message)), 1);
    }

    private static void add(List<Error> errors, int[] count, Error e) {
        count[0]++;
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(e);
        }
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> Strings.absent(c));
    }

    /** Full-width digits and letters to ASCII, spaces trimmed (Japanese spreadsheets mix both). */
    static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }
}
