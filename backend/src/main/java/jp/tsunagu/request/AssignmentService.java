package jp.tsunagu.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditedRecord;
import jp.tsunagu.recipient.Recipient;
import jp.tsunagu.recipient.RecipientService;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.supporter.Supporter;
import jp.tsunagu.supporter.SupporterService;
import jp.tsunagu.supportstats.SupportFiguresChanged;

import java.util.List;

/**
 * 需給調整: proposing a request to a supporter, the supporter's answer, the 依頼票 they are handed, and the activities
 * recorded under it. Capacity and "assigned once" are enforced by the database, so they hold across replicas.
 */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final SupportActivityRepository activities;
    private final SupportRequestService requests;
    private final SupporterService supporters;
    private final RecipientService recipients;
    private final AuditLog audit;
    private final RequestEvents events;
    private final Event<SupportFiguresChanged> figures;

    AssignmentService(AssignmentRepository assignments, SupportActivityRepository activities, SupportRequestService requests,
                      SupporterService supporters, RecipientService recipients, AuditLog audit, RequestEvents events,
                      Event<SupportFiguresChanged> figures) {
        this.assignments = assignments;
        this.activities = activities;
        this.requests = requests;
        this.supporters = supporters;
        this.recipients = recipients;
        this.audit = audit;
        this.events = events;
        this.figures = figures;
    }

    /**
     * Proposes the request to a supporter. The capacity check and the increment are one SQL update, and
     * the partial unique index allows one open assignment per request, so concurrent coordinators on
     * any number of replicas can neither overfill a supporter nor assign a request twice.
     */
    @Transactional
    AssignmentResponse assign(long requestId, long supporterId, Access access) {
        SupportRequest q = requests.visible(requestId, access);
        q.proposed();
        Supporter s = supporters.visible(supporterId, access);
        if (!supporters.claim(s)) {
            throw ProblemException.conflict("supporter-full", "担い手「" + s.name + "」は受け持ちが上限に達しているか、活動していません。");
        }
        Assignment a = new Assignment();
        a.request = q;
        a.supporter = s;
        a.createdBy = access.actor();
        try {
            assignments.persist(a);
            assignments.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("request-already-assigned", "この相談はすでに他の担い手に調整されています。");
        }
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, q.recipient.id, "相談 " + q.id + " を担い手 " + s.id + " に調整");
        events.add(q.id, access, RequestEventKind.PROPOSED, a, null, null);
        figures.fire(new SupportFiguresChanged(q.recipient.area, a.createdOn));
        return response(a);
    }

    /** The supporter's answer or the end of the support; the request follows (see {@link Assignment#move}). */
    @Transactional
    AssignmentResponse move(long assignmentId, AssignmentStatus to, String reason, Access access) {
        Assignment a = visible(assignmentId, access);
        if (a.move(to)) {
            supporters.release(a.supporter);
        }
        assignments.flush();
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, a.request.recipient.id, "調整 " + a.id + " → " + to
                + (reason == null ? "" : "（" + reason + "）"));
        events.add(a.request.id, access, switch (to) {
            case ACCEPTED -> RequestEventKind.ACCEPTED;
            case DECLINED -> RequestEventKind.DECLINED;
            case COMPLETED -> RequestEventKind.COMPLETED;
            case PROPOSED -> RequestEventKind.PROPOSED;
        }, a, null, reason);
        return response(a);
    }

    /**
     * What the supporter is handed for an assignment (依頼票): who, where, what and when; the recipient's contact
     * and household notes only on a legal basis — their consent, or a 支援会議's decision (社会福祉法 第106条の6) —
     * which the handout and the audit row of the read both name. Without either, they stay off the sheet.
     */
    @Transactional
    AssignmentHandout handout(long assignmentId, Access access) {
        Assignment a = visible(assignmentId, access);
        SupportRequest q = a.request;
        Recipient p = q.recipient;
        RecipientService.Sharing sharing = recipients.sharing(p);
        boolean shown = sharing.allowed();
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, p.id, "依頼票（調整 " + a.id + "、担い手 " + a.supporter.id + "）"
                + (shown ? " 連絡先あり: " + sharing.grounds() : " 連絡先なし"));
        String note = switch (sharing.basis()) {
            case CONSENT -> "連絡先は、ご本人の同意を得て載せています。支援のためだけに使ってください。";
            case SUPPORT_MEETING -> "連絡先は、支援会議（社会福祉法第106条の6）の決定により載せています。会議の構成員として守秘義務があります。支援のためだけに使ってください。";
            case NONE -> "連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。";
        };
        return new AssignmentHandout(a.id, a.status, a.supporter.name, p.name, AreaRef.of(p.area), q.category.name, q.description,
                q.requestedDate, q.weeklyDay == null ? null : (int) q.weeklyDay, q.startTime.toString(), q.endTime.toString(), p.consent,
                shown ? p.contact : null, shown ? p.householdNotes : null, note, sharing.basis(), sharing.grounds());
    }

    @Transactional
    ActivityResponse addActivity(long assignmentId, ActivityRequest r, Access access) {
        if (r.minutes() < 1) {
            throw ProblemException.unprocessable("invalid-activity", "minutes", "活動した時間は 1 分以上にしてください");
        }
        if (r.date().isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")))) {
            throw ProblemException.unprocessable("invalid-activity", "date", "まだ来ていない日の活動は記録できません");
        }
        Assignment a = visible(assignmentId, access);
        SupportActivity act = new SupportActivity();
        act.assignment = a;
        act.activityDate = r.date();
        act.minutes = r.minutes();
        act.notes = r.notes();
        activities.persist(act);
        activities.flush();
        audit.record(access, AuditAction.CREATE, AuditedRecord.RECIPIENT, a.request.recipient.id, "活動記録（調整 " + a.id + "）");
        events.add(a.request.id, access, RequestEventKind.ACTIVITY, a, act.minutes, act.notes);
        figures.fire(new SupportFiguresChanged(a.request.recipient.area, act.activityDate));
        return new ActivityResponse(act.id, a.id, act.activityDate, act.minutes, act.notes);
    }

    /**
     * The activity records of an assignment or of a supporter (one of the two), within the caller's districts: 404 for
     * an assignment or a supporter the caller may not see. Reading them is audited (they tell whom was helped).
     */
    @Transactional
    ActivityList activities(Long assignmentId, Long supporterId, Access access) {
        if ((assignmentId == null) == (supporterId == null)) {
            throw ProblemException.invalid("assignment", "assignment か supporter のどちらかを指定してください");
        }
        Long recipient = null;
        if (assignmentId != null) {
            recipient = visible(assignmentId, access).request.recipient.id;
        } else {
            supporters.visible(supporterId, access);
        }
        List<ActivityItem> items = activities.of(assignmentId, supporterId, access.areaIds()).stream()
                .map(act -> new ActivityItem(act.id, act.assignment.id, act.assignment.request.id, act.assignment.supporter.id,
                        act.assignment.supporter.name, act.assignment.request.recipient.name, act.assignment.request.category.name,
                        act.activityDate, act.minutes, act.notes)).toList();
        audit.record(access, AuditAction.READ, assignmentId != null ? AuditedRecord.RECIPIENT : AuditedRecord.SUPPORTER,
                assignmentId != null ? recipient : supporterId,
                "活動記録 " + items.size() + " 件（" + (assignmentId != null ? "調整 " + assignmentId : "担い手 " + supporterId) + "）");
        return new ActivityList(items, items.stream().mapToInt(ActivityItem::minutes).sum());
    }

    private Assignment visible(long id, Access access) {
        Assignment a = assignments.findById(id);
        if (a == null || !access.sees(a.request.recipient.area.id)) {
            throw ProblemException.notFound("assignment-not-found", "需給調整 " + id + " はありません。");
        }
        return a;
    }

    static AssignmentResponse response(Assignment a) {
        return new AssignmentResponse(a.id, a.request.id, a.supporter.id, a.supporter.name, a.status, a.createdOn, a.version);
    }

    /** A repeated creating request got the first answer back: reading it is audited like any other read. */
    @Transactional
    public void replayed(AssignmentResponse r, Access access) {
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, requests.visible(r.requestId(), access).recipient.id,
                "調整 " + r.id() + ": " + "Idempotency-Key の再送に、登録済みの内容を返した");
    }

    @Transactional
    public void replayed(ActivityResponse r, Access access) {
        Assignment a = assignments.findById(r.assignmentId());
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, a.request.recipient.id, "活動記録 " + r.id() + ": " + "Idempotency-Key の再送に、登録済みの内容を返した");
    }
}
