package jp.tsunagu.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives, never stores: the target in force (markers resolved), the achievement rate (達成率) and
 * grade (評価) of every year with an actual, the change from the previous year, and for targets
 * beyond the last actual whether the trend of the actuals reaches them.
 * <ul>
 *   <li>INCREASE: actual ÷ target.</li>
 *   <li>DECREASE: (baseline − actual) ÷ (baseline − target); target ÷ actual where there is no baseline.</li>
 *   <li>MAINTAIN: met (grade A) when actual ≥ the reference (target in force, else baseline); otherwise
 *   actual ÷ reference.</li>
 * </ul>
 * A year without its own target is measured against the next later target (the goal ahead), else
 * the latest earlier one; that target is then the row's target in force, and {@code referenceYear} says
 * whose it is.
 */
public final class Achievement {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Grade thresholds in percent: A ≥ a, B ≥ b, C ≥ c, D below. */
    public record Thresholds(BigDecimal a, BigDecimal b, BigDecimal c) {
        public static final Thresholds DEFAULT = new Thresholds(BigDecimal.valueOf(100), BigDecimal.valueOf(80), BigDecimal.valueOf(50));
    }

    /** A stored value of one series (one indicator and option): a number or a marker. */
    public record Point(int fiscalYear, ValueKind kind, BigDecimal value, Marker marker) {
    }

    /** The derived row of one fiscal year of one series. */
    public record Row(int fiscalYear, BigDecimal baseline, Integer baselineYear, BigDecimal target, Marker targetMarker,
                      BigDecimal targetInForce, Integer referenceYear, BigDecimal actual, Marker actualMarker,
                      BigDecimal achievementRate, Grade grade, BigDecimal changeFromPrevious,
                      BigDecimal projected, Boolean onTrack) {
    }

    private record Entry(BigDecimal value, Marker marker) {
    }

    private Achievement() {
    }

    public static List<Row> rows(Direction direction, Thresholds thresholds, List<Point> points) {
        TreeMap<Integer, BigDecimal> baselines = new TreeMap<>();
        TreeMap<Integer, Entry> targets = new TreeMap<>();
        TreeMap<Integer, Entry> actuals = new TreeMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Point p : points) {
            years.add(p.fiscalYear());
            switch (p.kind()) {
                case BASELINE -> {
                    if (p.value() != null) {
                        baselines.put(p.fiscalYear(), p.value());
                    }
                }
                case TARGET -> targets.put(p.fiscalYear(), new Entry(p.value(), p.marker()));
                case ACTUAL -> actuals.put(p.fiscalYear(), new Entry(p.value(), p.marker()));
            }
        }
        TreeMap<Integer, BigDecimal> numericActuals = new TreeMap<>();
        actuals.forEach((y, e) -> {
            if (e.value() != null) {
                numericActuals.put(y, e.value());
            }
        });
        Integer lastActualYear = numericActuals.isEmpty() ? null : numericActuals.lastKey();
        Trend trend = Trend.of(numericActuals, baselines);

        List<Row> rows = new ArrayList<>();
        for (int year : years) {
            Map.Entry<Integer, BigDecimal> base = baselines.floorEntry(year) != null ? baselines.floorEntry(year) : baselines.firstEntry();
            BigDecimal baseline = base == null ? null : base.getValue();
            Entry target = targets.get(year);
            BigDecimal inForce = target == null ? null : resolve(target, year, baselines, numericActuals);
            Entry actual = actuals.get(year);

            BigDecimal rate = null;
            Grade grade = null;
            Integer referenceYear = null;
            if (actual != null && actual.value() != null) {
                Integer refYear = referenceYear(year, targets, baselines, numericActuals);
                BigDecimal reference = refYear == null ? null : resolve(targets.get(refYear), refYear, baselines, numericActuals);
                if (reference == null && direction == Direction.MAINTAIN) {
                    reference = baseline;
                }
                if (reference != null) {
                    referenceYear = refYear;
                    if (inForce == null) {
                        // The row shows the target its actual was measured against.
                        inForce = reference;
                    }
                    rate = rate(direction, baseline, reference, actual.value());
                    grade = direction == Direction.MAINTAIN && actual.value().compareTo(reference) >= 0 ? Grade.A : grade(rate, thresholds);
                }
            }
            BigDecimal change = null;
            if (actual != null && actual.value() != null && numericActuals.containsKey(year - 1)) {
                change = actual.value().subtract(numericActuals.get(year - 1));
            }
            BigDecimal projected = null;
            Boolean onTrack = null;
            if (inForce != null && lastActualYear != null && year > lastActualYear && trend != null) {
                projected = trend.at(year).setScale(2, RoundingMode.HALF_UP);
                onTrack = switch (direction) {
                    case INCREASE, MAINTAIN -> projected.compareTo(inForce) >= 0;
                    case DECREASE -> projected.compareTo(inForce) <= 0;
                };
            }
            rows.add(new Row(year, baseline, base == null ? null : base.getKey(),
                    target == null ? null : target.value(), target == null ? null : target.marker(), inForce, referenceYear,
                    actual == null ? null : actual.value(), actual == null ? null : actual.marker(),
                    rate, grade, change, projected, onTrack));
        }
        return rows;
    }

    /** The target of this year with its marker resolved; null for "***". */
    private static BigDecimal resolve(Entry target, int year, TreeMap<Integer, BigDecimal> baselines,
                                      TreeMap<Integer, BigDecimal> numericActuals) {
        if (target == null) {
            return null;
        }
        if (target.value() != null) {
            return target.value();
        }
        return switch (target.marker()) {
            case NOT_APPLICABLE -> null;
            case MAINTAIN_BASELINE -> {
                Map.Entry<Integer, BigDecimal> base = baselines.floorEntry(year);
                yield base != null ? base.getValue() : baselines.isEmpty() ? null : baselines.firstEntry().getValue();
            }
            case MAINTAIN_PREVIOUS -> {
                Map.Entry<Integer, BigDecimal> previous = numericActuals.lowerEntry(year);
                if (previous != null) {
                    yield previous.getValue();
                }
                Map.Entry<Integer, BigDecimal> base = baselines.lowerEntry(year);
                yield base == null ? null : base.getValue();
            }
        };
    }

    /** The year whose target measures this year's actual: its own, else the next later, else the latest earlier. */
    private static Integer referenceYear(int year, TreeMap<Integer, Entry> targets, TreeMap<Integer, BigDecimal> baselines,
                                         TreeMap<Integer, BigDecimal> numericActuals) {
        if (resolve(targets.get(year), year, baselines, numericActuals) != null) {
            return year;
        }
        for (Integer later = targets.higherKey(year); later != null; later = targets.higherKey(later)) {
            if (resolve(targets.get(later), later, baselines, numericActuals) != null) {
                return later;
            }
        }
        for (Integer earlier = targets.lowerKey(year); earlier != null; earlier = targets.lowerKey(earlier)) {
            if (resolve(targets.get(earlier), earlier, baselines, numericActuals) != null) {
                return earlier;
            }
        }
        return null;
    }

    static BigDecimal rate(Direction direction, BigDecimal baseline, BigDecimal target, BigDecimal actual) {
        BigDecimal ratio = switch (direction) {
            case INCREASE, MAINTAIN -> target.signum() == 0 ? null : actual.divide(target, MC);
            case DECREASE -> {
                if (baseline != null && baseline.compareTo(target) != 0) {
                    yield baseline.subtract(actual).divide(baseline.subtract(target), MC);
                }
                yield actual.signum() == 0 ? BigDecimal.ONE : target.divide(actual, MC);
            }
        };
        return ratio == null ? null : ratio.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
    }

    static Grade grade(BigDecimal rate, Thresholds t) {
        if (rate == null) {
            return null;
        }
        if (rate.compareTo(t.a()) >= 0) {
            return Grade.A;
        }
        if (rate.compareTo(t.b()) >= 0) {
            return Grade.B;
        }
        if (rate.compareTo(t.c()) >= 0) {
            return Grade.C;
        }
        return Grade.D;
    }

    /** Least-squares line through the actuals (with the baseline when there is only one actual). */
    private record Trend(double slope, double intercept) {

        static Trend of(TreeMap<Integer, BigDecimal> actuals, TreeMap<Integer, BigDecimal> baselines) {
            TreeMap<Integer, BigDecimal> points = new TreeMap<>(actuals);
            if (points.size() == 1 && !baselines.isEmpty() && baselines.firstKey() < points.firstKey()) {
                points.put(baselines.firstKey(), baselines.firstEntry().getValue());
            }
            if (points.isEmpty()) {
                return null;
            }
            if (points.size() == 1) {
                return new Trend(0, points.firstEntry().getValue().doubleValue());
            }
            double n = points.size();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (Map.Entry<Integer, BigDecimal> e : points.entrySet()) {
                double x = e.getKey();
                double y = e.getValue().doubleValue();
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            return new Trend(slope, (sy - slope * sx) / n);
        }

        BigDecimal at(int year) {
            return BigDecimal.valueOf(slope * year + intercept);
        }
    }
}
