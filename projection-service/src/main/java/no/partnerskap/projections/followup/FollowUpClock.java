package no.partnerskap.projections.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Status and signals depend on today's date in the partnerships' time zone. The clock is a
 * bean so tests can move time.
 */
@Configuration
public class FollowUpClock {

    @Bean
    Clock clock(@Value("${partnerships.time-zone:Europe/Oslo}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    public static LocalDate dateOf(Instant instant, Clock clock) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }
}
