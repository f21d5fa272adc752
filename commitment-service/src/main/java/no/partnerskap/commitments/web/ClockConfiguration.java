package no.partnerskap.commitments.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Today" for recording dates, in the partnerships' own time zone. Tests replace the clock. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${partnerships.time-zone:Europe/Oslo}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
