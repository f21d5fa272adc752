package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medians_ratios_and_percentiles() {
        assertEquals(2.0, Stats.median(new long[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new long[] {4, 1, 3, 2}));
        assertEquals("0.50×", Stats.ratio(50, 100));
        assertEquals("n/a", Stats.ratio(1, 0));
        assertEquals(200.0, Stats.perSecond(100, 500_000_000L));
        Histogram h = Stats.histogram();
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L);
        }
        assertEquals(50.0, Stats.ms(h, 50), 0.1);
        assertEquals(99.0, Stats.ms(h, 99), 0.1);
    }
}
