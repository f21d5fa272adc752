-- The day the open follow-up request asked to be answered by, so the lists of open requests can say
-- it. Filled here from the requests already projected: the latest request since the partner last
-- reported that named a day (a reminder without one leaves the day asked before standing).
alter table commitment_view add column open_follow_up_respond_by date;

update commitment_view c set open_follow_up_respond_by = (
    select r.due_date from commitment_entry r
    where r.commitment_id = c.commitment_id and r.kind = 'FOLLOW_UP_REQUESTED' and r.due_date is not null
      and r.sequence_number > coalesce((select max(a.sequence_number) from commitment_entry a
                                        where a.commitment_id = c.commitment_id
                                          and a.kind in ('PROGRESS', 'MILESTONE_COMPLETED', 'OUTCOME', 'WITHDRAWN')), -1)
    order by r.sequence_number desc limit 1)
where c.open_follow_up_since is not null;
