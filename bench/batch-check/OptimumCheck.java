import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An independent check of 一括マッチング's optimum (bench/batch.sh): the same problem as the API's BacklogOptimiser,
 * solved by other code — successive shortest paths with Dijkstra and node potentials, written here from scratch, no
 * dependencies — then compared with the API's answer.
 *
 * <p>The problem: every request is served by at most one supporter it is allowed to go to (the pairs, as the API's
 * PAIRS statement lists them), a supporter takes at most its free places; first as many requests served as possible,
 * then the largest total score less the fairness penalty (a supporter's k-th proposal costs fairness × (k − 1)).
 * The network: source → each request (capacity 1, cost 0); request → sink, unserved (cost C + M); request → supporter
 * (cost C − score); supporter → sink by unit arcs, the k-th costing fairness × (k − 1). Scores and the fairness step in
 * thousandths, so every cost is an exact integer; C is the largest score and M = (C + fairness × n) × n + 1 is more than
 * serving one request fewer could ever gain, so the number served comes first. All costs are non-negative, so zero
 * potentials start Dijkstra off; n augmentations of one unit each. At the end the flow is certified optimal on its own:
 * every arc of the residual network has a non-negative reduced cost under the final potentials (no negative cycle).
 *
 * <pre>
 * java bench/batch-check/OptimumCheck.java PAIRS.csv API_ROWS.tsv FAIRNESS API_SERVED API_SCORE API_PENALTY GREEDY_SERVED GREEDY_SCORE
 * java bench/batch-check/OptimumCheck.java --self-test [INSTANCES]
 * </pre>
 * PAIRS.csv: the PAIRS statement's rows as CSV (request id, supporter id, name, free, the five parts, score).
 * API_ROWS.tsv: the API's rows in its order: request id, proposed supporter id, its score, greedy's supporter id, its
 * score (empty or "null" when none). The rest: the API's fairness and totals, in points. Prints key=value lines
 * (scores in points); exits 1 if the API's answer is not feasible or its totals do not add up, 0 otherwise (the
 * comparison of the optimum is the caller's to judge).
 */
public class OptimumCheck {

    // ---- the network: arcs in arrays, residual capacity and cost; arc e and e ^ 1 are each other's reverse ----
    static final class Network {
        final int nodes;
        int[] head, next, to, cap;
        long[] cost;
        int arcs;

        Network(int nodes, int expectedArcs) {
            this.nodes = nodes;
            head = new int[nodes];
            Arrays.fill(head, -1);
            int m = 2 * expectedArcs + 2;
            next = new int[m];
            to = new int[m];
            cap = new int[m];
            cost = new long[m];
        }

        int arc(int u, int v, int capacity, long c) {
            if (arcs + 2 > to.length) {
                int m = to.length * 2;
                next = Arrays.copyOf(next, m);
                to = Arrays.copyOf(to, m);
                cap = Arrays.copyOf(cap, m);
                cost = Arrays.copyOf(cost, m);
            }
            int e = arcs;
            to[e] = v; cap[e] = capacity; cost[e] = c; next[e] = head[u]; head[u] = e;
            to[e + 1] = u; cap[e + 1] = 0; cost[e + 1] = -c; next[e + 1] = head[v]; head[v] = e + 1;
            arcs += 2;
            return e;
        }

        int from(int e) {
            return to[e ^ 1];
        }
    }

    /** Minimum-cost flow of {@code amount} units from s to t by successive shortest paths (Dijkstra + potentials). */
    static final class Solver {
        final Network g;
        final long[] potential;
        long totalCost;
        int augmentations;

        Solver(Network g) {
            this.g = g;
            this.potential = new long[g.nodes]; // every cost is >= 0, so 0 is a feasible start
        }

        int run(int s, int t, int amount) {
            long inf = Long.MAX_VALUE / 4;
            long[] dist = new long[g.nodes];
            int[] via = new int[g.nodes];
            boolean[] done = new boolean[g.nodes];
            int sent = 0;
            MinHeap heap = new MinHeap(g.nodes);
            while (sent < amount) {
                Arrays.fill(dist, inf);
                Arrays.fill(via, -1);
                Arrays.fill(done, false);
                dist[s] = 0;
                heap.push(s, 0);
                while (!heap.isEmpty()) {
                    int u = heap.pop();
                    if (done[u]) {
                        continue;
                    }
                    done[u] = true;
                    for (int e = g.head[u]; e >= 0; e = g.next[e]) {
                        if (g.cap[e] <= 0) {
                            continue;
                        }
                        int v = g.to[e];
                        long reduced = g.cost[e] + potential[u] - potential[v];
                        if (reduced < 0) {
                            throw new IllegalStateException("negative reduced cost " + reduced + " on arc " + u + "→" + v);
                        }
                        long d = dist[u] + reduced;
                        if (d < dist[v]) {
                            dist[v] = d;
                            via[v] = e;
                            heap.push(v, d);
                        }
                    }
                }
                if (dist[t] >= inf) {
                    break; // nothing more can reach the sink
                }
                long farthest = 0;
                for (int v = 0; v < g.nodes; v++) {
                    if (dist[v] < inf) {
                        farthest = Math.max(farthest, dist[v]);
                    }
                }
                for (int v = 0; v < g.nodes; v++) {
                    potential[v] += dist[v] < inf ? dist[v] : farthest;
                }
                int push = amount - sent;
                for (int v = t; v != s; v = g.from(via[v])) {
                    push = Math.min(push, g.cap[via[v]]);
                }
                for (int v = t; v != s; v = g.from(via[v])) {
                    g.cap[via[v]] -= push;
                    g.cap[via[v] ^ 1] += push;
                    totalCost += (long) push * g.cost[via[v]];
                }
                sent += push;
                augmentations++;
            }
            return sent;
        }

        /** The optimality certificate: no arc with residual capacity has a negative reduced cost (so no negative cycle). */
        long worstReducedCost() {
            long worst = Long.MAX_VALUE;
            for (int e = 0; e < g.arcs; e++) {
                if (g.cap[e] > 0) {
                    worst = Math.min(worst, g.cost[e] + potential[g.from(e)] - potential[g.to[e]]);
                }
            }
            return worst;
        }
    }

    /** A binary heap of (node, key) with lazy deletion. */
    static final class MinHeap {
        int[] node;
        long[] key;
        int size;

        MinHeap(int capacity) {
            node = new int[Math.max(16, capacity)];
            key = new long[node.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int v, long k) {
            if (size == node.length) {
                node = Arrays.copyOf(node, size * 2);
                key = Arrays.copyOf(key, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) / 2;
                if (key[p] <= k) {
                    break;
                }
                node[i] = node[p];
                key[i] = key[p];
                i = p;
            }
            node[i] = v;
            key[i] = k;
        }

        int pop() {
            int top = node[0];
            size--;
            if (size > 0) {
                int v = node[size];
                long k = key[size];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= size) {
                        break;
                    }
                    if (c + 1 < size && key[c + 1] < key[c]) {
                        c++;
                    }
                    if (key[c] >= k) {
                        break;
                    }
                    node[i] = node[c];
                    key[i] = key[c];
                    i = c;
                }
                node[i] = v;
                key[i] = k;
            }
            return top;
        }
    }

    record Pair(long request, long supporter, int score) {
    }

    /** A choice (request → supporter) and its totals in thousandths. */
    record Plan(Map<Long, Long> chosen, int served, long score, long penalty, long worstReducedCost, int augmentations) {
        long net() {
            return score - penalty;
        }
    }

    /** The optimum of the problem, solved here. */
    static Plan optimum(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness) {
        int n = requests.size();
        Map<Long, Integer> requestNode = new HashMap<>();
        for (Long r : requests) {
            requestNode.put(r, 2 + requestNode.size());
        }
        Map<Long, Integer> supporterNode = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (requestNode.containsKey(p.request()) && free.getOrDefault(p.supporter(), 0) > 0) {
                supporterNode.computeIfAbsent(p.supporter(), s -> 2 + n + supporterNode.size());
            }
        }
        long c = 1;
        for (Pair p : pairs) {
            c = Math.max(c, p.score());
        }
        long m = (c + (long) fairness * n) * n + 1;
        int s = 0, t = 1;
        Network g = new Network(2 + n + supporterNode.size(), 2 * n + pairs.size() + n);
        for (Long r : requests) {
            g.arc(s, requestNode.get(r), 1, 0);
            g.arc(requestNode.get(r), t, 1, c + m);
        }
        Map<Integer, Pair> pairOfArc = new HashMap<>();
        for (Pair p : pairs) {
            Integer u = requestNode.get(p.request());
            Integer v = supporterNode.get(p.supporter());
            if (u != null && v != null) {
                pairOfArc.put(g.arc(u, v, 1, c - p.score()), p);
            }
        }
        for (Map.Entry<Long, Integer> e : supporterNode.entrySet()) {
            int places = Math.min(free.get(e.getKey()), n);
            for (int k = 1; k <= places; k++) {
                g.arc(e.getValue(), t, 1, (long) fairness * (k - 1));
            }
        }
        Solver solver = new Solver(g);
        int sent = solver.run(s, t, n);
        if (sent != n) {
            throw new IllegalStateException("only " + sent + " of " + n + " units reached the sink");
        }
        Map<Long, Long> chosen = new LinkedHashMap<>();
        for (Map.Entry<Integer, Pair> e : pairOfArc.entrySet()) {
            if (g.cap[e.getKey()] == 0) {
                chosen.put(e.getValue().request(), e.getValue().supporter());
            }
        }
        Plan plan = plan(chosen, pairs, fairness, solver.worstReducedCost(), solver.augmentations);
        long expected = c * n + (long) (n - plan.served()) * m - plan.net();
        if (solver.totalCost != expected) {
            throw new IllegalStateException("the flow's cost " + solver.totalCost + " is not the plan's " + expected);
        }
        return plan;
    }

    /** One request at a time in the order given: its best-scoring supporter with a free place left (ties: lower id). */
    static Plan greedy(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness) {
        Map<Long, List<Pair>> byRequest = new HashMap<>();
        for (Pair p : pairs) {
            byRequest.computeIfAbsent(p.request(), k -> new ArrayList<>()).add(p);
        }
        Map<Long, Integer> left = new HashMap<>(free);
        Map<Long, Long> chosen = new LinkedHashMap<>();
        for (Long r : requests) {
            Pair best = null;
            for (Pair p : byRequest.getOrDefault(r, List.of())) {
                if (left.getOrDefault(p.supporter(), 0) <= 0) {
                    continue;
                }
                if (best == null || p.score() > best.score() || (p.score() == best.score() && p.supporter() < best.supporter())) {
                    best = p;
                }
            }
            if (best != null) {
                chosen.put(r, best.supporter());
                left.merge(best.supporter(), -1, Integer::sum);
            }
        }
        return plan(chosen, pairs, fairness, 0, 0);
    }

    static Plan plan(Map<Long, Long> chosen, List<Pair> pairs, int fairness, long worst, int augmentations) {
        Map<List<Long>, Integer> score = new HashMap<>();
        for (Pair p : pairs) {
            score.put(List.of(p.request(), p.supporter()), p.score());
        }
        long total = 0;
        Map<Long, Integer> count = new HashMap<>();
        for (Map.Entry<Long, Long> e : chosen.entrySet()) {
            Integer sc = score.get(List.of(e.getKey(), e.getValue()));
            if (sc == null) {
                throw new IllegalStateException("request " + e.getKey() + " → supporter " + e.getValue() + " is not an allowed pair");
            }
            total += sc;
            count.merge(e.getValue(), 1, Integer::sum);
        }
        long penalty = 0;
        for (int k : count.values()) {
            penalty += (long) fairness * k * (k - 1) / 2;
        }
        return new Plan(chosen, chosen.size(), total, penalty, worst, augmentations);
    }

    // ---- input -----------------------------------------------------------------------------------------------------

    static int thousandths(String number) {
        return new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }

    static String points(long thousandths) {
        return BigDecimal.valueOf(thousandths, 3).toPlainString();
    }

    static boolean none(String field) {
        return field == null || field.isBlank() || field.equals("null");
    }

    /** One CSV line (RFC 4180 quoting, as COPY … (format csv) writes it; no field spans lines here). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 1 && args[0].equals("--self-test")) {
            selfTest(args.length > 1 ? Integer.parseInt(args[1]) : 300);
            return;
        }
        if (args.length != 8) {
            System.err.println("usage: OptimumCheck PAIRS.csv API_ROWS.tsv FAIRNESS API_SERVED API_SCORE API_PENALTY GREEDY_SERVED GREEDY_SCORE");
            System.exit(2);
        }
        PrintStream out = System.out;
        List<Pair> pairs = new ArrayList<>();
        Map<Long, Integer> free = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = csv(line);
            long request = Long.parseLong(f.get(0));
            long supporter = Long.parseLong(f.get(1));
            int places = Integer.parseInt(f.get(3));
            Integer before = free.put(supporter, places);
            if (before != null && before != places) {
                throw new IllegalStateException("supporter " + supporter + " has " + before + " and " + places + " free places");
            }
            pairs.add(new Pair(request, supporter, thousandths(f.get(f.size() - 1))));
        }
        // The API's rows, in its order (the order greedy follows).
        List<Long> requests = new ArrayList<>();
        Map<Long, Long> apiChosen = new LinkedHashMap<>();
        Map<Long, Integer> apiScore = new HashMap<>();
        Map<Long, Long> apiGreedy = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long request = Long.parseLong(f[0]);
            requests.add(request);
            if (!none(f[1])) {
                apiChosen.put(request, Long.parseLong(f[1]));
                apiScore.put(request, thousandths(f[2]));
            }
            if (!none(f[3])) {
                apiGreedy.put(request, Long.parseLong(f[3]));
            }
        }
        int fairness = thousandths(args[2]);
        int apiServed = Integer.parseInt(args[3]);
        long apiTotal = thousandths(args[4]);
        long apiPenalty = thousandths(args[5]);
        int apiGreedyServed = Integer.parseInt(args[6]);
        long apiGreedyTotal = thousandths(args[7]);

        List<String> problems = new ArrayList<>();
        // The API's proposal, recomputed from its rows against the dumped pairs: allowed, scores as listed, places kept.
        Map<List<Long>, Integer> allowed = new HashMap<>();
        for (Pair p : pairs) {
            allowed.put(List.of(p.request(), p.supporter()), p.score());
        }
        Map<Long, Integer> load = new HashMap<>();
        for (Map.Entry<Long, Long> e : apiChosen.entrySet()) {
            Integer sc = allowed.get(List.of(e.getKey(), e.getValue()));
            if (sc == null) {
                problems.add("request " + e.getKey() + " → supporter " + e.getValue() + " is not among the pairs");
            } else if (!sc.equals(apiScore.get(e.getKey()))) {
                problems.add("request " + e.getKey() + ": the API's score " + points(apiScore.get(e.getKey())) + " is not the pair's " + points(sc));
            }
            load.merge(e.getValue(), 1, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : load.entrySet()) {
            if (e.getValue() > free.getOrDefault(e.getKey(), 0)) {
                problems.add("supporter " + e.getKey() + " gets " + e.getValue() + " with " + free.getOrDefault(e.getKey(), 0) + " free places");
            }
        }
        Plan api = problems.isEmpty() ? plan(apiChosen, pairs, fairness, 0, 0) : null;
        if (api != null && (api.served() != apiServed || api.score() != apiTotal || api.penalty() != apiPenalty)) {
            problems.add("the API's totals (" + apiServed + ", " + points(apiTotal) + ", penalty " + points(apiPenalty)
                    + ") are not its rows' (" + api.served() + ", " + points(api.score()) + ", penalty " + points(api.penalty()) + ")");
        }

        long started = System.nanoTime();
        Plan best = optimum(requests, pairs, free, fairness);
        double seconds = (System.nanoTime() - started) / 1e9;
        Plan greedy = greedy(requests, pairs, free, fairness);
        int greedySame = 0;
        for (Long r : requests) {
            if (java.util.Objects.equals(greedy.chosen().get(r), apiGreedy.get(r))) {
                greedySame++;
            }
        }
        int sameChoice = 0;
        for (Long r : requests) {
            if (java.util.Objects.equals(best.chosen().get(r), apiChosen.get(r))) {
                sameChoice++;
            }
        }
        Map<Long, Integer> used = new HashMap<>();
        best.chosen().values().forEach(s -> used.merge(s, 1, Integer::sum));
        long maxLoad = used.values().stream().mapToLong(Integer::longValue).max().orElse(0);
        long places = free.values().stream().mapToLong(Integer::longValue).sum();

        out.println("requests=" + requests.size());
        out.println("pairs=" + pairs.size());
        out.println("pair_requests=" + pairs.stream().map(Pair::request).distinct().count());
        out.println("pair_supporters=" + free.size());
        out.println("free_places=" + places);
        out.println("check_served=" + best.served());
        out.println("check_score=" + points(best.score()));
        out.println("check_penalty=" + points(best.penalty()));
        out.println("check_net=" + points(best.net()));
        out.println("check_supporters_used=" + used.size());
        out.println("check_max_per_supporter=" + maxLoad);
        out.println("check_augmentations=" + best.augmentations());
        out.println("check_min_reduced_cost=" + best.worstReducedCost());
        out.println("check_certified=" + (best.worstReducedCost() >= 0));
        out.println("check_seconds=" + String.format("%.2f", seconds));
        out.println("check_same_choice=" + sameChoice);
        out.println("check_greedy_served=" + greedy.served());
        out.println("check_greedy_score=" + points(greedy.score()));
        out.println("check_greedy_penalty=" + points(greedy.penalty()));
        out.println("check_greedy_same_rows=" + greedySame);
        out.println("check_greedy_equal=" + (greedy.served() == apiGreedyServed && greedy.score() == apiGreedyTotal && greedySame == requests.size()));
        if (api != null) {
            out.println("api_served=" + api.served());
            out.println("api_score=" + points(api.score()));
            out.println("api_penalty=" + points(api.penalty()));
            out.println("api_net=" + points(api.net()));
            out.println("diff_served=" + (best.served() - api.served()));
            out.println("diff_net=" + points(best.net() - api.net()));
        }
        out.println("api_feasible=" + problems.isEmpty());
        for (String p : problems.subList(0, Math.min(problems.size(), 10))) {
            System.err.println("OptimumCheck: " + p);
        }
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    // ---- self-test: the solver against exhaustive search on small random instances ------------------------------------

    static void selfTest(int instances) {
        Random random = new Random(20261202L);
        int checked = 0;
        for (int i = 0; i < instances; i++) {
            int n = 1 + random.nextInt(6);
            int supporters = 1 + random.nextInt(4);
            int fairness = random.nextInt(3) == 0 ? 0 : random.nextInt(400);
            List<Long> requests = new ArrayList<>();
            for (long r = 1; r <= n; r++) {
                requests.add(r * 10);
            }
            List<Pair> pairs = new ArrayList<>();
            Map<Long, Integer> free = new HashMap<>();
            for (long s = 1; s <= supporters; s++) {
                free.put(s * 7, random.nextInt(4)); // 0 … 3 places
            }
            for (Long r : requests) {
                for (long s = 1; s <= supporters; s++) {
                    if (random.nextInt(3) != 0) {
                        pairs.add(new Pair(r, s * 7, random.nextInt(4) == 0 ? 1000 : random.nextInt(1001)));
                    }
                }
            }
            Plan fast = optimum(requests, pairs, free, fairness);
            long[] best = exhaustive(requests, pairs, free, fairness);
            if (fast.served() != best[0] || fast.net() != best[1] || fast.worstReducedCost() < 0) {
                throw new IllegalStateException("self-test instance " + i + ": solver " + fast.served() + "/" + fast.net()
                        + ", exhaustive " + best[0] + "/" + best[1]);
            }
            checked++;
        }
        System.out.println("self_test=" + checked);
    }

    /** Every choice, tried: → {most served, best net score among those}. */
    static long[] exhaustive(List<Long> requests, List<Pair> pairs, Map<Long, Integer> free, int fairness) {
        Map<Long, List<Pair>> byRequest = new HashMap<>();
        for (Pair p : pairs) {
            byRequest.computeIfAbsent(p.request(), k -> new ArrayList<>()).add(p);
        }
        long[] best = {-1, Long.MIN_VALUE};
        search(0, requests, byRequest, new HashMap<>(), free, fairness, 0, 0, best);
        return best;
    }

    static void search(int i, List<Long> requests, Map<Long, List<Pair>> byRequest, Map<Long, Integer> used, Map<Long, Integer> free,
                       int fairness, int served, long score, long[] best) {
        if (i == requests.size()) {
            long penalty = 0;
            for (int k : used.values()) {
                penalty += (long) fairness * k * (k - 1) / 2;
            }
            long net = score - penalty;
            if (served > best[0] || (served == best[0] && net > best[1])) {
                best[0] = served;
                best[1] = net;
            }
            return;
        }
        search(i + 1, requests, byRequest, used, free, fairness, served, score, best); // unserved
        for (Pair p : byRequest.getOrDefault(requests.get(i), List.of())) {
            int k = used.getOrDefault(p.supporter(), 0);
            if (k < free.getOrDefault(p.supporter(), 0)) {
                used.put(p.supporter(), k + 1);
                search(i + 1, requests, byRequest, used, free, fairness, served + 1, score + p.score(), best);
                used.put(p.supporter(), k);
            }
        }
    }
}
