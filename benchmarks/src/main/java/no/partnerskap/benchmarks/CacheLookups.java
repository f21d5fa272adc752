package no.partnerskap.benchmarks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What commitment-service's aggregate cache held for the commands of a phase, from its counter
 * {@code partnerships_aggregate_cache_lookups_total}: a command whose aggregate is not cached loads
 * it from the store (snapshot and events since), so a phase with fewer hits is not comparable.
 */
record CacheLookups(double hit, double stale, double miss) {

    private static final Pattern LINE = Pattern.compile(
            "^partnerships_aggregate_cache_lookups_total\\{[^}]*result=\"(hit|stale|miss)\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);

    /** The counters in a Prometheus text exposition; those not in it count 0. */
    static CacheLookups parse(String prometheus) {
        double hit = 0;
        double stale = 0;
        double miss = 0;
        Matcher m = LINE.matcher(prometheus);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "hit" -> hit = value;
                case "stale" -> stale = value;
                default -> miss = value;
            }
        }
        return new CacheLookups(hit, stale, miss);
    }

    CacheLookups since(CacheLookups before) {
        return new CacheLookups(hit - before.hit, stale - before.stale, miss - before.miss);
    }

    /** e.g. "62 % of commands found their aggregate cached (0 % behind the store, 38 % not cached or new)". */
    String describe() {
        double all = Math.max(1, hit + stale + miss);
        return String.format(Locale.ROOT, "%.0f %% of commands found their aggregate cached (%.0f %% behind the "
                + "store, %.0f %% not cached or new)", 100 * hit / all, 100 * stale / all, 100 * miss / all);
    }
}
