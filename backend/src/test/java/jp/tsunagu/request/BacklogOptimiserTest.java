package jp.tsunagu.request;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 一括マッチング's optimiser against an independent brute force: on random small backlogs (up to 6 requests, 4
 * supporters with 0–3 free places, random allowed pairs and scores, with and without the fairness penalty), the
 * minimum-cost flow serves as many requests as the best of every possible assignment, with the same score less
 * penalty, never overfills a supporter, never gives one supporter two requests that overlap in time (random overlaps
 * in two thirds of the instances), uses only allowed pairs, and is never worse than the greedy order.
 */
class BacklogOptimiserTest {

    record Instance(List<Long> requests, List<BacklogOptimiser.Pair> pairs, Map<Long, Integer> free, int fairness,
                    java.util.Set<BacklogOptimiser.Clash> clashes) {
    }

    @Provide
    Arbitrary<Instance> backlogs() {
        Arbitrary<Integer> requests = Arbitraries.integers().between(0, 6);
        Arbitrary<List<Integer>> places = Arbitraries.integers().between(0, 3).list().ofSize(4);
        Arbitrary<List<Integer>> scores = Arbitraries.integers().between(-1, 1000).list().ofSize(24);
        Arbitrary<Integer> fairness = Arbitraries.of(0, 0, 50, 100, 400);
        // Which pairs of requests overlap in time: none in a third of the instances, else each pair with odds 1 in 3.
        Arbitrary<List<Integer>> overlaps = Arbitraries.integers().between(0, 8).list().ofSize(15);
        return Combinators.combine(requests, places, scores, fairness, overlaps).as((n, p, s, f, o) -> {
            List<Long> rs = new ArrayList<>();
            List<BacklogOptimiser.Pair> pairs = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                rs.add(100L + r);
                for (int sup = 0; sup < 4; sup++) {
                    int score = s.get(r * 4 + sup);
                    if (score >= 0) { // -1: this supporter is not allowed for this request
                        pairs.add(new BacklogOptimiser.Pair(100L + r, 10L + sup, score));
                    }
                }
            }
            Map<Long, Integer> free = new HashMap<>();
            for (int sup = 0; sup < 4; sup++) {
                free.put(10L + sup, p.get(sup));
            }
            java.util.Set<BacklogOptimiser.Clash> clashes = new java.util.HashSet<>();
            int k = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (o.get(0) > 2 && o.get(k % 15) % 3 == 0) {
                        clashes.add(BacklogOptimiser.Clash.of(100L + a, 100L + b));
                    }
                    k++;
                }
            }
            return new Instance(rs, pairs, free, f, clashes);
        });
    }

    @Property(tries = 300)
    void theFlowIsTheBruteForceOptimum(@ForAll("backlogs") Instance in) {
        BacklogOptimiser.Outcome outcome = BacklogOptimiser.optimum(in.requests(), in.pairs(), in.free(), in.fairness(), in.clashes());
        assertTrue(outcome.exact(), "small backlogs are settled within the search's limit");
        BacklogOptimiser.Plan flow = outcome.plan();
        Tuple.Tuple2<Integer, Long> best = bruteForce(in);
        assertEquals(best.get1(), flow.served(), "as many served as the best assignment");
        assertEquals(best.get2(), flow.net(), "the same score less penalty as the best assignment");
        Map<Long, Integer> used = new HashMap<>();
        flow.chosen().forEach((r, s) -> {
            assertTrue(in.pairs().stream().anyMatch(p -> p.request() == r && p.supporter() == s), "only allowed pairs");
            used.merge(s, 1, Integer::sum);
        });
        used.forEach((s, k) -> assertTrue(k <= in.free().get(s), "supporter " + s + " within capacity"));
        assertTrue(!overlapping(flow.chosen(), in.clashes()), "no supporter in two places at once: " + flow.chosen());
        BacklogOptimiser.Plan greedy = BacklogOptimiser.greedy(in.requests(), in.pairs(), in.free(), in.fairness(), in.clashes());
        assertTrue(!overlapping(greedy.chosen(), in.clashes()), "the greedy order respects overlaps too");
        assertTrue(flow.served() > greedy.served() || flow.served() == greedy.served() && flow.net() >= greedy.net(),
                "never worse than one request at a time");
    }

    /** Whether some supporter has two requests that overlap in time. */
    private static boolean overlapping(Map<Long, Long> chosen, java.util.Set<BacklogOptimiser.Clash> clashes) {
        List<Map.Entry<Long, Long>> rows = new ArrayList<>(chosen.entrySet());
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                if (rows.get(i).getValue().equals(rows.get(j).getValue())
                        && clashes.contains(BacklogOptimiser.Clash.of(rows.get(i).getKey(), rows.get(j).getKey()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every assignment (each request unserved or to one allowed supporter), capacity respected: the best (served, net). */
    private static Tuple.Tuple2<Integer, Long> bruteForce(Instance in) {
        Map<Long, List<BacklogOptimiser.Pair>> options = new LinkedHashMap<>();
        in.requests().forEach(r -> options.put(r, new ArrayList<>()));
        in.pairs().forEach(p -> options.get(p.request()).add(p));
        long[] best = {-1, Long.MIN_VALUE};
        search(in, new ArrayList<>(options.values()), 0, new LinkedHashMap<>(), best);
        return Tuple.of((int) best[0], best[1]);
    }

    private static void search(Instance in, List<List<BacklogOptimiser.Pair>> options, int i, Map<Long, Long> chosen, long[] best) {
        if (i == options.size()) {
            Map<Long, Integer> used = new HashMap<>();
            chosen.values().forEach(s -> used.merge(s, 1, Integer::sum));
            for (Map.Entry<Long, Integer> u : used.entrySet()) {
                if (u.getValue() > in.free().getOrDefault(u.getKey(), 0)) {
                    return;
                }
            }
            if (overlapping(chosen, in.clashes())) {
                return;
            }
            BacklogOptimiser.Plan plan = BacklogOptimiser.plan(chosen, in.pairs(), in.fairness());
            if (plan.served() > best[0] || plan.served() == best[0] && plan.net() > best[1]) {
                best[0] = plan.served();
                best[1] = plan.net();
            }
            return;
        }
        search(in, options, i + 1, chosen, best); // this request unserved
        for (BacklogOptimiser.Pair p : options.get(i)) {
            chosen.put(p.request(), p.supporter());
            search(in, options, i + 1, chosen, best);
            chosen.remove(p.request());
        }
    }
}
