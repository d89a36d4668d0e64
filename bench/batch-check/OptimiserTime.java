import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic of bench/batch.sh: how long the API's own optimiser takes on the benchmark's pairs, without the API
 * around it — jp.tsunagu.request.BacklogOptimiser.optimum and .greedy from the built jar, called by reflection (they
 * are package-private) in a JVM of their own, on the pairs psql dumped and in the API's request order.
 *
 * <pre>java -cp 'backend/target/quarkus-app/app/*:backend/target/quarkus-app/lib/main/*' bench/batch-check/OptimiserTime.java \
 *     PAIRS.csv API_ROWS.tsv FAIRNESS [RUNS]</pre>
 * Prints key=value lines: the first (cold) call's time and the median of the next RUNS calls, for each, in seconds,
 * and the optimum's totals (to tie it to the API's answer).
 */
public class OptimiserTime {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Class<?> optimiser = Class.forName("jp.tsunagu.request.BacklogOptimiser");
        Class<?> pairType = Class.forName("jp.tsunagu.request.BacklogOptimiser$Pair");
        Constructor<?> pair = pairType.getDeclaredConstructor(long.class, long.class, int.class);
        pair.setAccessible(true);
        Method optimum = optimiser.getDeclaredMethod("optimum", List.class, List.class, Map.class, int.class);
        Method greedy = optimiser.getDeclaredMethod("greedy", List.class, List.class, Map.class, int.class);
        optimum.setAccessible(true);
        greedy.setAccessible(true);

        List<Object> pairs = new ArrayList<>();
        Map<Long, Integer> free = new HashMap<>();
        // The dump as COPY … (format csv) writes it, read with the API's own commons-csv (on this program's class path;
        // OptimumCheck keeps a reader of its own, being the independent check).
        for (org.apache.commons.csv.CSVRecord f : org.apache.commons.csv.CSVFormat.RFC4180
                .parse(Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8))) { // request, supporter, name, free, the five parts, score
            long supporter = Long.parseLong(f.get(1));
            free.put(supporter, Integer.parseInt(f.get(3)));
            pairs.add(pair.newInstance(Long.parseLong(f.get(0)), supporter, thousandths(f.get(f.size() - 1))));
        }
        List<Long> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                requests.add(Long.parseLong(line.split("\t", -1)[0]));
            }
        }
        int fairness = thousandths(args[2]);

        Object plan = null;
        for (Method m : new Method[] {optimum, greedy}) {
            double[] t = new double[runs + 1];
            for (int i = 0; i <= runs; i++) {
                long started = System.nanoTime();
                Object p = m.invoke(null, requests, pairs, free, fairness);
                t[i] = (System.nanoTime() - started) / 1e9;
                if (m == optimum) {
                    plan = p;
                }
            }
            double[] warm = Arrays.copyOfRange(t, 1, t.length);
            Arrays.sort(warm);
            System.out.printf("%s_first=%.3f%n", m.getName(), t[0]);
            System.out.printf("%s_median=%.3f%n", m.getName(), warm[warm.length / 2]);
        }
        Method served = plan.getClass().getDeclaredMethod("served");
        Method total = plan.getClass().getDeclaredMethod("totalScore");
        Method penalty = plan.getClass().getDeclaredMethod("penalty");
        served.setAccessible(true);
        total.setAccessible(true);
        penalty.setAccessible(true);
        System.out.println("optimum_served=" + served.invoke(plan));
        System.out.println("optimum_score=" + BigDecimal.valueOf((long) total.invoke(plan), 3).toPlainString());
        System.out.println("optimum_penalty=" + BigDecimal.valueOf((long) penalty.invoke(plan), 3).toPlainString());
    }

    static int thousandths(String number) {
        return new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
