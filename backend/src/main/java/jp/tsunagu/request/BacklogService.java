package jp.tsunagu.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;
import jp.tsunagu.access.DistrictScope;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditedRecord;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.supporter.Supporter;
import jp.tsunagu.supporter.SupporterService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 一括マッチング: a coordinator's whole backlog proposed at once ({@link BacklogOptimiser}: as many requests served as
 * possible, then the best total score with work spread across supporters), shown beside what one request at a time
 * would have given; then the rows the coordinator keeps are confirmed in one transaction, or none is.
 */
@ApplicationScoped
class BacklogService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BacklogService.class);

    static final int MAX_REQUESTS = 5000;
    private static final BigDecimal DEFAULT_FAIRNESS = new BigDecimal("0.1");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final SupportRequestRepository requests;
    private final BacklogCandidates candidates;
    private final AssignmentService assignments;
    private final SupporterService supporters;
    private final DistrictScope districts;
    private final AuditLog audit;
    private final RequestEvents events;

    BacklogService(SupportRequestRepository requests, BacklogCandidates candidates, AssignmentService assignments,
                   SupporterService supporters, DistrictScope districts, AuditLog audit, RequestEvents events) {
        this.requests = requests;
        this.candidates = candidates;
        this.assignments = assignments;
        this.supporters = supporters;
        this.districts = districts;
        this.audit = audit;
        this.events = events;
    }

    /** The proposal; nothing is written but the audit row of the supporters read. */
    @Transactional
    BatchProposal propose(BatchProposalRequest r, Access access) {
        long started = System.nanoTime();
        List<SupportRequest> backlog = backlog(r, access);
        List<Long> ids = backlog.stream().map(q -> q.id).toList();
        long loaded = System.nanoTime();
        List<BacklogCandidates.Row> rows = candidates.pairs(ids);
        long paired = System.nanoTime();
        List<BacklogOptimiser.Pair> pairs = new ArrayList<>(rows.size());
        Map<Long, Integer> free = new HashMap<>();
        Map<BacklogOptimiser.Key, BacklogCandidates.Row> byPair = new HashMap<>();
        Map<Long, Integer> candidateCount = new HashMap<>();
        for (BacklogCandidates.Row row : rows) {
            pairs.add(new BacklogOptimiser.Pair(row.requestId(), row.supporterId(), thousandths(row.score())));
            free.put(row.supporterId(), row.free());
            byPair.put(new BacklogOptimiser.Key(row.requestId(), row.supporterId()), row);
            candidateCount.merge(row.requestId(), 1, Integer::sum);
        }
        BigDecimal fairness = r.fairness() == null ? DEFAULT_FAIRNESS : r.fairness();
        int step = thousandths(fairness);
        java.util.Set<BacklogOptimiser.Clash> clashes = clashes(backlog);
        long prepared = System.nanoTime();
        BacklogOptimiser.Outcome outcome = BacklogOptimiser.optimum(ids, pairs, free, step, clashes);
        BacklogOptimiser.Plan best = outcome.plan();
        LOG.infof("一括マッチング: %d requests, %d pairs, %d overlapping pairs of requests, %d flows solved (%s); "
                        + "ms: requests %d, pairs %d, overlaps %d, optimum %d",
                ids.size(), pairs.size(), clashes.size(), outcome.flowsSolved(), outcome.exact() ? "exact" : "best found at the limit",
                (loaded - started) / 1_000_000, (paired - loaded) / 1_000_000, (prepared - paired) / 1_000_000,
                (System.nanoTime() - prepared) / 1_000_000);
        BacklogOptimiser.Plan greedy = BacklogOptimiser.greedy(ids, pairs, free, step, clashes);
        audit.record(access, AuditAction.READ, AuditedRecord.SUPPORTER, null,
                "一括マッチング 相談 " + ids.size() + " 件、候補 " + rows.size() + " 組、" + best.served() + " 件を提案");
        events.addToEach(ids, access, RequestEventKind.CANDIDATES_VIEWED, "一括マッチングで候補を確認");

        List<BatchRow> out = new ArrayList<>(backlog.size());
        for (SupportRequest q : backlog) {
            BacklogCandidates.Row chosen = byPair.get(new BacklogOptimiser.Key(q.id, best.chosen().getOrDefault(q.id, -1L)));
            BacklogCandidates.Row greedyRow = byPair.get(new BacklogOptimiser.Key(q.id, greedy.chosen().getOrDefault(q.id, -1L)));
            out.add(new BatchRow(q.id, q.recipient.name, AreaRef.of(q.recipient.area), q.category.name, q.requestedDate,
                    q.weeklyDay == null ? null : (int) q.weeklyDay, q.startTime.toString(), q.endTime.toString(), q.urgency,
                    chosen == null ? null : chosen.supporterId(), chosen == null ? null : chosen.supporterName(),
                    chosen == null ? null : chosen.score(),
                    chosen == null ? null : new CandidateScore(chosen.distance(), chosen.availability(), chosen.load(),
                            chosen.continuity(), chosen.fairness()),
                    candidateCount.getOrDefault(q.id, 0),
                    greedyRow == null ? null : greedyRow.supporterId(), greedyRow == null ? null : greedyRow.supporterName(),
                    greedyRow == null ? null : greedyRow.score()));
        }
        return new BatchProposal(out, fairness, totals(best), score(best.penalty()), totals(greedy), outcome.exact());
    }

    /**
     * The pairs of requests of the backlog that overlap in time, so that no supporter is proposed for both: the same
     * day (a date, a weekday, or a date falling on the other's weekday) and hours that intersect.
     */
    static java.util.Set<BacklogOptimiser.Clash> clashes(List<SupportRequest> backlog) {
        // Only requests on the same weekday can overlap (a date falls on its weekday), so pairs are compared within each
        // weekday, on plain values read from the entities once.
        Map<Integer, List<Slot>> byDay = new HashMap<>();
        for (SupportRequest q : backlog) {
            byDay.computeIfAbsent(q.dayOfWeek(), k -> new ArrayList<>()).add(new Slot(q.id, q.startTime, q.endTime, q.requestedDate));
        }
        java.util.Set<BacklogOptimiser.Clash> out = new HashSet<>();
        for (List<Slot> slots : byDay.values()) {
            for (int i = 0; i < slots.size(); i++) {
                Slot a = slots.get(i);
                for (int j = i + 1; j < slots.size(); j++) {
                    Slot b = slots.get(j);
                    if (a.start().isBefore(b.end()) && b.start().isBefore(a.end()) && sameDay(a, b)) {
                        out.add(BacklogOptimiser.Clash.of(a.id(), b.id()));
                    }
                }
            }
        }
        return out;
    }

    private record Slot(long id, java.time.LocalTime start, java.time.LocalTime end, java.time.LocalDate date) {
    }

    /** Within one weekday's slots: two dates must be the same date; a weekly request falls on that weekday every week. */
    private static boolean sameDay(Slot a, Slot b) {
        return a.date() == null || b.date() == null || a.date().equals(b.date());
    }

    /**
     * Confirms the rows the coordinator kept, in one transaction: every row becomes an assignment, or none does.
     * Rows naming requests the caller may not see: 404 naming them. Rows that are no longer possible — the request
     * is no longer waiting, or the supporter has not the places the rows need: 409 naming them. Rows pairing a
     * request with a supporter it may not go to (district, category, time, vehicle, payment): 422 naming them.
     */
    @Transactional
    BatchAssignmentResult confirm(BatchAssignmentRequest r, Access access) {
        List<BatchPick> rows = r.rows();
        requireSize(rows.size());
        List<Problem.FieldError> duplicates = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!seen.add(rows.get(i).requestId())) {
                duplicates.add(new Problem.FieldError("rows[" + i + "].requestId", "同じ相談が 2 行あります"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ProblemException(422, "duplicate-request", "処理できない内容です", "同じ相談を 2 人に調整することはできません。", duplicates);
        }
        Map<Long, SupportRequest> found = requests.withIds(seen).stream()
                .filter(q -> access.sees(q.recipient.area.id)).collect(Collectors.toMap(q -> q.id, Function.identity()));
        List<Problem.FieldError> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!found.containsKey(rows.get(i).requestId())) {
                missing.add(new Problem.FieldError("rows[" + i + "].requestId", "相談 " + rows.get(i).requestId() + " はありません"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(404, "request-not-found", "見つかりません", missing.size() + " 行の相談が見つかりません。何も登録していません。", missing);
        }

        Map<BacklogOptimiser.Key, BacklogCandidates.Row> allowed = new HashMap<>();
        candidates.pairs(List.copyOf(seen)).forEach(row -> allowed.put(new BacklogOptimiser.Key(row.requestId(), row.supporterId()), row));
        Map<Long, Integer> wanted = new HashMap<>();
        rows.forEach(p -> wanted.merge(p.supporterId(), 1, Integer::sum));
        List<Problem.FieldError> stale = new ArrayList<>();
        List<Problem.FieldError> notAllowed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BatchPick p = rows.get(i);
            SupportRequest q = found.get(p.requestId());
            BacklogCandidates.Row pair = allowed.get(new BacklogOptimiser.Key(p.requestId(), p.supporterId()));
            if (!q.status.awaitingSupporter()) {
                stale.add(new Problem.FieldError("rows[" + i + "]", "相談 " + q.id + " はもう調整を待っていません（" + q.status.label() + "）"));
            } else if (pair != null && pair.free() < wanted.get(p.supporterId())) {
                stale.add(new Problem.FieldError("rows[" + i + "]", "担い手「" + pair.supporterName() + "」の空きは " + pair.free() + " 件です（この確定で "
                        + wanted.get(p.supporterId()) + " 件）"));
            } else if (pair == null && fullOrResting(p.supporterId(), access)) {
                stale.add(new Problem.FieldError("rows[" + i + "]", "担い手 " + p.supporterId() + " は受け持ちが上限に達したか、活動を休止しました"));
            } else if (pair == null) {
                notAllowed.add(new Problem.FieldError("rows[" + i + "].supporterId", "担い手 " + p.supporterId() + " はこの相談の条件（地区・種類・曜日と時間・車・有償/無償）に合いません"));
            }
        }
        if (!stale.isEmpty()) {
            throw new ProblemException(409, "batch-stale", "競合しています",
                    stale.size() + " 行は提案のあとで状況が変わりました。何も登録していません。提案をもう一度作ってください。", stale);
        }
        if (!notAllowed.isEmpty()) {
            throw new ProblemException(422, "pair-not-allowed", "処理できない内容です", notAllowed.size() + " 行の担い手は相談の条件に合いません。何も登録していません。", notAllowed);
        }
        List<AssignmentResponse> made = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BatchPick p = rows.get(i);
            try {
                made.add(assignments.assign(p.requestId(), p.supporterId(), access));
            } catch (ProblemException e) {
                // Another coordinator took the place or the request between the check and now: the whole batch rolls back.
                throw new ProblemException(409, "batch-stale", "競合しています", "行 " + i + ": " + e.getMessage() + " 何も登録していません。",
                        List.of(new Problem.FieldError("rows[" + i + "]", e.getMessage())));
            }
        }
        return new BatchAssignmentResult(made);
    }

    /**
     * A pair the rules no longer allow because the supporter is full or resting now (409: the proposal is stale),
     * rather than one that was never allowed (422). Asked of the supporter as it is, within the caller's districts.
     */
    private boolean fullOrResting(long supporterId, Access access) {
        try {
            Supporter s = supporters.visible(supporterId, access);
            return !s.active || s.openAssignments >= s.capacity;
        } catch (ProblemException notVisible) {
            return false;
        }
    }

    private List<SupportRequest> backlog(BatchProposalRequest r, Access access) {
        List<SupportRequest> backlog;
        if (r.requestIds() != null) {
            requireSize(r.requestIds().size());
            Set<Long> ids = new java.util.LinkedHashSet<>(r.requestIds());
            Map<Long, SupportRequest> found = requests.withIds(ids).stream().filter(q -> access.sees(q.recipient.area.id))
                    .collect(Collectors.toMap(q -> q.id, Function.identity()));
            List<Problem.FieldError> missing = new ArrayList<>();
            List<Problem.FieldError> closed = new ArrayList<>();
            for (int i = 0; i < r.requestIds().size(); i++) {
                SupportRequest q = found.get(r.requestIds().get(i));
                if (q == null) {
                    missing.add(new Problem.FieldError("requestIds[" + i + "]", "相談 " + r.requestIds().get(i) + " はありません"));
                } else if (!q.status.awaitingSupporter()) {
                    closed.add(new Problem.FieldError("requestIds[" + i + "]", "相談 " + q.id + " は調整を待っていません（" + q.status.label() + "）"));
                }
            }
            if (!missing.isEmpty()) {
                throw new ProblemException(404, "request-not-found", "見つかりません", missing.size() + " 件の相談が見つかりません。", missing);
            }
            if (!closed.isEmpty()) {
                throw new ProblemException(409, "request-not-open", "競合しています", closed.size() + " 件の相談は調整を待っていません。", closed);
            }
            backlog = ids.stream().map(found::get).collect(Collectors.toCollection(ArrayList::new));
        } else {
            if (r.receivedFrom() != null && r.receivedTo() != null && r.receivedTo().isBefore(r.receivedFrom())) {
                throw ProblemException.invalid("receivedTo", "終わりの日は始まりの日より後にしてください");
            }
            Set<Long> scope = districts.listScope(Strings.strippedOrNull(r.areaCode()), access);
            backlog = scope != null && scope.isEmpty() ? new ArrayList<>()
                    : new ArrayList<>(requests.backlog(scope, r.receivedFrom(), r.receivedTo(), Strings.strippedOrNull(r.categoryCode()), MAX_REQUESTS + 1));
            requireSize(backlog.size());
        }
        // The coordinator's own order, which the greedy comparison follows: urgent first, then the oldest.
        backlog.sort(Comparator.comparing((SupportRequest q) -> -q.urgency.ordinal())
                .thenComparing(q -> q.receivedOn).thenComparing(q -> q.id));
        return backlog;
    }

    private static void requireSize(int n) {
        if (n == 0 || n > MAX_REQUESTS) {
            throw ProblemException.unprocessable("batch-size", "requestIds",
                    n == 0 ? "調整を待っている相談がありません（1 件以上）" : "一度に扱えるのは " + MAX_REQUESTS + " 件までです（" + n + " 件以上）");
        }
    }

    private static int thousandths(BigDecimal score) {
        return score.multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static BigDecimal score(long thousandths) {
        return BigDecimal.valueOf(thousandths, 3).stripTrailingZeros();
    }

    private static BatchTotals totals(BacklogOptimiser.Plan plan) {
        return new BatchTotals(plan.served(), score(plan.totalScore()));
    }
}
