package no.partnerskap.api.commitment;

import java.math.BigDecimal;

/** Resources pledged or delivered: an amount of money (NOK), person-days or something in kind. */
public record Resource(ResourceKind kind, BigDecimal amount, String unit) {
}
