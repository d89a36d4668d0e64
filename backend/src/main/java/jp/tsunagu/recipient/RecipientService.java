package jp.tsunagu.recipient;

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
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;
import jp.tsunagu.supportstats.SupportFiguresChanged;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** 要支援者: personal data, seen only within the caller's districts (anything else answers 404), every access audited. */
@ApplicationScoped
public class RecipientService {

    private final RecipientRepository recipients;
    private final DistrictScope districts;
    private final SharingDecisionRepository decisions;
    private final AuditLog audit;
    private final Event<SupportFiguresChanged> figures;

    RecipientService(RecipientRepository recipients, SharingDecisionRepository decisions, DistrictScope districts, AuditLog audit,
                     Event<SupportFiguresChanged> figures) {
        this.recipients = recipients;
        this.decisions = decisions;
        this.districts = districts;
        this.audit = audit;
        this.figures = figures;
    }

    @Transactional
    RecipientResponse create(RecipientRequest r, Access access) {
        Recipient p = new Recipient();
        apply(p, r, access);
        recipients.persist(p);
        recipients.flush();
        audit.record(access, AuditAction.CREATE, AuditedRecord.RECIPIENT, p.id, null);
        return response(p);
    }

    /**
     * Changes a recipient's details. Moving them to another area moves their consultations in the statistics too
     * (the figures count by the recipient's area), so every fiscal year they have requests in is recounted for both.
     */
    @Transactional
    RecipientResponse update(long id, RecipientRequest r, Access access) {
        Recipient p = visible(id, access);
        Versions.check(r.version(), p.version, "要支援者「" + p.name + "」");
        Area before = p.area;
        apply(p, r, access);
        recipients.flush();
        audit.record(access, AuditAction.UPDATE, AuditedRecord.RECIPIENT, p.id, before.id.equals(p.area.id) ? null : "地域 " + before.code + " → " + p.area.code);
        if (!before.id.equals(p.area.id)) {
            recipients.countedDays(p).stream().map(FiscalYears::of).distinct().forEach(year -> {
                LocalDate day = LocalDate.of(year, 4, 1);
                figures.fire(new SupportFiguresChanged(before, day));
                figures.fire(new SupportFiguresChanged(p.area, day));
            });
        }
        return response(p);
    }

    /** The recipient's fields from the request; the area must be one of the caller's. */
    private void apply(Recipient p, RecipientRequest r, Access access) {
        p.name = r.name().strip();
        p.kana = r.kana().strip();
        p.area = districts.visibleArea(r.areaCode(), access);
        p.contact = r.contact();
        p.householdNotes = r.householdNotes();
        p.referredBy = r.referredBy();
        p.consent = r.consent();
    }

    @Transactional
    RecipientResponse get(long id, Access access) {
        Recipient p = visible(id, access);
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, p.id, null);
        return response(p);
    }

    @Transactional
    List<RecipientResponse> find(String text, int limit, Access access) {
        Set<Long> scope = access.areaIds();
        String needle = text == null ? "" : text.strip();
        List<RecipientResponse> out = scope != null && scope.isEmpty() ? List.of()
                : recipients.search(needle, scope, limit).stream().map(RecipientService::response).toList();
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, null, "検索「" + (text == null ? "" : text) + "」" + out.size() + " 件");
        return out;
    }

    /** The recipient, if the caller may see them; 404 otherwise (as if there were none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recipient visible(long id, Access access) {
        Recipient p = recipients.findById(id);
        if (p == null || !access.sees(p.area.id)) {
            throw ProblemException.notFound("recipient-not-found", "要支援者 " + id + " はいません。");
        }
        return p;
    }

    /** Records a 支援会議's decision to share the resident's information among its members (社会福祉法 第106条の6). */
    @Transactional
    SharingDecisionResponse recordSharingDecision(long recipientId, SharingDecisionRequest r, Access access) {
        Recipient p = visible(recipientId, access);
        if (r.meetingDate().isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")))) {
            throw ProblemException.unprocessable("invalid-decision", "meetingDate", "まだ開かれていない会議の決定は記録できません");
        }
        SharingDecision d = new SharingDecision();
        d.recipient = p;
        d.meetingDate = r.meetingDate();
        d.meetingName = r.meetingName().strip();
        d.decidedBy = r.decidedBy().strip();
        d.note = r.note();
        d.recordedBy = access.actor();
        d.recordedAt = java.time.OffsetDateTime.now();
        decisions.persist(d);
        decisions.flush();
        audit.record(access, AuditAction.CREATE, AuditedRecord.RECIPIENT, p.id,
                "情報共有の決定（" + d.meetingDate + " " + d.meetingName + "、決定: " + d.decidedBy + "）");
        return decision(d);
    }

    @Transactional
    List<SharingDecisionResponse> sharingDecisions(long recipientId, Access access) {
        Recipient p = visible(recipientId, access);
        List<SharingDecisionResponse> out = decisions.of(p).stream().map(RecipientService::decision).toList();
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, p.id, "情報共有の決定 " + out.size() + " 件");
        return out;
    }

    /**
     * The ground on which the resident's contact details may go to a supporter, in words for the 依頼票 and the audit
     * log: their consent first, else the latest 支援会議 decision, else none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sharing sharing(Recipient p) {
        if (p.consent) {
            return new Sharing(SharingBasis.CONSENT, "ご本人の同意");
        }
        return decisions.of(p).stream().findFirst()
                .map(d -> new Sharing(SharingBasis.SUPPORT_MEETING, "支援会議（社会福祉法第106条の6）" + d.meetingDate + "「" + d.meetingName
                        + "」の決定（" + d.decidedBy + "、記録: " + d.recordedBy + "）"))
                .orElse(new Sharing(SharingBasis.NONE, "同意も支援会議の決定もありません"));
    }

    /** A basis and what it rests on. */
    public record Sharing(SharingBasis basis, String grounds) {

        public boolean allowed() {
            return basis != SharingBasis.NONE;
        }
    }

    private static SharingDecisionResponse decision(SharingDecision d) {
        return new SharingDecisionResponse(d.id, d.recipient.id, d.meetingDate, d.meetingName, d.decidedBy, d.note, d.recordedBy, d.recordedAt);
    }

    private static RecipientResponse response(Recipient p) {
        return new RecipientResponse(p.id, p.name, p.kana, AreaRef.of(p.area), p.contact, p.householdNotes, p.referredBy, p.consent, p.version);
    }

    /** A repeated creating request got the first answer back: reading it is audited like any other read. */
    @Transactional
    public void replayed(RecipientResponse r, Access access) {
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, r.id(), "Idempotency-Key の再送に、登録済みの内容を返した");
    }
}
