package no.partnerskap.projections.followup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Status and follow-up signal of a commitment, derived from its read model row {@code c} and
 * the date {@code :today}, as SQL so lists can filter and count by them.
 * <ul>
 * <li>status: ACTIVE, OVERDUE (active and past due), FULFILLED, PARTIALLY_FULFILLED,
 *     NOT_FULFILLED, WITHDRAWN;</li>
 * <li>signal: OVERDUE; AT_RISK when due within 30 days with progress under 50 %, or no report
 *     for 90 days, or a follow-up request open for more than 14 days (or, when it named a day to answer by,
 *     unanswered after that day); ON_TRACK otherwise;
 *     CLOSED once closed;</li>
 * <li>divergent: the secretariat's latest assessment and the partner's latest report are more
 *     than one level apart, reading the percentage as a level: 0 % NOT_STARTED, 1-39 % LIMITED,
 *     40-79 % SUBSTANTIAL, 80-100 % COMPLETE.</li>
 * </ul>
 */
public final class FollowUpRules {

    public static final String STATUS =
            "(case when c.status = 'ACTIVE' and c.due_date < :today then 'OVERDUE' else c.status end)";

    /** Days past the due date, for an overdue commitment only. */
    public static final String DAYS_OVERDUE = "(case when " + STATUS + " = 'OVERDUE' then :today - c.due_date end)";

    /** The conditions that make an active commitment, not yet due, at risk; each by the name a reader is told. */
    private static final Map<String, String> AT_RISK_WHEN = new LinkedHashMap<>();

    static {
        AT_RISK_WHEN.put("DUE_WITHIN_30_DAYS_UNDER_HALF_DONE",
                "(c.due_date <= :today + 30 and coalesce(c.latest_percent, 0) < 50)");
        AT_RISK_WHEN.put("NO_REPORT_FOR_90_DAYS", "(coalesce(c.last_reported_on, c.recorded_on) <= :today - 90)");
        // a request that named the day to answer by is overdue from that day, not before and not after 14 days:
        // the secretariat's own date (the README and the note say so)
        AT_RISK_WHEN.put("FOLLOW_UP_OPEN_OVER_14_DAYS",
                "(c.open_follow_up_respond_by is null and c.open_follow_up_since < :today - 14)");
        AT_RISK_WHEN.put("FOLLOW_UP_PAST_RESPOND_BY", "(c.open_follow_up_respond_by < :today)");
    }

    public static final String SIGNAL = """
            (case when c.status <> 'ACTIVE' then 'CLOSED'
                  when c.due_date < :today then 'OVERDUE'
                  when %s then 'AT_RISK'
                  else 'ON_TRACK' end)""".formatted(String.join(" or ", AT_RISK_WHEN.values()));

    /** The names of the conditions that make the commitment at risk (empty unless its signal is AT_RISK), as text[]. */
    public static final String AT_RISK_BECAUSE = """
            (case when c.status = 'ACTIVE' and c.due_date >= :today
                  then array_remove(array[%s]::text[], null) else '{}'::text[] end)""".formatted(
            AT_RISK_WHEN.entrySet().stream().map(w -> "case when " + w.getValue() + " then '" + w.getKey() + "' end")
                    .collect(Collectors.joining(", ")));

    /** The names {@link #AT_RISK_BECAUSE} gives. */
    public static Set<String> atRiskReasons() {
        return Collections.unmodifiableSet(AT_RISK_WHEN.keySet());
    }

    /**
     * The secretariat's latest assessment and the partner's latest report are more than one level apart. Once
     * the partner has reported the outcome, that is its latest report: fulfilled is complete, partially fulfilled
     * substantial, not fulfilled limited (a fulfilled commitment whose last progress report said 35 % was
     * flagged against an assessment of complete).
     */
    public static final String DIVERGENT = """
            (c.latest_assessment is not null
             and (c.latest_percent is not null or c.status in ('FULFILLED', 'PARTIALLY_FULFILLED', 'NOT_FULFILLED'))
             and abs(
                (case c.latest_assessment when 'NOT_STARTED' then 0 when 'LIMITED' then 1
                                          when 'SUBSTANTIAL' then 2 else 3 end)
              - (case c.status when 'FULFILLED' then 3 when 'PARTIALLY_FULFILLED' then 2 when 'NOT_FULFILLED' then 1
                 else case when c.latest_percent = 0 then 0 when c.latest_percent < 40 then 1
                           when c.latest_percent < 80 then 2 else 3 end end)) > 1)""";

    /**
     * The commitment's pledge still stands on {@code :today}: from the day it is withdrawn a commitment
     * pledges nothing, so every view of resources pledged (dashboard, SDG coverage, council report as of
     * its report date) leaves its resources out. Delivered resources come from outcomes and are not
     * touched by this.
     */
    public static final String PLEDGE_STANDS = "(c.status <> 'WITHDRAWN' or c.closed_on > :today)";

    private FollowUpRules() {
    }
}
