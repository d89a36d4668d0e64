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
    private final AuditLog audit;
    private final Event<SupportFiguresChanged> figures;

    RecipientService(RecipientRepository recipients, DistrictScope districts, AuditLog audit, Event<SupportFiguresChanged> figures) {
        this.recipients = recipients;
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

    private static RecipientResponse response(Recipient p) {
        return new RecipientResponse(p.id, p.name, p.kana, AreaRef.of(p.area), p.contact, p.householdNotes, p.referredBy, p.consent, p.version);
    }

    /** A repeated creating request got the first answer back: reading it is audited like any other read. */
    @Transactional
    public void replayed(RecipientResponse r, Access access) {
        audit.record(access, AuditAction.READ, AuditedRecord.RECIPIENT, r.id(), "Idempotency-Key の再送に、登録済みの内容を返した");
    }
}
