package jp.tsunagu.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;
import jp.tsunagu.access.DistrictScope;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditedRecord;
import jp.tsunagu.category.SupportCategoryService;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.WindowCategory;
import jp.tsunagu.recipient.RecipientService;
import jp.tsunagu.shared.PageCursor;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.supporter.SupporterService;
import jp.tsunagu.supportstats.SupportFiguresChanged;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 相談: taking a resident's request, listing and reading requests, starting to look for a supporter, cancelling or
 * referring a case to a consultation window. Seen only within the caller's districts (else 404), every access audited.
 */
@ApplicationScoped
public class SupportRequestService {

    private final SupportRequestRepository requests;
    private final AssignmentRepository assignments;
    private final CandidateRanking ranking;
    private final RecipientService recipients;
    private final SupporterService supporters;
    private final SupportCategoryService categories;
    private final DirectoryService directory;
    private final DistrictScope districts;
    private final AuditLog audit;
    private final RequestEvents events;
    private final Event<SupportFiguresChanged> figures;

    SupportRequestService(SupportRequestRepository requests, AssignmentRepository assignments, CandidateRanking ranking, RecipientService recipients,
                          SupporterService supporters, SupportCategoryService categories, DirectoryService directory,
                          DistrictScope districts, AuditLog audit, RequestEvents events, Event<SupportFiguresChanged> figures) {
        this.requests = requests;
        this.assignments = assignments;
        this.ranking = ranking;
        this.recipients = recipients;
        this.supporters = supporters;
        this.categories = categories;
        this.directory = directory;
        this.districts = districts;
        this.audit = audit;
        this.events = events;
        this.figures = figures;
    }

    @Transactional
    SupportRequestResponse create(SupportRequestCreate r, Access access) {
        if ((r.date() == null) == (r.weeklyDay() == null)) {
            throw ProblemException.invalid("date", "1 回だけの日（date）か毎週の曜日（weeklyDay）のどちらかを指定してください");
        }
        if (!r.end().isAfter(r.start())) {
            throw ProblemException.invalid("end", "終わりの時刻は始まりより後にしてください");
        }
        SupportRequest q = new SupportRequest();
        q.recipient = recipients.visible(r.recipientId(), access);
        q.category = categories.requireActive(r.categoryCode());
        q.description = r.description();
        q.requestedDate = r.date();
        q.weeklyDay = r.weeklyDay() == null ? null : r.weeklyDay().shortValue();
        q.startTime = r.start();
        q.endTime = r.end();
        q.payment = r.payment();
        q.urgency = r.urgency() == null ? Urgency.NORMAL : r.urgency();
        requests.persist(q);
        requests.flush();
        audit.record(access, AuditAction.CREATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " を受付");
        events.add(q.id, access, RequestEventKind.RECEIVED, q.description);
        figures.fire(new SupportFiguresChanged(q.recipient.area, q.receivedOn));
        return response(q);
    }

    @Transactional
    SupportRequestResponse get(long id, Access access) {
        SupportRequest q = visible(id, access);
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id);
        return response(q);
    }

    @Transactional
    SupportRequestList list(RequestStatus status, String areaCode, int limit, String cursor, Access access) {
        Set<Long> scope = districts.listScope(areaCode, access);
        // The cursor is the last item's (received day, id): the list runs newest first.
        LocalDate afterDay = null;
        long afterId = 0;
        if (cursor != null) {
            String[] key = PageCursor.decodeParts(cursor, 2);
            try {
                afterDay = LocalDate.parse(key[0]);
                afterId = Long.parseLong(key[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "カーソルが正しくありません");
            }
        }
        List<SupportRequest> page = scope != null && scope.isEmpty() ? List.of() : requests.page(status, scope, afterDay, afterId, limit + 1);
        boolean more = page.size() > limit;
        List<SupportRequest> shown = more ? page.subList(0, limit) : page;
        Map<Long, List<AssignmentResponse>> byRequest = new HashMap<>();
        if (!shown.isEmpty()) {
            assignments.ofRequests(shown.stream().map(q -> q.id).toList())
                    .forEach(a -> byRequest.computeIfAbsent(a.request.id, k -> new ArrayList<>()).add(AssignmentService.response(a)));
        }
        List<SupportRequestResponse> out = shown.stream().map(q -> response(q, byRequest.getOrDefault(q.id, List.of()))).toList();
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, null, "相談一覧 " + out.size() + " 件");
        SupportRequest last = more ? shown.get(shown.size() - 1) : null;
        return new SupportRequestList(out, last == null ? null : PageCursor.encodeParts(last.receivedOn, last.id));
    }

    /**
     * The ranked candidates as JSON ({@link CandidateRanking}: one statement on its own connection, outside any
     * transaction). Reading them changes nothing about the request; the read is audited.
     */
    byte[] candidates(long id, Access access) {
        return ranking.rank(id, access);
    }

    /**
     * 受付 → 調整中: the coordinator starts looking for a supporter. Asking again while it is 調整中 changes nothing;
     * a request that is assigned or finished answers 409.
     */
    @Transactional
    SupportRequestResponse startMatching(long id, Access access) {
        SupportRequest q = visible(id, access);
        if (q.startMatching()) {
            requests.flush();
            audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " の調整を開始");
            events.add(q.id, access, RequestEventKind.MATCHING_STARTED, null);
        } else {
            // Nothing changed, but the answer still shows the resident's request: the read is recorded.
            audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + "（調整中のまま）");
        }
        return response(q);
    }

    @Transactional
    SupportRequestResponse cancel(long id, Access access) {
        SupportRequest q = visible(id, access);
        q.cancel();
        closeOpenAssignments(q);
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " を取消");
        events.add(q.id, access, RequestEventKind.CANCELLED, null);
        return response(q);
    }

    /** Sends the case to the consultation window the directory routes the recipient's area to. */
    @Transactional
    SupportRequestResponse refer(long id, WindowCategory category, Access access) {
        SupportRequest q = visible(id, access);
        q.requireNotClosed();
        var window = directory.routeWindow(q.recipient.area.code, category)
                .orElseThrow(() -> ProblemException.unprocessable("no-window", "「" + q.recipient.area.name + "」を担当する" + category + "の相談窓口が相談先一覧にありません。"));
        q.referTo(window);
        closeOpenAssignments(q);
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " を " + window.name + " へつないだ");
        events.add(q.id, access, RequestEventKind.REFERRED, window.name);
        requests.flush();
        figures.fire(new SupportFiguresChanged(q.recipient.area, q.receivedOn));
        return response(q);
    }

    /**
     * Corrects what, when and how urgent while the request is not finished; the changed fields go into its story.
     * The supporter already asked keeps the request (the coordinator sees the change in the timeline).
     */
    @Transactional
    SupportRequestResponse update(long id, SupportRequestUpdate r, Access access) {
        SupportRequest q = visible(id, access);
        q.requireNotClosed();
        jp.tsunagu.shared.Versions.check(r.version(), q.version, "相談 " + id);
        if ((r.date() == null) == (r.weeklyDay() == null)) {
            throw ProblemException.invalid("date", "1 回だけの日（date）か毎週の曜日（weeklyDay）のどちらかを指定してください");
        }
        if (!r.end().isAfter(r.start())) {
            throw ProblemException.invalid("end", "終わりの時刻は始まりより後にしてください");
        }
        List<String> changed = new ArrayList<>();
        var category = categories.requireActive(r.categoryCode());
        if (!category.id.equals(q.category.id)) {
            changed.add("種類 " + q.category.name + " → " + category.name);
            q.category = category;
        }
        if (!java.util.Objects.equals(r.description(), q.description)) {
            changed.add("内容");
            q.description = r.description();
        }
        Short weekly = r.weeklyDay() == null ? null : r.weeklyDay().shortValue();
        if (!java.util.Objects.equals(r.date(), q.requestedDate) || !java.util.Objects.equals(weekly, q.weeklyDay)
                || !r.start().equals(q.startTime) || !r.end().equals(q.endTime)) {
            changed.add("日時");
            q.requestedDate = r.date();
            q.weeklyDay = weekly;
            q.startTime = r.start();
            q.endTime = r.end();
        }
        if (r.payment() != q.payment) {
            changed.add("有償・無償");
            q.payment = r.payment();
        }
        if (r.urgency() != q.urgency) {
            changed.add("緊急度");
            q.urgency = r.urgency();
        }
        if (!changed.isEmpty()) {
            requests.flush();
            events.add(q.id, access, RequestEventKind.EDITED, String.join("、", changed));
        }
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " を変更"
                + (changed.isEmpty() ? "（変更なし）" : "（" + String.join("、", changed) + "）"));
        return response(q);
    }

    /** 完了 or 取消 → 調整中, with the reason (required: 422 without one). */
    @Transactional
    SupportRequestResponse reopen(long id, String reason, Access access) {
        String why = jp.tsunagu.shared.Strings.strippedOrNull(reason);
        if (why == null) {
            throw ProblemException.unprocessable("reason-required", "reason", "再開する理由を書いてください");
        }
        SupportRequest q = visible(id, access);
        q.reopen();
        requests.flush();
        events.add(q.id, access, RequestEventKind.REOPENED, why);
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " を再開（" + why + "）");
        figures.fire(new SupportFiguresChanged(q.recipient.area, q.receivedOn));
        return response(q);
    }

    /** Everything that happened to the request, oldest first, with who and when; the read is audited. */
    @Transactional
    RequestTimeline timeline(long id, Access access) {
        SupportRequest q = visible(id, access);
        List<RequestEvent> out = events.of(q.id).stream().map(e -> new RequestEvent(e.id(), e.at(), e.actor(), e.kind(), e.kind().label(),
                e.assignmentId(), e.supporterId(), e.supporterName(), e.minutes(), e.detail())).toList();
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " の経過");
        return new RequestTimeline(q.id, out, out.stream().filter(e -> e.minutes() != null).mapToInt(RequestEvent::minutes).sum());
    }

    /** The request, if the caller may see its recipient; 404 otherwise (as if there were none). */
    @Transactional(Transactional.TxType.MANDATORY)
    SupportRequest visible(long id, Access access) {
        SupportRequest q = requests.findById(id);
        if (q == null || !access.sees(q.recipient.area.id)) {
            throw ProblemException.notFound("request-not-found", "相談 " + id + " はありません。");
        }
        return q;
    }

    private void closeOpenAssignments(SupportRequest q) {
        for (Assignment a : assignments.ofRequest(q)) {
            if (a.closeWithRequest()) {
                supporters.release(a.supporter);
            }
        }
    }

    private SupportRequestResponse response(SupportRequest q) {
        return response(q, assignments.ofRequest(q).stream().map(AssignmentService::response).toList());
    }

    private static SupportRequestResponse response(SupportRequest q, List<AssignmentResponse> assignments) {
        return new SupportRequestResponse(q.id, q.recipient.id, q.recipient.name, AreaRef.of(q.recipient.area), q.category.name,
                q.description, q.requestedDate, q.weeklyDay == null ? null : (int) q.weeklyDay, q.startTime.toString(), q.endTime.toString(),
                q.payment, q.urgency, q.status, q.referredWindow == null ? null : q.referredWindow.name, q.receivedOn, assignments, q.version);
    }

    /** A repeated creating request got the first answer back: reading it is audited like any other read. */
    @Transactional
    public void replayed(SupportRequestResponse r, Access access) {
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, r.recipientId(), "相談 " + r.id() + ": " + "Idempotency-Key の再送に、登録済みの内容を返した");
    }
}
