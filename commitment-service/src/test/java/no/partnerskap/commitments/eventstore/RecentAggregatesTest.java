package no.partnerskap.commitments.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentAggregatesTest {

    @Test
    void forgets_the_least_recently_used_beyond_its_capacity() {
        RecentAggregates cache = new RecentAggregates(2);
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((Object) cache.get("a")).isEqualTo("A");

        cache.put("c", "C");

        assertThat(cache.containsKey("a")).as("used just now").isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void knows_no_version_of_what_it_does_not_hold() {
        RecentAggregates cache = new RecentAggregates(2);
        assertThat(cache.cachedVersion("unknown")).isNull();
        assertThat(cache.putIfAbsent("a", "A")).isTrue();
        assertThat(cache.putIfAbsent("a", "B")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.containsKey("a")).isFalse();
    }
}
