package no.partnerskap.projections.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers, dates and bar lengths as a page in the reader's language shows them. */
public final class PageFormat {

    /** An instant as each language writes it on the page that also writes its days so. */
    private static final DateTimeFormatter TIME_NB = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm:ss z",
            Locale.forLanguageTag("nb"));
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("MMMM d, yyyy, HH:mm:ss z",
            Locale.ENGLISH);

    static final String NONE = "–";

    /** The ISO 4217 codes, as a resource's unit names money (stored in capitals). */
    private static final java.util.Set<String> CURRENCIES = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Locale locale;
    private final ZoneId zone;
    private final LocalDate today;

    public PageFormat(Locale locale, ZoneId zone, LocalDate today) {
        this.locale = locale;
        this.zone = zone;
        this.today = today;
    }

    public LocalDate today() {
        return today;
    }

    /**
     * A recorded amount to its last decimal (rounded to two, 0.004 MNOK pledged would read as none, and 4.0045 MNOK
     * as 4.00); a computed figure (a median, a double) to two.
     */
    public String number(Number value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(value instanceof BigDecimal amount
                ? Math.max(0, amount.stripTrailingZeros().scale()) : 2);
        return format.format(value);
    }

    /**
     * An amount in its unit: money with øre or cents to two decimals at least (375 000,50 kr, not 375 000,5), as
     * its readers write it; any other unit as {@link #number(Number)}.
     */
    public String amount(BigDecimal value, String unit) {
        if (value == null || unit == null || !CURRENCIES.contains(unit)
                || value.stripTrailingZeros().scale() <= 0) {
            return number(value);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(Math.max(2, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    /** A percentage given as 0-100, e.g. 30.0 as "30%" in English, "30 %" in Norwegian. */
    public String percent(Number value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(new BigDecimal(value.toString()).movePointLeft(2));
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; a dash when there is no whole. */
    public String percentOf(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return NONE;
        }
        return percent(part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP));
    }

    /** A count's share of a whole, as text beside the bar that draws it (a bar alone says nothing to a screen reader). */
    public String shareOf(long part, long whole) {
        return percentOf(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    public String date(LocalDate date) {
        return date == null ? NONE : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    public String date(Instant instant) {
        return instant == null ? NONE : date(instant.atZone(zone).toLocalDate());
    }

    /** An instant to the second, in the follow-up time zone: when a report was built or a checkpoint sealed. */
    public String time(Instant instant) {
        return instant == null ? NONE : ("nb".equals(locale.getLanguage()) ? TIME_NB : TIME_EN)
                .format(instant.atZone(zone));
    }

    /** As {@link #time(Instant)}, for an instant kept as ISO-8601 text (a checkpoint's signed sealedAt). */
    public String time(String isoInstant) {
        return isoInstant == null ? NONE : time(Instant.parse(isoInstant));
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public String iso(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toLocalDate().toString();
    }

    /**
     * The length of a bar for {@code value} on a scale to {@code max}, as an SVG length in
     * percent units from 0 to 100 (with a dot, whatever the language).
     */
    public String share(Number value, Number max) {
        if (value == null || max == null) {
            return "0";
        }
        double whole = max.doubleValue();
        if (whole <= 0) {
            return "0";
        }
        double share = Math.max(0, Math.min(100, value.doubleValue() * 100 / whole));
        return String.format(Locale.ROOT, "%.2f", share);
    }

    /** The larger of two amounts (null counting as nothing), the scale of a pair of bars. */
    public BigDecimal larger(BigDecimal a, BigDecimal b) {
        BigDecimal x = a == null ? BigDecimal.ZERO : a;
        BigDecimal y = b == null ? BigDecimal.ZERO : b;
        return x.max(y);
    }

    /** Where the next segment of a stacked bar starts, after the values before it. */
    public String offset(Number max, Number... before) {
        double sum = 0;
        for (Number n : before) {
            sum += n == null ? 0 : n.doubleValue();
        }
        return share(sum, max);
    }
}
