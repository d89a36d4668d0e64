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
    }

    /** The requests served (request → supporter), with how many, the total score and the fairness penalty. */
    record Plan(Map<Long, Long> chosen, int served, long totalScore, long penalty) {

        /** What the optimum maximises after the number served: the total score less the penalty. */
        long net() {
            return totalScore - penalty;
        }
    }

    private BacklogOptimiser() {
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
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Map<DefaultWeightedEdge, Pair> pairOf = new HashMap<>();
        for (Long r : requests) {
            int v = g.vertexSet().size();
            g.addVertex(v);
            requestNode.put(r, v);
            arc(g, capacity, v, sink, 1, c + m); // unserved
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
            pairOf.put(arc(g, capacity, from, to, 1, c - p.score()), p);
            reachable.merge(p.supporter(), 1, Integer::sum);
        }
        supporterNode.forEach((s, v) -> {
            int units = Math.min(free.get(s), reachable.get(s));
            for (int k = 1; k <= units; k++) {
                arc(g, capacity, v, sink, 1, (long) fairness * (k - 1));
            }
        });

        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                g, v -> v == sink ? -n : v <= n ? 1 : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
        Map<Long, Long> chosen = new LinkedHashMap<>();
        for (Long r : requests) {
            for (DefaultWeightedEdge e : g.outgoingEdgesOf(requestNode.get(r))) {
                Pair p = pairOf.get(e);
                if (p != null && flow.getFlow(e) > 0.5) {
                    chosen.put(r, p.supporter());
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
        Map<Long, List<Pair>> byRequest = new HashMap<>();
        for (Pair p : pairs) {
            byRequest.computeIfAbsent(p.request(), k -> new ArrayList<>()).add(p);
        }
        Map<Long, Integer> left = new HashMap<>(free);
        Map<Long, Long> chosen = new LinkedHashMap<>();
        for (Long r : requests) {
            byRequest.getOrDefault(r, List.of()).stream()
                    .filter(p -> left.getOrDefault(p.supporter(), 0) > 0)
                    .min(Comparator.comparingInt(Pair::score).reversed().thenComparingLong(Pair::supporter))
                    .ifPresent(p -> {
                        chosen.put(r, p.supporter());
                        left.merge(p.supporter(), -1, Integer::sum);
                    });
        }
        return plan(chosen, pairs, fairness);
    }

    /** The totals of a choice: its score and its fairness penalty (a supporter with k proposals: fairness × k(k−1)/2). */
    static Plan plan(Map<Long, Long> chosen, List<Pair> pairs, int fairness) {
        Map<Key, Integer> score = new HashMap<>();
        for (Pair p : pairs) {
            score.put(new Key(p.request(), p.supporter()), p.score());
        }
        long total = 0;
        Map<Long, Integer> count = new HashMap<>();
        for (Map.Entry<Long, Long> e : chosen.entrySet()) {
            total += score.get(new Key(e.getKey(), e.getValue()));
            count.merge(e.getValue(), 1, Integer::sum);
        }
        long penalty = 0;
        for (int k : count.values()) {
            penalty += (long) fairness * k * (k - 1) / 2;
        }
        return new Plan(chosen, chosen.size(), total, penalty);
    }

    private static DefaultWeightedEdge arc(DirectedWeightedMultigraph<Integer, DefaultWeightedEdge> g,
                                           Map<DefaultWeightedEdge, Integer> capacity, int from, int to, int cap, long cost) {
        DefaultWeightedEdge e = g.addEdge(from, to);
        g.setEdgeWeight(e, cost);
        capacity.put(e, cap);
        return e;
    }
}
