package jp.tsunagu.request;

import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 一括マッチング: the best assignment of a whole backlog of requests to supporters, as an exact minimum-cost flow
 * (JGraphT's capacity scaling), and the greedy assignment a coordinator gets one request at a time, for comparison.
 *
 * <p>What "best" means, in this order: (1) as many requests served as the hard rules allow, then (2) the largest
 * total score, less the fairness penalty: a supporter's k-th proposal in the batch costs {@code fairness × (k − 1)}
 * (the second costs one step, the third two …), so work spreads across supporters unless concentrating it is worth
 * more than the penalty. Each allowed pair (request, supporter) already satisfies every hard rule but capacity
 * (district scope, category, availability, vehicle, paid/unpaid: {@link BacklogCandidates}); capacity is the flow's.
 *
 * <p>The network: every request has a supply of 1 and two ways to the sink — through a supporter it may go to
 * (cost {@code C − score}) or unserved (cost {@code C + M}); every supporter reaches the sink by unit arcs, as many as
 * its free places, the k-th costing {@code fairness × (k − 1)}; the penalty grows with k, so the flow takes them in
 * order. M exceeds any score or penalty a solution can gain by serving one request fewer, which makes (1) strict.
 * All numbers are integers (scores in thousandths), all costs are non-negative, and every cost stays below 2^53,
 * so the doubles JGraphT uses hold them exactly.
 */
final class BacklogOptimiser {

    /** A request may go to a supporter, with this score (thousandths: 0.734 is 734). */
    record Pair(long request, long supporter, int score) {
    }

    /** A (request, supporter) pair as a map key (List.of(a, b) hashes (r, s) and (r + 1, s − 31) alike). */
    record Key(long request, long supporter) {
        /**
         * A record's hash (31 × request + supporter) collides a lot on ids that are close together (a backlog's
         * requests are consecutive, supporters' ids span tens of thousands), turning the pair maps into trees; the
         * ids are mixed instead.
         */
        @Override
        public int hashCode() {
            return mix(request, supporter);
        }
    }

    static int mix(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }

    /** The requests served (request → supporter), with how many, the total score and the fairness penalty. */
    record Plan(Map<Long, Long> chosen, int served, long totalScore, long penalty) {

        /** What the optimum maximises after the number served: the total score less the penalty. */
        long net() {
            return totalScore - penalty;
        }
    }

    /** Two requests of the batch whose times overlap: one supporter cannot take both. {@code first < second}. */
    record Clash(long first, long second) {
        static Clash of(long a, long b) {
            return a < b ? new Clash(a, b) : new Clash(b, a);
        }

        @Override
        public int hashCode() {
            return mix(first, second); // as Key's: consecutive request ids collide under 31 × first + second
        }
    }

    /** The plan with overlapping times respected; {@code exact} unless the search stopped at its limit of flows solved. */
    record Outcome(Plan plan, boolean exact, int flowsSolved) {
    }

    /**
     * How many flows the search for a plan without overlaps may solve, and for how long, before it settles for the best
     * found: a second, so that a proposal of 1,000 requests (its statement and first flow take about another second on
     * two cores) answers within the 2 s a coordinator waits. The first flow bounds what the search could still find: on
     * the bench's 1,000 requests the plan returned was within 0.01 of that bound.
     */
    static final int FLOW_LIMIT = 256;
    static final java.time.Duration TIME_LIMIT = java.time.Duration.ofSeconds(1);
    /**
     * After this long, a plan proven within {@link #CLOSE_ENOUGH} of the best open bound is taken (marked not exact):
     * a large backlog's search can spend its whole second closing the last hundredth of a point. Small backlogs are
     * settled exactly well before.
     */
    static final java.time.Duration SETTLE_AFTER = java.time.Duration.ofMillis(200);
    /** In thousandths of a point of the total score, less the fairness penalty: 0.05. */
    static final long CLOSE_ENOUGH = 50;

    private record Node(java.util.Set<Key> forbidden, Plan bound) {
    }

    private BacklogOptimiser() {
    }

    /**
     * The optimum when some requests overlap in time (a supporter cannot be in two places at once): a best-first
     * branch and bound over the flow. A flow that ignores the rule bounds every plan that keeps it; where the flow's
     * plan gives one supporter two overlapping requests, one branch forbids the first of them to that supporter and the
     * other the second. Branches are taken best bound first, so the first plan without overlaps taken is the optimum,
     * and the search ends as soon as no open branch can beat the best plan without overlaps in hand. Overlaps among
     * what the flow chooses are rare (the fairness step spreads work), so a few flows settle it; after
     * {@link #FLOW_LIMIT} flows or {@link #TIME_LIMIT} the best plan found is returned, marked not exact. The rule is
     * not a flow's (choosing intervals across supporters is NP-hard in general), hence the search.
     */
    static Outcome optimum(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness, java.util.Set<Clash> clashes) {
        long started = System.nanoTime();
        Plan root = optimum(requests, pairs, free, fairness);
        if (clashes.isEmpty()) {
            return new Outcome(root, true, 1);
        }
        long deadline = started + TIME_LIMIT.toNanos();
        long settle = started + SETTLE_AFTER.toNanos();
        java.util.PriorityQueue<Node> open = new java.util.PriorityQueue<>((a, b) ->
                better(a.bound(), b.bound()) ? -1 : better(b.bound(), a.bound()) ? 1 : 0);
        open.add(new Node(java.util.Set.of(), root));
        int solved = 1;
        Plan incumbent = null;
        while (!open.isEmpty()) {
            Node node = open.poll();
            if (incumbent != null && !better(node.bound(), incumbent)) {
                break; // no open branch can beat the plan in hand
            }
            long[] clash = firstClash(node.bound().chosen(), clashes);
            if (clash == null) {
                incumbent = node.bound(); // the best bound keeps the rule: the optimum
                break;
            }
            if (incumbent == null) {
                incumbent = withoutClashes(node.bound().chosen(), pairs, fairness, clashes);
            }
            long now = System.nanoTime();
            if (solved >= FLOW_LIMIT || now > deadline
                    || now > settle && incumbent.served() == node.bound().served() && node.bound().net() - incumbent.net() <= CLOSE_ENOUGH) {
                return new Outcome(incumbent, false, solved); // node's bound is the best still open: the plan is within it
            }
            // The two branches' flows are independent: the first is solved on another thread while this one solves the second.
            java.util.Set<Key> first = forbid(node.forbidden(), new Key(clash[1], clash[0]));
            java.util.Set<Key> second = forbid(node.forbidden(), new Key(clash[2], clash[0]));
            java.util.concurrent.CompletableFuture<Plan> firstPlan = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> optimum(requests, allowed(pairs, first), free, fairness));
            Plan secondPlan = optimum(requests, allowed(pairs, second), free, fairness);
            try {
                open.add(new Node(first, firstPlan.join()));
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            open.add(new Node(second, secondPlan));
            solved += 2;
        }
        return new Outcome(incumbent, true, solved);
    }

    private static java.util.Set<Key> forbid(java.util.Set<Key> forbidden, Key more) {
        java.util.Set<Key> out = new java.util.HashSet<>(forbidden);
        out.add(more);
        return out;
    }

    /** The pairs but the forbidden ones; only a forbidden request's pairs are looked up (a key each), the others pass. */
    private static List<Pair> allowed(List<Pair> pairs, java.util.Set<Key> forbidden) {
        java.util.Set<Long> touched = new java.util.HashSet<>();
        forbidden.forEach(k -> touched.add(k.request()));
        return pairs.stream().filter(p -> !touched.contains(p.request()) || !forbidden.contains(new Key(p.request(), p.supporter()))).toList();
    }

    private static boolean better(Plan a, Plan b) {
        return a.served() > b.served() || a.served() == b.served() && a.net() > b.net();
    }

    /** A supporter given two overlapping requests, as {supporter, first request, second request}; null when none is. */
    private static long[] firstClash(Map<Long, Long> chosen, java.util.Set<Clash> clashes) {
        Map<Long, List<Long>> bySupporter = new java.util.TreeMap<>();
        chosen.forEach((r, sup) -> bySupporter.computeIfAbsent(sup, k -> new ArrayList<>()).add(r));
        for (Map.Entry<Long, List<Long>> e : bySupporter.entrySet()) {
            List<Long> rs = e.getValue();
            for (int i = 0; i < rs.size(); i++) {
                for (int j = i + 1; j < rs.size(); j++) {
                    if (clashes.contains(Clash.of(rs.get(i), rs.get(j)))) {
                        return new long[] {e.getKey(), Math.min(rs.get(i), rs.get(j)), Math.max(rs.get(i), rs.get(j))};
                    }
                }
            }
        }
        return null;
    }

    /** A plan without overlaps made from one with them: of two overlapping requests, the lower-scoring one is left unserved. */
    private static Plan withoutClashes(Map<Long, Long> chosen, List<Pair> pairs, int fairness, java.util.Set<Clash> clashes) {
        Map<Long, Integer> score = chosenScores(chosen, pairs);
        Map<Long, Long> kept = new LinkedHashMap<>(chosen);
        for (long[] c = firstClash(kept, clashes); c != null; c = firstClash(kept, clashes)) {
            int first = score.get(c[1]);
            int second = score.get(c[2]);
            kept.remove(first < second ? c[1] : c[2]);
        }
        return plan(kept, pairs, fairness);
    }

    /**
     * The optimum. {@code free} gives each supporter's free places (supporters missing from it have none);
     * {@code fairness} is the penalty step in thousandths (0 for none).
     */
    static Plan optimum(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness) {
        int n = requests.size();
        if (n == 0) {
            return new Plan(Map.of(), 0, 0, 0);
        }
        long c = Math.max(1, pairs.stream().mapToLong(Pair::score).max().orElse(0));
        long m = c * n + (long) fairness * n * n + 1;

        DirectedWeightedMultigraph<Integer, DefaultWeightedEdge> g = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
        Map<Long, Integer> requestNode = new HashMap<>();
        Map<Long, Integer> supporterNode = new HashMap<>();
        Map<Integer, Long> supporterOf = new HashMap<>();
        int sink = 0;
        g.addVertex(sink);
        for (Long r : requests) {
            int v = g.vertexSet().size();
            g.addVertex(v);
            requestNode.put(r, v);
            arc(g, v, sink, c + m); // unserved
        }
        Map<Long, Integer> reachable = new HashMap<>();
        for (Pair p : pairs) {
            Integer from = requestNode.get(p.request());
            int places = free.getOrDefault(p.supporter(), 0);
            if (from == null || places <= 0) {
                continue;
            }
            Integer to = supporterNode.computeIfAbsent(p.supporter(), s -> {
                int v = g.vertexSet().size();
                g.addVertex(v);
                supporterOf.put(v, s);
                return v;
            });
            arc(g, from, to, c - p.score());
            reachable.merge(p.supporter(), 1, Integer::sum);
        }
        supporterNode.forEach((s, v) -> {
            int units = Math.min(free.get(s), reachable.get(s));
            for (int k = 1; k <= units; k++) {
                arc(g, v, sink, (long) fairness * (k - 1));
            }
        });

        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                g, v -> v == sink ? -n : v <= n ? 1 : 0, e -> 1); // every arc carries one unit
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
        Map<Long, Long> chosen = new LinkedHashMap<>();
        for (Long r : requests) {
            for (DefaultWeightedEdge e : g.outgoingEdgesOf(requestNode.get(r))) {
                int to = g.getEdgeTarget(e);
                if (to != sink && flow.getFlow(e) > 0.5) {
                    chosen.put(r, supporterOf.get(to));
                }
            }
        }
        return plan(chosen, pairs, fairness);
    }

    /**
     * One request at a time, in the order given (the coordinator's: urgent first, then oldest): each takes its
     * best-scoring supporter who still has a free place (ties: the lower supporter id).
     */
    static Plan greedy(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness) {
        return greedy(requests, pairs, free, fairness, java.util.Set.of());
    }

    /** The greedy order, a supporter never taking a request that overlaps one already theirs. */
    static Plan greedy(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness, java.util.Set<Clash> clashes) {
        Map<Long, List<Pair>> byRequest = new HashMap<>();
        for (Pair p : pairs) {
            byRequest.computeIfAbsent(p.request(), k -> new ArrayList<>()).add(p);
        }
        Map<Long, Integer> left = new HashMap<>(free);
        Map<Long, Long> chosen = new LinkedHashMap<>();
        Map<Long, List<Long>> taken = new HashMap<>(); // each supporter's requests so far, for the overlap rule
        for (Long r : requests) {
            byRequest.getOrDefault(r, List.of()).stream()
                    .filter(p -> left.getOrDefault(p.supporter(), 0) > 0)
                    .filter(p -> clashes.isEmpty() || taken.getOrDefault(p.supporter(), List.of()).stream()
                            .noneMatch(other -> clashes.contains(Clash.of(other, r))))
                    .min(Comparator.comparingInt(Pair::score).reversed().thenComparingLong(Pair::supporter))
                    .ifPresent(p -> {
                        chosen.put(r, p.supporter());
                        taken.computeIfAbsent(p.supporter(), k -> new ArrayList<>()).add(r);
                        left.merge(p.supporter(), -1, Integer::sum);
                    });
        }
        return plan(chosen, pairs, fairness);
    }

    /** The totals of a choice: its score and its fairness penalty (a supporter with k proposals: fairness × k(k−1)/2). */
    static Plan plan(Map<Long, Long> chosen, List<Pair> pairs, int fairness) {
        long total = 0;
        for (int score : chosenScores(chosen, pairs).values()) {
            total += score;
        }
        Map<Long, Integer> count = new HashMap<>();
        for (Long supporter : chosen.values()) {
            count.merge(supporter, 1, Integer::sum);
        }
        long penalty = 0;
        for (int k : count.values()) {
            penalty += (long) fairness * k * (k - 1) / 2;
        }
        return new Plan(chosen, chosen.size(), total, penalty);
    }

    /**
     * Each chosen request's score with its supporter, found by one pass over the pairs (a map of every pair, built
     * on each call, was most of what a proposal of 50,000 pairs allocated).
     */
    private static Map<Long, Integer> chosenScores(Map<Long, Long> chosen, List<Pair> pairs) {
        Map<Long, Integer> out = new HashMap<>(chosen.size() * 2);
        for (Pair p : pairs) {
            Long supporter = chosen.get(p.request());
            if (supporter != null && supporter == p.supporter()) {
                out.put(p.request(), p.score());
            }
        }
        if (out.size() != chosen.size()) {
            throw new IllegalStateException("A chosen request has no such pair: " + chosen.size() + " chosen, " + out.size() + " found");
        }
        return out;
    }

    private static void arc(DirectedWeightedMultigraph<Integer, DefaultWeightedEdge> g, int from, int to, long cost) {
        g.setEdgeWeight(g.addEdge(from, to), cost);
    }
}
