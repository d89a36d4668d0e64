package jp.tsunagu.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A band distribution: counted from responses, or as published. Percentages to one decimal, rounded half up, as printed. */
record Distribution(Long respondents, List<BandShare> shares) {

    static final Distribution EMPTY = new Distribution(null, List.of());

    static Distribution counted(Map<SurveyBand, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return EMPTY;
        }
        List<BandShare> shares = new ArrayList<>();
        for (SurveyBand band : SurveyBand.values()) {
            long count = counts.getOrDefault(band, 0L);
            shares.add(new BandShare(band, band.label(), count, percent(count, total)));
        }
        return new Distribution(total, shares);
    }

    static Distribution published(Map<SurveyBand, BigDecimal> percents, Integer respondents) {
        if (percents.isEmpty()) {
            return EMPTY;
        }
        List<BandShare> shares = new ArrayList<>();
        for (SurveyBand band : SurveyBand.values()) {
            BigDecimal p = percents.get(band);
            shares.add(new BandShare(band, band.label(), null, p == null ? null : p.setScale(1, RoundingMode.HALF_UP)));
        }
        return new Distribution(respondents == null ? null : respondents.longValue(), shares);
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    boolean isEmpty() {
        return shares.isEmpty();
    }

    /**
     * The share of respondents in the given bands, over all respondents (no answers included, as the
     * source counts them): from the counts when there are counts, else the sum of the printed percentages
     * (3.1 % + 34.3 % = 37.4 %).
     */
    BigDecimal share(Collection<SurveyBand> bands) {
        if (isEmpty()) {
            return null;
        }
        boolean counted = shares.stream().allMatch(s -> s.count() != null);
        if (counted) {
            long part = shares.stream().filter(s -> bands.contains(s.band())).mapToLong(BandShare::count).sum();
            return percent(part, respondents);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BandShare s : shares) {
            if (bands.contains(s.band())) {
                if (s.percent() == null) {
                    return null;
                }
                sum = sum.add(s.percent());
            }
        }
        return sum.setScale(1, RoundingMode.HALF_UP);
    }

    BigDecimal percentOf(SurveyBand band) {
        return shares.stream().filter(s -> s.band() == band).findFirst().map(BandShare::percent).orElse(null);
    }
}
