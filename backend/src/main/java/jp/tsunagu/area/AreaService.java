package jp.tsunagu.area;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The area tree: rules for parents and kinds, paging, subtrees, and refusing to delete what is used. */
@ApplicationScoped
public class AreaService {

    private final AreaRepository areas;
    private final AreaImport importer;
    private final Instance<AreaReferences> references;

    AreaService(AreaRepository areas, Instance<AreaReferences> references, AreaImport importer) {
        this.areas = areas;
        this.references = references;
        this.importer = importer;
    }

    /** The area with this code, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Area> find(String code) {
        return areas.findByCode(code);
    }

    /** The ids of the area and of everything below it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> subtreeIds(Area root) {
        return areas.subtreeIds(root);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Area require(String code) {
        return areas.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("area-not-found", "地域コード " + code + " は見つかりません。"));
    }

    /**
     * The area named by its code or by its exact name (a trailing 校区 / 地区 / 校(地)区 may be left off
     * or added). A name shared by areas of different cities is refused: the caller must use the code.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Area resolve(String codeOrName) {
        String key = codeOrName.strip();
        Optional<Area> byCode = areas.findByCode(key);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        List<Area> byName = new ArrayList<>(areas.findByName(key));
        String bare = key.replaceFirst("(校\\(地\\)区|校（地）区|校区|地区)$", "");
        if (byName.isEmpty() && !bare.equals(key)) {
            byName.addAll(areas.findByName(bare));
        }
        if (byName.isEmpty()) {
            throw ProblemException.notFound("area-not-found", "地域「" + key + "」は見つかりません。");
        }
        if (byName.size() > 1) {
            throw ProblemException.badRequest("ambiguous-area", "「" + key + "」という名前の地域が複数あります。地域コードで指定してください: "
                    + String.join(", ", byName.stream().map(a -> a.code + "（" + a.selfAndAncestors().get(a.selfAndAncestors().size() - 1).name + "）").toList()));
        }
        return byName.get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AreaPage list(String parent, AreaKind kind, String text, int limit, String cursor) {
        String after = Strings.strippedOrNull(cursor) == null ? null : jp.tsunagu.shared.PageCursor.decode(cursor.strip());
        if (parent != null) {
            require(parent);
        }
        List<Area> page = areas.search(parent, kind, text, after, limit + 1);
        boolean more = page.size() > limit;
        List<Area> items = more ? page.subList(0, limit) : page;
        String next = more ? jp.tsunagu.shared.PageCursor.encode(items.get(items.size() - 1).code) : null;
        return new AreaPage(items.stream().map(AreaResponse::of).toList(), next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AreaResponse get(String code) {
        return AreaResponse.of(require(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AreaTreeNode subtree(String code) {
        Area root = require(code);
        Map<Long, List<Area>> byParent = new HashMap<>();
        for (Area a : areas.descendants(root)) {
            byParent.computeIfAbsent(a.parent.id, k -> new ArrayList<>()).add(a);
        }
        return node(root, byParent);
    }

    private AreaTreeNode node(Area area, Map<Long, List<Area>> byParent) {
        List<AreaTreeNode> children = byParent.getOrDefault(area.id, List.of()).stream()
                .map(child -> node(child, byParent)).toList();
        return new AreaTreeNode(area.code, area.name, area.kana, area.kind, area.retired(), children);
    }

    @Transactional
    AreaResponse create(CreateAreaRequest request) {
        if (areas.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("area-code-taken", "地域コード " + request.code() + " はすでに使われています。");
        }
        Area area = new Area();
        area.code = request.code();
        apply(area, request.name(), request.kana(), request.kind(), request.parentCode());
        areas.persist(area);
        return AreaResponse.of(area);
    }

    @Transactional
    AreaResponse update(String code, UpdateAreaRequest request) {
        Area area = require(code);
        Versions.check(request.version(), area.version, "地域 " + code);
        apply(area, request.name(), request.kana(), request.kind(), request.parentCode());
        areas.flush();
        return AreaResponse.of(area);
    }

    /** The areas of a file, as {@link AreaImport} reads them. */
    AreaImportReport importAreas(java.util.List<java.util.List<String>> table, boolean commit) {
        return importer.run(table, commit);
    }

    /** Retires an area (or brings it back): it stays for the records that name it, and is offered for nothing new. */
    @Transactional
    AreaResponse retire(String code, boolean retired) {
        Area area = require(code);
        area.retiredAt = retired ? (area.retiredAt == null ? java.time.OffsetDateTime.now() : area.retiredAt) : null;
        areas.flush();
        return AreaResponse.of(area);
    }

    @Transactional
    void delete(String code) {
        Area area = require(code);
        List<String> uses = new ArrayList<>();
        long children = areas.countChildren(area);
        if (children > 0) {
            uses.add("下位の地域 " + children + " 件");
        }
        references.forEach(r -> r.describeUsesOf(area).ifPresent(uses::add));
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("area-in-use",
                    "地域「" + area.name + "」は使われているため削除できません（" + String.join("、", uses) + "）。");
        }
        areas.delete(area);
    }

    private void apply(Area area, String name, String kana, AreaKind kind, String parentCode) {
        Area parent = Strings.strippedOrNull(parentCode) == null ? null : areas.findByCode(parentCode)
                .orElseThrow(() -> ProblemException.unprocessable("parent-not-found", "親の地域コード " + parentCode + " は見つかりません。"));
        if (kind == AreaKind.CITY && parent != null) {
            throw ProblemException.unprocessable("invalid-parent", "市（CITY）には親を指定できません。");
        }
        if (kind != AreaKind.CITY && parent == null) {
            throw ProblemException.unprocessable("invalid-parent", "市（CITY）以外の地域には親の地域コードが必要です。");
        }
        if (parent != null && parent.kind.ordinal() >= kind.ordinal()) {
            throw ProblemException.unprocessable("invalid-parent",
                    kind + " の親に " + parent.kind + "（" + parent.name + "）は指定できません。親は上位の階層にしてください。");
        }
        if (parent != null && area.id != null && area.isSelfOrAncestorOf(parent)) {
            throw ProblemException.unprocessable("invalid-parent", "自分自身やその下位の地域を親にはできません。");
        }
        area.name = name.strip();
        area.kana = kana.strip();
        area.kind = kind;
        area.parent = parent;
        area.updatedAt = java.time.OffsetDateTime.now();
    }
}
