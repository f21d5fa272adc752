package no.partnerskap.api.commitment;

import java.math.BigDecimal;
import java.util.UUID;

/** A commitment's contribution to a result goal's indicator. */
public record IndicatorValue(UUID goalId, BigDecimal value) {
}
