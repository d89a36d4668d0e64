package jp.tsunagu.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;
import jp.tsunagu.access.DistrictScope;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditedRecord;
import jp.tsunagu.category.SupportCategoryService;
import jp.tsunagu.shared.PageCursor;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;
import jp.tsunagu.supportstats.SupportFiguresChanged;

import java.util.List;
import java.util.Set;

/**
 * 担い手: registering supporters and changing what they do, when and how much. Personal data: seen only within the
 * caller's districts (anything else answers 404), every access audited. Their capacity is held by the database
 * ({@link #claim}, {@link #release}), so it holds across replicas.
 */
@ApplicationScoped
public class SupporterService {

    private final SupporterRepository supporters;
    private final SupporterGroupRepository groups;
    private final SupportCategoryService categories;
    private final DistrictScope districts;
    private final AuditLog audit;
    private final Event<SupportFiguresChanged> figures;

    SupporterService(SupporterRepository supporters, SupporterGroupRepository groups, SupportCategoryService categories,
                     DistrictScope districts, AuditLog audit, Event<SupportFiguresChanged> figures) {
        this.supporters = supporters;
        this.groups = groups;
        this.categories = categories;
        this.districts = districts;
        this.audit = audit;
        this.figures = figures;
    }

    @Transactional
    SupporterResponse create(SupporterRequest r, Access access) {
        Supporter s = new Supporter();
        apply(s, r, access);
        supporters.persist(s);
        supporters.flush();
        audit.record(access, AuditAction.CREATE, AuditedRecord.SUPPORTER, s.id, s.name);
        figures.fire(new SupportFiguresChanged(s.area, jp.tsunagu.shared.FiscalYears.today()));
        return response(s);
    }

    /**
     * Changes what a supporter does, when and how much (and whether they are active). Capacity cannot go below the
     * assignments they hold now (422); the offers the candidates are ranked from follow by trigger.
     */
    @Transactional
    SupporterResponse update(long id, SupporterRequest r, Access access) {
        Supporter s = visible(id, access);
        Versions.check(r.version(), s.version, "担い手「" + s.name + "」");
        Area before = s.area;
        boolean wasActive = s.active;
        int open = supporters.openAssignments(s.id, true);
        if (r.capacity() < open) {
            throw ProblemException.unprocessable("capacity-below-open",
                    "「" + s.name + "」さんはいま " + open + " 件を受け持っています。受け持ちの上限はそれより少なくできません。");
        }
        apply(s, r, access);
        if (r.active() != null) {
            s.active = r.active();
        }
        supporters.flush();
        audit.record(access, AuditAction.UPDATE, AuditedRecord.SUPPORTER, s.id, wasActive == s.active ? null : s.active ? "活動を再開" : "活動を休止");
        figures.fire(new SupportFiguresChanged(s.area, jp.tsunagu.shared.FiscalYears.today()));
        if (!before.id.equals(s.area.id)) {
            figures.fire(new SupportFiguresChanged(before, jp.tsunagu.shared.FiscalYears.today()));
        }
        return response(s);
    }

    /** The supporter's fields from the request: the area must be the caller's, categories and group must exist. */
    private void apply(Supporter s, SupporterRequest r, Access access) {
        s.name = r.name().strip();
        s.kana = r.kana().strip();
        s.contact = r.contact();
        s.area = districts.visibleArea(r.areaCode(), access);
        s.capacity = r.capacity();
        s.hasVehicle = r.hasVehicle();
        SupporterGroup before = s.group;
        s.group = null;
        if (r.groupId() != null) {
            SupporterGroup chosen = groups.findByIdOptional(r.groupId())
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-group", "担い手グループ " + r.groupId() + " はありません。"));
            if (!chosen.active && (before == null || !chosen.id.equals(before.id))) {
                throw ProblemException.unprocessable("group-retired", "担い手グループ「" + chosen.name + "」は廃止されています。");
            }
            s.group = chosen;
        }
        s.categories.clear();
        r.categoryCodes().forEach(c -> s.categories.add(categories.requireActive(c)));
        s.availability.clear();
        for (AvailabilitySlot slot : r.availability()) {
            if (!slot.end().isAfter(slot.start())) {
                throw ProblemException.invalid("availability", "終わりの時刻は始まりより後にしてください");
            }
            SupporterAvailability a = new SupporterAvailability();
            a.supporter = s;
            a.dayOfWeek = slot.dayOfWeek().shortValue();
            a.startTime = slot.start();
            a.endTime = slot.end();
            s.availability.add(a);
        }
    }

    @Transactional
    SupporterResponse get(long id, Access access) {
        Supporter s = visible(id, access);
        audit.record(access, AuditAction.READ, AuditedRecord.SUPPORTER, s.id, null);
        return response(s);
    }

    /** The supporter, if the caller may see them; 404 otherwise (as if there were none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Supporter visible(long id, Access access) {
        Supporter s = supporters.findById(id);
        if (s == null || !access.sees(s.area.id)) {
            throw ProblemException.notFound("supporter-not-found", "担い手 " + id + " はいません。");
        }
        return s;
    }

    /** Takes one place of the supporter's capacity; false when they are full or resting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(Supporter s) {
        return supporters.claim(s.id);
    }

    /** Gives one place of the supporter's capacity back (an assignment declined or completed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Supporter s) {
        supporters.release(s.id);
    }

    /** The supporter groups of the caller's districts (all for ADMIN), for choosing one when registering a supporter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<SupporterGroupResponse> groups(Access access) {
        return groups.listWithArea().stream().filter(g -> access.sees(g.area.id)).map(SupporterService::group).toList();
    }

    /** A new group of a district of the caller's (409 when the district already has one of that name). */
    @Transactional
    SupporterGroupResponse createGroup(SupporterGroupRequest r, Access access) {
        if (r.areaCode() == null) {
            throw ProblemException.invalid("areaCode", "必須項目です");
        }
        SupporterGroup g = new SupporterGroup();
        g.area = districts.visibleArea(r.areaCode().strip(), access);
        g.name = r.name().strip();
        g.payment = r.payment();
        requireFreeName(g);
        groups.persist(g);
        groups.flush();
        return group(g);
    }

    /** Rename, paid or unpaid, retire or bring back. */
    @Transactional
    SupporterGroupResponse updateGroup(long id, SupporterGroupRequest r, Access access) {
        SupporterGroup g = groups.findByIdOptional(id).filter(x -> access.sees(x.area.id))
                .orElseThrow(() -> ProblemException.notFound("group-not-found", "担い手グループ " + id + " はありません。"));
        Versions.check(r.version(), g.version, "担い手グループ「" + g.name + "」");
        g.name = r.name().strip();
        g.payment = r.payment();
        if (r.active() != null) {
            g.active = r.active();
        }
        requireFreeName(g);
        groups.flush();
        return group(g);
    }

    private void requireFreeName(SupporterGroup g) {
        if (groups.nameTaken(g)) {
            throw ProblemException.conflict("group-name-taken", "「" + g.area.name + "」にはすでに「" + g.name + "」というグループがあります。");
        }
    }

    private static SupporterGroupResponse group(SupporterGroup g) {
        return new SupporterGroupResponse(g.id, g.name, AreaRef.of(g.area), g.payment, g.active, g.version);
    }

    @Transactional
    SupporterPage list(String areaCode, int limit, String cursor, Access access) {
        Set<Long> scope = districts.listScope(areaCode, access);
        long after = cursor == null ? 0 : PageCursor.decodeLong(cursor);
        List<Supporter> page = scope != null && scope.isEmpty() ? List.of() : supporters.page(scope, after, limit + 1);
        boolean more = page.size() > limit;
        List<SupporterResponse> out = (more ? page.subList(0, limit) : page).stream().map(x -> response(x, x.openAssignments)).toList();
        audit.record(access, AuditAction.READ, AuditedRecord.SUPPORTER, null, "一覧 " + out.size() + " 件" + (areaCode == null ? "" : "（" + areaCode + "）"));
        return new SupporterPage(out, more ? PageCursor.encode(out.get(out.size() - 1).id()) : null);
    }

    /** With the open assignments as they are now (the entity's copy is stale after a claim in this transaction). */
    private SupporterResponse response(Supporter s) {
        return response(s, supporters.openAssignments(s.id, false));
    }

    private static SupporterResponse response(Supporter s, int open) {
        return new SupporterResponse(s.id, s.name, s.kana, s.contact, AreaRef.of(s.area), s.group == null ? null : s.group.id,
                s.group == null ? null : s.group.name, s.group == null ? null : s.group.payment, s.categories.stream().map(c -> c.name).toList(),
                s.categories.stream().map(c -> c.code).toList(),
                s.availability.stream().map(a -> new AvailabilitySlot((int) a.dayOfWeek, a.startTime, a.endTime)).toList(),
                s.capacity, open, s.hasVehicle, s.active, s.version);
    }

    /** A repeated creating request got the first answer back: reading it is audited like any other read. */
    @Transactional
    public void replayed(SupporterResponse r, Access access) {
        audit.record(access, AuditAction.READ, AuditedRecord.SUPPORTER, r.id(), "Idempotency-Key の再送に、登録済みの内容を返した");
    }
}
