package no.partnerskap.projections.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock a test sets to any day, so status and signals can be checked as time passes. */
@TestConfiguration
public class TestClock extends Clock {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private volatile Instant now = Instant.now();

    @Bean
    @Primary
    Clock testClock() {
        return this;
    }

    public void setToday(LocalDate today) {
        now = today.atTime(12, 0).atZone(OSLO).toInstant();
    }

    public void reset() {
        now = Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return OSLO;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
