package jp.tsunagu.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.tsunagu.shared.PageCursor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.List;

/** Reading the audit log (the log has no entity: it is only ever appended to, by {@link AuditLog}). */
@ApplicationScoped
class AuditService {

    private static final ZoneId JAPAN = jp.tsunagu.shared.FiscalYears.JAPAN;

    private final AuditLog log;

    AuditService(AuditLog log) {
        this.log = log;
    }

    /** The administrator's reading of the log, itself one row of the log (written after the read, so not in it). */
    @Transactional
    AuditEntryList read(AuditedRecord entity, String actor, LocalDate from, LocalDate to, int limit, String cursor, jp.tsunagu.access.Access access) {
        AuditEntryList out = list(entity, actor, from, to, limit, cursor);
        log.record(access, AuditAction.READ, AuditedRecord.AUDIT_LOG, null, "閲覧 " + filters(entity, actor, from, to) + " " + out.items().size() + " 件");
        return out;
    }

    /** The download of the log as CSV, itself one row of the log. */
    @Transactional
    byte[] download(AuditedRecord entity, String actor, LocalDate from, LocalDate to, jp.tsunagu.access.Access access) {
        byte[] out = csv(entity, actor, from, to);
        log.record(access, AuditAction.READ, AuditedRecord.AUDIT_LOG, null, "CSV ダウンロード " + filters(entity, actor, from, to));
        return out;
    }

    private static String filters(AuditedRecord entity, String actor, LocalDate from, LocalDate to) {
        return "（種類 " + (entity == null ? "すべて" : entity.name()) + "、だれが " + (actor == null ? "すべて" : actor)
                + "、期間 " + (from == null ? "" : from) + "〜" + (to == null ? "" : to) + "）";
    }

    /**
     * Newest first, filtered by record kind, actor and period (days in Japan time, both included), a page at a time
     * after the cursor (the last id shown).
     */
    private AuditEntryList list(AuditedRecord entity, String actor, LocalDate from, LocalDate to, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : PageCursor.decodeLong(cursor);
        List<AuditEntry> rows = log.read(entity, actor, from == null ? null : from.atStartOfDay(JAPAN).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime(), before, limit + 1);
        List<AuditEntry> items = rows.stream().limit(limit).toList();
        return new AuditEntryList(items, rows.size() > limit ? PageCursor.encode(items.get(items.size() - 1).id()) : null);
    }

    /** The same entries as CSV (BOM, Excel-ready) for the city's 個人情報保護 review: every page, newest first. */
    private byte[] csv(AuditedRecord entity, String actor, LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("番号", "日時", "だれが", "操作", "記録の種類", "記録の番号", "どこから", "内容");
            String cursor = null;
            do {
                AuditEntryList page = list(entity, actor, from, to, 1000, cursor);
                for (AuditEntry e : page.items()) {
                    csv.printRecord(e.id(), e.at().atZoneSameInstant(JAPAN).toOffsetDateTime(), e.actor(), e.action(), e.entity(),
                            e.entityId(), e.ip(), e.detail());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
