package jp.tsunagu.area;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A city's own areas from one file (区 → 日常生活圏域 → 校区 → 町内): a header row naming the columns code, name,
 * kana, kind, parent (or コード, 名称, かな, 種類, 親コード), then one area a row. A dry run says what each row would do
 * and lists every problem with its row; a commit does all of it or, with any problem, nothing (422).
 */
@ApplicationScoped
class AreaImport {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("code", "code"), Map.entry("コード", "code"), Map.entry("地域コード", "code"),
            Map.entry("name", "name"), Map.entry("名称", "name"), Map.entry("名前", "name"), Map.entry("地域名", "name"),
            Map.entry("kana", "kana"), Map.entry("かな", "kana"), Map.entry("ふりがな", "kana"), Map.entry("よみ", "kana"),
            Map.entry("kind", "kind"), Map.entry("種類", "kind"), Map.entry("区分", "kind"),
            Map.entry("parent", "parent"), Map.entry("parentcode", "parent"), Map.entry("親", "parent"), Map.entry("親コード", "parent"));

    private static final Map<String, AreaKind> KINDS = Map.ofEntries(
            Map.entry("市", AreaKind.CITY), Map.entry("区", AreaKind.WARD), Map.entry("日常生活圏域", AreaKind.LIVING_AREA),
            Map.entry("圏域", AreaKind.LIVING_AREA), Map.entry("校区", AreaKind.SCHOOL_DISTRICT), Map.entry("校(地)区", AreaKind.SCHOOL_DISTRICT),
            Map.entry("校（地）区", AreaKind.SCHOOL_DISTRICT), Map.entry("地区", AreaKind.SCHOOL_DISTRICT),
            Map.entry("町内", AreaKind.NEIGHBOURHOOD), Map.entry("町内会", AreaKind.NEIGHBOURHOOD), Map.entry("自治会", AreaKind.NEIGHBOURHOOD));

    private record Line(int row, String code, String name, String kana, AreaKind kind, String parent) {
    }

    private final AreaRepository areas;

    AreaImport(AreaRepository areas) {
        this.areas = areas;
    }

    @Transactional
    AreaImportReport run(List<List<String>> table, boolean commit) {
        List<AreaImportProblem> problems = new ArrayList<>();
        List<Line> lines = read(table, problems);
        Map<String, Line> byCode = new LinkedHashMap<>();
        for (Line l : lines) {
            Line first = byCode.putIfAbsent(l.code(), l);
            if (first != null) {
                problems.add(new AreaImportProblem(l.row(), "code", l.code(), "地域コード " + l.code() + " は " + first.row() + " 行目にもあります"));
            }
        }
        Map<String, Area> existing = new HashMap<>();
        for (Line l : byCode.values()) {
            areas.findByCode(l.code()).ifPresent(a -> existing.put(l.code(), a));
        }
        for (Line l : byCode.values()) {
            check(l, byCode, problems);
        }
        List<AreaImportRow> rows = new ArrayList<>();
        for (Line l : byCode.values()) {
            Area a = existing.get(l.code());
            AreaImportRow.Action action = a == null ? AreaImportRow.Action.CREATE
                    : a.name.equals(l.name()) && a.kana.equals(l.kana()) && a.kind == l.kind()
                      && java.util.Objects.equals(a.parent == null ? null : a.parent.code, l.parent())
                      ? AreaImportRow.Action.UNCHANGED : AreaImportRow.Action.UPDATE;
            rows.add(new AreaImportRow(l.row(), l.code(), l.name(), l.kind(), l.parent(), action));
        }
        problems.sort(java.util.Comparator.comparingInt(AreaImportProblem::row));
        if (commit) {
            if (!problems.isEmpty()) {
                List<Problem.FieldError> errors = problems.stream()
                        .map(p -> new Problem.FieldError("rows[" + p.row() + "]." + p.column(), p.row() + " 行目: " + p.message())).toList();
                throw new ProblemException(422, "area-import-invalid", "取り込めない行があります",
                        problems.size() + " 件の問題があるため、何も取り込んでいません。", errors);
            }
            apply(byCode, existing);
        }
        return AreaImportReport.of(commit, rows, problems);
    }

    /** Parents first: an area's parent exists (in the file or already) before the area is written. */
    private void apply(Map<String, Line> byCode, Map<String, Area> existing) {
        Map<String, Area> written = new HashMap<>(existing);
        List<Line> pending = new ArrayList<>(byCode.values());
        while (!pending.isEmpty()) {
            List<Line> next = new ArrayList<>();
            for (Line l : pending) {
                boolean parentPending = l.parent() != null && byCode.containsKey(l.parent()) && !written.containsKey(l.parent());
                if (parentPending) {
                    next.add(l);
                    continue;
                }
                Area a = written.getOrDefault(l.code(), null);
                boolean created = a == null;
                if (created) {
                    a = new Area();
                    a.code = l.code();
                }
                a.name = l.name();
                a.kana = l.kana();
                a.kind = l.kind();
                a.parent = l.parent() == null ? null : Optional.ofNullable(written.get(l.parent()))
                        .orElseGet(() -> areas.findByCode(l.parent()).orElseThrow());
                a.updatedAt = OffsetDateTime.now();
                if (created) {
                    areas.persist(a);
                }
                written.put(l.code(), a);
            }
            if (next.size() == pending.size()) {
                throw new IllegalStateException("area import: parents never resolved for " + next);
            }
            pending = next;
        }
        areas.flush();
    }

    private void check(Line l, Map<String, Line> byCode, List<AreaImportProblem> problems) {
        if (l.kind() == AreaKind.CITY) {
            if (l.parent() != null) {
                problems.add(new AreaImportProblem(l.row(), "parent", l.parent(), "市には親を指定できません"));
            }
            return;
        }
        if (l.parent() == null) {
            problems.add(new AreaImportProblem(l.row(), "parent", null, "市以外の地域には親の地域コードが必要です"));
            return;
        }
        // Follow the parents within the file: a loop, or a parent neither in the file nor already there.
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(l.code());
        String at = l.parent();
        while (at != null && byCode.containsKey(at)) {
            if (!seen.add(at)) {
                problems.add(new AreaImportProblem(l.row(), "parent", l.parent(), "親をたどると輪になっています（" + String.join(" → ", seen) + "）"));
                return;
            }
            at = byCode.get(at).parent();
        }
        AreaKind parentKind;
        if (byCode.containsKey(l.parent())) {
            parentKind = byCode.get(l.parent()).kind();
        } else {
            Optional<Area> stored = areas.findByCode(l.parent());
            if (stored.isEmpty()) {
                problems.add(new AreaImportProblem(l.row(), "parent", l.parent(), "親の地域コード " + l.parent() + " はファイルにも登録済みの地域にもありません"));
                return;
            }
            parentKind = stored.get().kind;
        }
        if (parentKind.ordinal() >= l.kind().ordinal()) {
            problems.add(new AreaImportProblem(l.row(), "parent", l.parent(), "親（" + parentKind + "）は " + l.kind() + " より上位の階層にしてください"));
        }
    }

    private static List<Line> read(List<List<String>> table, List<AreaImportProblem> problems) {
        int header = -1;
        Map<String, Integer> columns = new HashMap<>();
        for (int r = 0; r < table.size() && header < 0; r++) {
            List<String> cells = table.get(r);
            if (!cells.isEmpty() && cells.get(0).strip().startsWith("#")) {
                continue;
            }
            for (int c = 0; c < cells.size(); c++) {
                String key = COLUMNS.get(cells.get(c).strip().toLowerCase(Locale.ROOT).replace(" ", ""));
                if (key != null) {
                    columns.putIfAbsent(key, c);
                }
            }
            if (columns.containsKey("code")) {
                header = r;
            } else {
                columns.clear();
            }
        }
        for (String required : List.of("code", "name", "kana", "kind", "parent")) {
            if (header < 0 || !columns.containsKey(required)) {
                throw ProblemException.invalid("file", "見出しの行に code・name・kana・kind・parent（コード・名称・かな・種類・親コード）の列が必要です");
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int r = header + 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            int row = r + 1;
            String code = cell(cells, columns.get("code"));
            if (code == null && cells.stream().allMatch(Strings::absent) || code != null && code.startsWith("#")) {
                continue;
            }
            String name = cell(cells, columns.get("name"));
            String kana = cell(cells, columns.get("kana"));
            String kindText = cell(cells, columns.get("kind"));
            String parent = cell(cells, columns.get("parent"));
            boolean ok = true;
            if (code == null || !code.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || code.length() > 64) {
                problems.add(new AreaImportProblem(row, "code", code, "地域コードは英数字と . _ - で、64 文字までにしてください"));
                ok = false;
            }
            if (name == null) {
                problems.add(new AreaImportProblem(row, "name", null, "名称が空です"));
                ok = false;
            }
            if (kana == null || !kana.matches(AreaKana.HIRAGANA)) {
                problems.add(new AreaImportProblem(row, "kana", kana, "かなはひらがなで入力してください"));
                ok = false;
            }
            AreaKind kind = kind(kindText);
            if (kind == null) {
                problems.add(new AreaImportProblem(row, "kind", kindText, "種類は 市・区・日常生活圏域・校区・町内（CITY, WARD, LIVING_AREA, SCHOOL_DISTRICT, NEIGHBOURHOOD）のどれかにしてください"));
                ok = false;
            }
            if (ok) {
                lines.add(new Line(row, code, name, kana, kind, parent));
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            throw ProblemException.invalid("file", "地域の行がありません");
        }
        return lines;
    }

    private static AreaKind kind(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AreaKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return KINDS.get(text);
        }
    }

    private static String cell(List<String> cells, Integer column) {
        return column == null || column >= cells.size() ? null : Strings.strippedOrNull(cells.get(column));
    }
}
