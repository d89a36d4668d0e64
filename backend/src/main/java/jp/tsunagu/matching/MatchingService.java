package jp.tsunagu.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.area.AreaRepository;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.directory.ConsultationWindow;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.shared.PageCursor;
import jp.tsunagu.shared.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recipients, supporters, requests and their matching. Personal data is seen only within the caller's
 * districts (anything else answers 404) and every access to it is audited. Capacity and "assigned once"
 * are enforced by the database, so they hold across replicas.
 */
@ApplicationScoped
public class MatchingService {

    private final EntityManager em;
    private final AreaRepository areas;
    private final AreaService areaService;
    private final AuditLog audit;
    private final DirectoryService directory;
    private final SupportStatistics statistics;
    private final jakarta.enterprise.event.Event<SupportFiguresChanged> figures;

    MatchingService(EntityManager em, AreaRepository areas, AreaService areaService, AuditLog audit, DirectoryService directory,
                    SupportStatistics statistics, jakarta.enterprise.event.Event<SupportFiguresChanged> figures) {
        this.em = em;
        this.statistics = statistics;
        this.figures = figures;
        this.areas = areas;
        this.areaService = areaService;
        this.audit = audit;
        this.directory = directory;
    }

    // ---- categories -------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    List<SupportCategoryResponse> categories() {
        return em.createQuery("from SupportCategory where active order by position", SupportCategory.class).getResultList().stream()
                .map(c -> new SupportCategoryResponse(c.id, c.code, c.name, c.requiresVehicle)).toList();
    }

    @Transactional
    SupportCategoryResponse putCategory(String code, SupportCategoryRequest r) {
        SupportCategory c = em.createQuery("from SupportCategory where code = ?1", SupportCategory.class).setParameter(1, code)
                .getResultStream().findFirst().orElse(null);
        String name = r.name().strip();
        boolean nameTaken = !em.createQuery("from SupportCategory where name = ?1 and code <> ?2", SupportCategory.class)
                .setParameter(1, name).setParameter(2, code).getResultList().isEmpty();
        if (nameTaken) {
            throw ProblemException.conflict("category-name-taken", "困りごとの種類「" + name + "」はすでにあります。");
        }
        if (c == null) {
            c = new SupportCategory();
            c.code = code;
            c.position = ((Number) em.createQuery("select coalesce(max(position), 0) + 1 from SupportCategory").getSingleResult()).intValue();
        }
        c.name = name;
        c.requiresVehicle = r.requiresVehicle();
        if (r.position() != null) {
            c.position = r.position();
        }
        c.active = r.active() == null || r.active();
        if (c.id == null) {
            em.persist(c);
        }
        em.flush();
        return new SupportCategoryResponse(c.id, c.code, c.name, c.requiresVehicle);
    }

    private SupportCategory category(String code) {
        SupportCategory c = em.createQuery("from SupportCategory where code = ?1", SupportCategory.class).setParameter(1, code)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("unknown-category", "困りごとの種類 " + code + " はありません。"));
        if (!c.active) {
            throw ProblemException.unprocessable("unknown-category", "困りごとの種類「" + c.name + "」は使われなくなりました。");
        }
        return c;
    }

    // ---- supporters -------------------------------------------------------------------------

    @Transactional
    SupporterResponse createSupporter(SupporterRequest r, Access access) {
        Supporter s = new Supporter();
        apply(s, r, access);
        em.persist(s);
        em.flush();
        audit.record(access, "CREATE", "SUPPORTER", s.id, s.name);
        figures.fire(new SupportFiguresChanged(s.area, LocalDate.now()));
        return supporter(s);
    }

    /**
     * Changes what a supporter does, when and how much (and whether they are active). Capacity cannot go below the
     * assignments they hold now (422); the offers the candidates are ranked from follow by trigger.
     */
    @Transactional
    SupporterResponse updateSupporter(long id, SupporterRequest r, Access access) {
        Supporter s = supporterEntity(id, access);
        checkVersion(r.version(), s.version, "担い手「" + s.name + "」");
        Area before = s.area;
        boolean wasActive = s.active;
        int open = ((Number) em.createNativeQuery("select open_assignments from supporter where id = ?1 for update").setParameter(1, s.id)
                .getSingleResult()).intValue();
        if (r.capacity() < open) {
            throw ProblemException.unprocessable("capacity-below-open",
                    "「" + s.name + "」さんはいま " + open + " 件を受け持っています。受け持ちの上限はそれより少なくできません。");
        }
        apply(s, r, access);
        if (r.active() != null) {
            s.active = r.active();
        }
        em.flush();
        audit.record(access, "UPDATE", "SUPPORTER", s.id, wasActive == s.active ? null : s.active ? "活動を再開" : "活動を休止");
        figures.fire(new SupportFiguresChanged(s.area, LocalDate.now()));
        if (!before.id.equals(s.area.id)) {
            figures.fire(new SupportFiguresChanged(before, LocalDate.now()));
        }
        return supporter(s);
    }

    /** The supporter's fields from the request: the area must be the caller's, categories and group must exist. */
    private void apply(Supporter s, SupporterRequest r, Access access) {
        s.name = r.name().strip();
        s.kana = r.kana().strip();
        s.contact = r.contact();
        s.area = visibleArea(r.areaCode(), access);
        s.capacity = r.capacity();
        s.hasVehicle = r.hasVehicle();
        s.group = null;
        if (r.groupId() != null) {
            s.group = em.find(SupporterGroup.class, r.groupId());
            if (s.group == null) {
                throw ProblemException.unprocessable("unknown-group", "担い手グループ " + r.groupId() + " はありません。");
            }
        }
        s.categories.clear();
        r.categoryCodes().forEach(c -> s.categories.add(category(c)));
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
    SupporterResponse getSupporter(long id, Access access) {
        Supporter s = supporterEntity(id, access);
        audit.record(access, "READ", "SUPPORTER", s.id, null);
        return supporter(s);
    }

    private Supporter supporterEntity(long id, Access access) {
        Supporter s = em.find(Supporter.class, id);
        if (s == null || !access.sees(s.area.id)) {
            throw ProblemException.notFound("supporter-not-found", "担い手 " + id + " はありません。");
        }
        return s;
    }

    /** The supporter groups of the caller's districts (all for ADMIN), for choosing one when registering a supporter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<SupporterGroupResponse> groups(Access access) {
        return em.createQuery("select g from SupporterGroup g join fetch g.area order by g.area.code, g.name", SupporterGroup.class)
                .getResultList().stream().filter(g -> access.sees(g.area.id))
                .map(g -> new SupporterGroupResponse(g.id, g.name, AreaRef.of(g.area), g.payment)).toList();
    }

    @Transactional
    SupporterPage listSupporters(String areaCode, int limit, String cursor, Access access) {
        Set<Long> scope = scope(areaCode, access);
        long after = cursor == null ? 0 : PageCursor.decodeLong(cursor);
        List<Supporter> page = List.of();
        if (scope == null || !scope.isEmpty()) {
            var query = em.createQuery("select s from Supporter s join fetch s.area left join fetch s.group where s.id > :after"
                    + (scope == null ? "" : " and s.area.id in :scope") + " order by s.id", Supporter.class);
            query.setParameter("after", after).setMaxResults(limit + 1);
            if (scope != null) {
                query.setParameter("scope", scope);
            }
            page = query.getResultList();
        }
        boolean more = page.size() > limit;
        List<SupporterResponse> out = (more ? page.subList(0, limit) : page).stream().map(x -> supporter(x, x.openAssignments)).toList();
        audit.record(access, "READ", "SUPPORTER", null, "一覧 " + out.size() + " 件" + (areaCode == null ? "" : "（" + areaCode + "）"));
        return new SupporterPage(out, more ? PageCursor.encode(out.get(out.size() - 1).id()) : null);
    }

    /** The area ids a list may show: the area's subtree (or all) within the caller's districts; null = no limit. */
    private Set<Long> scope(String areaCode, Access access) {
        Set<Long> within = areaCode == null ? null : statistics.subtreeIds(areaService.require(areaCode));
        if (access.areaIds() == null) {
            return within;
        }
        Set<Long> visible = new java.util.HashSet<>(access.areaIds());
        if (within != null) {
            visible.retainAll(within);
        }
        return visible;
    }

    /** With the open assignments as they are now (the entity's copy is stale after an assign in this transaction). */
    private SupporterResponse supporter(Supporter s) {
        int open = ((Number) em.createNativeQuery("select open_assignments from supporter where id = ?1").setParameter(1, s.id)
                .getSingleResult()).intValue();
        return supporter(s, open);
    }

    private static SupporterResponse supporter(Supporter s, int open) {
        return new SupporterResponse(s.id, s.name, s.kana, s.contact, AreaRef.of(s.area), s.group == null ? null : s.group.id,
                s.group == null ? null : s.group.name, s.group == null ? null : s.group.payment, s.categories.stream().map(c -> c.name).toList(),
                s.categories.stream().map(c -> c.code).toList(),
                s.availability.stream().map(a -> new AvailabilitySlot((int) a.dayOfWeek, a.startTime, a.endTime)).toList(),
                s.capacity, open, s.hasVehicle, s.active, s.version);
    }

    // ---- recipients -------------------------------------------------------------------------

    @Transactional
    RecipientResponse createRecipient(RecipientRequest r, Access access) {
        Recipient p = new Recipient();
        apply(p, r, access);
        em.persist(p);
        em.flush();
        audit.record(access, "CREATE", "RECIPIENT", p.id, null);
        return recipient(p);
    }

    /**
     * Changes a recipient's details. Moving them to another area moves their consultations in the statistics too
     * (the figures count by the recipient's area), so every fiscal year they have requests in is recounted for both.
     */
    @Transactional
    RecipientResponse updateRecipient(long id, RecipientRequest r, Access access) {
        Recipient p = recipientEntity(id, access);
        checkVersion(r.version(), p.version, "要支援者「" + p.name + "」");
        Area before = p.area;
        apply(p, r, access);
        em.flush();
        audit.record(access, "UPDATE", "RECIPIENT", p.id, before.id.equals(p.area.id) ? null : "地域 " + before.code + " → " + p.area.code);
        if (!before.id.equals(p.area.id)) {
            List<LocalDate> days = new ArrayList<>(em.createQuery("select q.receivedOn from SupportRequest q where q.recipient = ?1", LocalDate.class)
                    .setParameter(1, p).getResultList());
            days.addAll(em.createQuery("select a.createdOn from Assignment a where a.request.recipient = ?1", LocalDate.class)
                    .setParameter(1, p).getResultList());
            days.stream().map(jp.tsunagu.shared.FiscalYears::of).distinct().forEach(year -> {
                LocalDate day = LocalDate.of(year, 4, 1);
                figures.fire(new SupportFiguresChanged(before, day));
                figures.fire(new SupportFiguresChanged(p.area, day));
            });
        }
        return recipient(p);
    }

    /** The recipient's fields from the request; the area must be one of the caller's. */
    private void apply(Recipient p, RecipientRequest r, Access access) {
        p.name = r.name().strip();
        p.kana = r.kana().strip();
        p.area = visibleArea(r.areaCode(), access);
        p.contact = r.contact();
        p.householdNotes = r.householdNotes();
        p.referredBy = r.referredBy();
        p.consent = r.consent();
    }

    @Transactional
    RecipientResponse getRecipient(long id, Access access) {
        Recipient p = recipientEntity(id, access);
        audit.record(access, "READ", "RECIPIENT", p.id, null);
        return recipient(p);
    }

    @Transactional
    List<RecipientResponse> findRecipients(String text, int limit, Access access) {
        String like = "%" + (text == null ? "" : text.strip()) + "%";
        Set<Long> scope = access.areaIds();
        List<RecipientResponse> out = List.of();
        if (scope == null || !scope.isEmpty()) {
            var query = em.createQuery("select p from Recipient p join fetch p.area where (p.name like :like or p.kana like :like)"
                    + (scope == null ? "" : " and p.area.id in :scope") + " order by p.kana, p.id", Recipient.class);
            query.setParameter("like", like);
            if (scope != null) {
                query.setParameter("scope", scope);
            }
            out = query.setMaxResults(limit).getResultList().stream().map(MatchingService::recipient).toList();
        }
        audit.record(access, "READ", "RECIPIENT", null, "検索「" + (text == null ? "" : text) + "」" + out.size() + " 件");
        return out;
    }

    private Recipient recipientEntity(long id, Access access) {
        Recipient p = em.find(Recipient.class, id);
        if (p == null || !access.sees(p.area.id)) {
            throw ProblemException.notFound("recipient-not-found", "要支援者 " + id + " はいません。");
        }
        return p;
    }

    private static RecipientResponse recipient(Recipient p) {
        return new RecipientResponse(p.id, p.name, p.kana, AreaRef.of(p.area), p.contact, p.householdNotes, p.referredBy, p.consent, p.version);
    }

    // ---- requests ---------------------------------------------------------------------------

    @Transactional
    SupportRequestResponse createRequest(SupportRequestCreate r, Access access) {
        if ((r.date() == null) == (r.weeklyDay() == null)) {
            throw ProblemException.invalid("date", "1 回だけの日（date）か毎週の曜日（weeklyDay）のどちらかを指定してください");
        }
        if (!r.end().isAfter(r.start())) {
            throw ProblemException.invalid("end", "終わりの時刻は始まりより後にしてください");
        }
        SupportRequest q = new SupportRequest();
        q.recipient = recipientEntity(r.recipientId(), access);
        q.category = category(r.categoryCode());
        q.description = r.description();
        q.requestedDate = r.date();
        q.weeklyDay = r.weeklyDay() == null ? null : r.weeklyDay().shortValue();
        q.startTime = r.start();
        q.endTime = r.end();
        q.payment = r.payment();
        q.urgency = r.urgency() == null ? "NORMAL" : r.urgency();
        em.persist(q);
        em.flush();
        audit.record(access, "CREATE", "RECIPIENT", q.recipient.id, "相談 " + q.id + " を受付");
        figures.fire(new SupportFiguresChanged(q.recipient.area, q.receivedOn));
        return request(q);
    }

    @Transactional
    SupportRequestResponse getRequest(long id, Access access) {
        SupportRequest q = requestEntity(id, access);
        audit.record(access, "READ", "RECIPIENT", q.recipient.id, "相談 " + q.id);
        return request(q);
    }

    @Transactional
    SupportRequestList listRequests(String status, String areaCode, int limit, String cursor, Access access) {
        Set<Long> scope = scope(areaCode, access);
        // The cursor is the last item's (received day, id): the list runs newest first.
        LocalDate afterDay = null;
        long afterId = 0;
        if (cursor != null) {
            String[] key = PageCursor.decode(cursor).split("\\|");
            try {
                afterDay = LocalDate.parse(key[0]);
                afterId = Long.parseLong(key[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "カーソルが正しくありません");
            }
        }
        List<SupportRequest> page = List.of();
        if (scope == null || !scope.isEmpty()) {
            var query = em.createQuery("select q from SupportRequest q join fetch q.recipient p join fetch p.area join fetch q.category where 1 = 1"
                    + (status == null ? "" : " and q.status = :status")
                    + (scope == null ? "" : " and p.area.id in :scope")
                    + (afterDay == null ? "" : " and (q.receivedOn < :day or (q.receivedOn = :day and q.id < :id))")
                    + " order by q.receivedOn desc, q.id desc", SupportRequest.class);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (scope != null) {
                query.setParameter("scope", scope);
            }
            if (afterDay != null) {
                query.setParameter("day", afterDay).setParameter("id", afterId);
            }
            page = query.setMaxResults(limit + 1).getResultList();
        }
        boolean more = page.size() > limit;
        List<SupportRequest> shown = more ? page.subList(0, limit) : page;
        Map<Long, List<AssignmentResponse>> assignments = new HashMap<>();
        if (!shown.isEmpty()) {
            em.createQuery("from Assignment a join fetch a.supporter where a.request.id in :ids order by a.id", Assignment.class)
                    .setParameter("ids", shown.stream().map(q -> q.id).toList()).getResultList()
                    .forEach(a -> assignments.computeIfAbsent(a.request.id, k -> new ArrayList<>()).add(assignment(a)));
        }
        List<SupportRequestResponse> out = shown.stream().map(q -> request(q, assignments.getOrDefault(q.id, List.of()))).toList();
        audit.record(access, "READ", "RECIPIENT", null, "相談一覧 " + out.size() + " 件");
        SupportRequest last = more ? shown.get(shown.size() - 1) : null;
        return new SupportRequestList(out, last == null ? null : PageCursor.encode(last.receivedOn + "|" + last.id));
    }

    private SupportRequest requestEntity(long id, Access access) {
        SupportRequest q = em.find(SupportRequest.class, id);
        if (q == null || !access.sees(q.recipient.area.id)) {
            throw ProblemException.notFound("request-not-found", "相談 " + id + " はありません。");
        }
        return q;
    }

    private SupportRequestResponse request(SupportRequest q) {
        return request(q, em.createQuery("from Assignment a join fetch a.supporter where a.request = ?1 order by a.id", Assignment.class)
                .setParameter(1, q).getResultList().stream().map(MatchingService::assignment).toList());
    }

    private static SupportRequestResponse request(SupportRequest q, List<AssignmentResponse> assignments) {
        return new SupportRequestResponse(q.id, q.recipient.id, q.recipient.name, AreaRef.of(q.recipient.area), q.category.name,
                q.description, q.requestedDate, q.weeklyDay == null ? null : (int) q.weeklyDay, q.startTime.toString(), q.endTime.toString(),
                q.payment, q.urgency, q.status, q.referredWindow == null ? null : q.referredWindow.name, q.receivedOn, assignments, q.version);
    }

    private static AssignmentResponse assignment(Assignment a) {
        return new AssignmentResponse(a.id, a.request.id, a.supporter.id, a.supporter.name, a.status, a.createdOn, a.version);
    }

    @Transactional
    SupportRequestResponse cancel(long id, Access access) {
        SupportRequest q = requestEntity(id, access);
        if (List.of("COMPLETED", "CANCELLED", "REFERRED").contains(q.status)) {
            throw ProblemException.conflict("invalid-transition", "この相談はすでに終わっています（" + q.status + "）。");
        }
        closeOpenAssignments(q, "DECLINED");
        q.status = "CANCELLED";
        audit.record(access, "UPDATE", "RECIPIENT", q.recipient.id, "相談 " + q.id + " を取消");
        return request(q);
    }

    /** Sends the case to the consultation window the directory routes the recipient's area to. */
    @Transactional
    SupportRequestResponse refer(long id, jp.tsunagu.directory.WindowCategory category, Access access) {
        SupportRequest q = requestEntity(id, access);
        if (List.of("COMPLETED", "CANCELLED", "REFERRED").contains(q.status)) {
            throw ProblemException.conflict("invalid-transition", "この相談はすでに終わっています（" + q.status + "）。");
        }
        Long windowId = directory.routeWindowId(q.recipient.area.code, category)
                .orElseThrow(() -> ProblemException.unprocessable("no-window", "「" + q.recipient.area.name + "」を担当する" + category + "の相談窓口が相談先一覧にありません。"));
        closeOpenAssignments(q, "DECLINED");
        q.referredWindow = em.find(ConsultationWindow.class, windowId);
        q.status = "REFERRED";
        audit.record(access, "UPDATE", "RECIPIENT", q.recipient.id, "相談 " + q.id + " を " + q.referredWindow.name + " へつないだ");
        em.flush();
        figures.fire(new SupportFiguresChanged(q.recipient.area, q.receivedOn));
        return request(q);
    }

    // ---- matching (ranking: CandidateRanking) ----------------------------------------------

    /**
     * Proposes the request to a supporter. The capacity check and the increment are one SQL update, and
     * the partial unique index allows one open assignment per request, so concurrent coordinators on
     * any number of replicas can neither overfill a supporter nor assign a request twice.
     */
    @Transactional
    AssignmentResponse assign(long requestId, long supporterId, Access access) {
        SupportRequest q = requestEntity(requestId, access);
        if (!q.status.equals("RECEIVED") && !q.status.equals("MATCHING")) {
            throw ProblemException.conflict("request-not-open", "この相談はすでに調整済みか終わっています（" + q.status + "）。");
        }
        Supporter s = em.find(Supporter.class, supporterId);
        if (s == null || !access.sees(s.area.id)) {
            throw ProblemException.notFound("supporter-not-found", "担い手 " + supporterId + " はいません。");
        }
        int claimed = em.createNativeQuery("update supporter set open_assignments = open_assignments + 1 where id = ?1 and active and open_assignments < capacity")
                .setParameter(1, supporterId).executeUpdate();
        if (claimed == 0) {
            throw ProblemException.conflict("supporter-full", "担い手「" + s.name + "」は受け持ちが上限に達しているか、活動していません。");
        }
        Assignment a = new Assignment();
        a.request = q;
        a.supporter = s;
        a.createdBy = access.actor();
        try {
            em.persist(a);
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("request-already-assigned", "この相談はすでに他の担い手に調整されています。");
        }
        q.status = "ASSIGNED";
        audit.record(access, "UPDATE", "RECIPIENT", q.recipient.id, "相談 " + q.id + " を担い手 " + s.id + " に調整");
        figures.fire(new SupportFiguresChanged(q.recipient.area, a.createdOn));
        return assignment(a);
    }

    @Transactional
    AssignmentResponse transition(long assignmentId, String to, Access access) {
        Assignment a = em.find(Assignment.class, assignmentId);
        if (a == null || !access.sees(a.request.recipient.area.id)) {
            throw ProblemException.notFound("assignment-not-found", "需給調整 " + assignmentId + " はありません。");
        }
        Set<String> from = switch (to) {
            case "ACCEPTED" -> Set.of("PROPOSED");
            case "DECLINED" -> Set.of("PROPOSED", "ACCEPTED");
            case "COMPLETED" -> Set.of("ACCEPTED");
            default -> Set.of();
        };
        if (!from.contains(a.status)) {
            throw ProblemException.conflict("invalid-transition", "この調整は「" + a.status + "」のため「" + to + "」にできません。");
        }
        a.status = to;
        SupportRequest q = a.request;
        switch (to) {
            case "ACCEPTED" -> q.status = "ACTIVE";
            case "DECLINED" -> {
                release(a.supporter.id);
                q.status = "MATCHING";
            }
            default -> {
                release(a.supporter.id);
                q.status = "COMPLETED";
            }
        }
        em.flush();
        audit.record(access, "UPDATE", "RECIPIENT", q.recipient.id, "調整 " + a.id + " → " + to);
        return assignment(a);
    }

    /**
     * What the supporter is handed for an assignment (依頼票): who, where, what and when; the recipient's contact
     * and household notes only if they consented to share them with supporters. Reading it is audited.
     */
    @Transactional
    AssignmentHandout handout(long assignmentId, Access access) {
        Assignment a = em.find(Assignment.class, assignmentId);
        if (a == null || !access.sees(a.request.recipient.area.id)) {
            throw ProblemException.notFound("assignment-not-found", "需給調整 " + assignmentId + " はありません。");
        }
        SupportRequest q = a.request;
        Recipient p = q.recipient;
        audit.record(access, "READ", "RECIPIENT", p.id, "依頼票（調整 " + a.id + "、担い手 " + a.supporter.id + "）" + (p.consent ? "" : " 連絡先なし"));
        return new AssignmentHandout(a.id, a.status, a.supporter.name, p.name, AreaRef.of(p.area), q.category.name, q.description,
                q.requestedDate, q.weeklyDay == null ? null : (int) q.weeklyDay, q.startTime.toString(), q.endTime.toString(), p.consent,
                p.consent ? p.contact : null, p.consent ? p.householdNotes : null,
                p.consent ? "連絡先は、ご本人の同意を得て載せています。支援のためだけに使ってください。"
                        : "連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。");
    }

    @Transactional
    ActivityResponse addActivity(long assignmentId, ActivityRequest r, Access access) {
        Assignment a = em.find(Assignment.class, assignmentId);
        if (a == null || !access.sees(a.request.recipient.area.id)) {
            throw ProblemException.notFound("assignment-not-found", "需給調整 " + assignmentId + " はありません。");
        }
        SupportActivity act = new SupportActivity();
        act.assignment = a;
        act.activityDate = r.date();
        act.minutes = r.minutes();
        act.notes = r.notes();
        em.persist(act);
        em.flush();
        audit.record(access, "CREATE", "RECIPIENT", a.request.recipient.id, "活動記録（調整 " + a.id + "）");
        return new ActivityResponse(act.id, a.id, act.activityDate, act.minutes, act.notes);
    }

    private void closeOpenAssignments(SupportRequest q, String to) {
        for (Assignment a : em.createQuery("from Assignment a where a.request = ?1", Assignment.class).setParameter(1, q).getResultList()) {
            if (a.open()) {
                a.status = to;
                release(a.supporter.id);
            }
        }
    }

    private void release(long supporterId) {
        em.createNativeQuery("update supporter set open_assignments = open_assignments - 1 where id = ?1 and open_assignments > 0")
                .setParameter(1, supporterId).executeUpdate();
    }

    // ---- statistics -------------------------------------------------------------------------

    /** Aggregates only, for a district, a ward or the city; fiscal years run April–March. */
    @Transactional(Transactional.TxType.SUPPORTS)
    SupportStats stats(String areaCode, int fiscalYear) {
        return statistics.of(areaService.resolve(areaCode), fiscalYear);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AuditEntryList auditLog(String entity, String actor, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, at, actor, action, entity, entity_id, ip, detail from audit_log
                        where (cast(?1 as text) is null or entity = ?1) and (cast(?2 as text) is null or actor = ?2)
                        order by id desc limit ?3""")
                .setParameter(1, entity).setParameter(2, actor).setParameter(3, limit).getResultList();
        return new AuditEntryList(rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(),
                r[1] instanceof java.time.OffsetDateTime odt ? odt : ((java.time.Instant) r[1]).atOffset(java.time.ZoneOffset.UTC),
                (String) r[2], (String) r[3], (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], (String) r[7])).toList());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** An update names the version it was made from: required, and it must still be the record's. */
    private static void checkVersion(Long requested, long current, String what) {
        if (requested == null) {
            throw ProblemException.invalid("version", "変更には読み込んだときの版（version）が必要です");
        }
        if (requested != current) {
            throw ProblemException.staleVersion(what);
        }
    }

    private Area visibleArea(String code, Access access) {
        Area area = areas.findByCode(code).orElseThrow(() -> ProblemException.unprocessable("area-not-found", "地域コード " + code + " はありません。"));
        if (!access.sees(area.id)) {
            throw ProblemException.unprocessable("area-not-yours", "地域「" + area.name + "」は担当外です。");
        }
        return area;
    }


}
