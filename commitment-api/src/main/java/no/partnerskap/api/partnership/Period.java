package no.partnerskap.api.partnership;

import java.time.LocalDate;

/** The period a partnership runs for; {@code to} may be open. */
public record Period(LocalDate from, LocalDate to) {
}
