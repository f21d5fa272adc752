package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheLookupsTest {

    private static final String BEFORE = """
            # HELP partnerships_aggregate_cache_lookups_total commands by what the aggregate cache held
            # TYPE partnerships_aggregate_cache_lookups_total counter
            partnerships_aggregate_cache_lookups_total{application="commitment-service",result="hit"} 100.0
            partnerships_aggregate_cache_lookups_total{application="commitment-service",result="miss"} 50.0
            partnerships_aggregate_cache_lookups_total{application="commitment-service",result="stale"} 0.0
            partnerships_aggregate_cache_size{application="commitment-service"} 140.0
            """;

    @Test
    void a_phase_is_told_by_what_its_commands_found() {
        CacheLookups after = CacheLookups.parse(BEFORE.replace("} 100.0", "} 720.0").replace("} 50.0", "} 310.0")
                .replace("\"stale\"} 0.0", "\"stale\"} 20.0"));

        CacheLookups phase = after.since(CacheLookups.parse(BEFORE));

        assertEquals(new CacheLookups(620, 20, 260), phase);
        assertEquals("69 % of commands found their aggregate cached (2 % behind the store, 29 % not cached or new)",
                phase.describe());
    }

    @Test
    void counters_not_exported_count_nothing() {
        assertEquals(new CacheLookups(0, 0, 0), CacheLookups.parse("# no such counter\n"));
    }
}
