package no.partnerskap.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Small helpers for figures: histograms in microseconds, medians, ratios, formatting. */
final class Stats {

    private Stats() {
    }

    /** Latencies from 1 µs to 5 minutes, 3 significant digits. */
    static Histogram histogram() {
        return new Histogram(1, 300_000_000L, 3);
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }

    /** "0.42×", or "n/a" when either side is missing. */
    static String ratio(double value, double baseline) {
        if (Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", value / baseline);
    }

    static String f(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Two decimals, for small figures such as milliseconds of CPU. */
    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
