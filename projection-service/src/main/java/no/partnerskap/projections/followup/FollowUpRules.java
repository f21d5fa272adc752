package no.partnerskap.projections.followup;

/**
 * Status and follow-up signal of a commitment, derived from its read model row {@code c} and
 * the date {@code :today}, as SQL so lists can filter and count by them.
 * <ul>
 * <li>status: ACTIVE, OVERDUE (active and past due), FULFILLED, PARTIALLY_FULFILLED,
 *     NOT_FULFILLED, WITHDRAWN;</li>
 * <li>signal: OVERDUE; AT_RISK when due within 30 days with progress under 50 %, or no report
 *     for 90 days, or a follow-up request open for more than 14 days; ON_TRACK otherwise;
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

    public static final String SIGNAL = """
            (case when c.status <> 'ACTIVE' then 'CLOSED'
                  when c.due_date < :today then 'OVERDUE'
                  when (c.due_date <= :today + 30 and coalesce(c.latest_percent, 0) < 50)
                    or coalesce(c.last_reported_on, c.recorded_on) <= :today - 90
                    or c.open_follow_up_since < :today - 14 then 'AT_RISK'
                  else 'ON_TRACK' end)""";

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
