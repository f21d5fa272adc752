-- Each definition and revision of a goal keeps the whole goal as it then stood, not only its baseline and
-- target: a revision that moved the target date, renamed the indicator or changed the SDG targets showed as
-- no change. Filled here from the goals' events already stored, in the order the projector numbered them
-- (the definition 0, each revision the next); half a surrogate pair, which older versions stored as a JSON
-- escape that jsonb refuses, is read as U+FFFD.
alter table goal_revision
    add column title       text,
    add column indicator   text,
    add column unit        text,
    add column target_date date,
    add column sdg_targets text[];

with goal_events as (
    select j ->> 'goalId' as goal_id, j,
           row_number() over (partition by j ->> 'goalId' order by global_index) - 1 as revision
    from (select e.global_index,
                 regexp_replace(convert_from(e.payload, 'UTF8'), '\\u[dD][89a-fA-F][0-9a-fA-F]{2}', '\\ufffd',
                                'g')::jsonb as j
          from event_store.domain_event_entry e
          where e.payload_type in ('no.partnerskap.api.partnership.PartnershipEvent$ResultGoalDefined',
                                   'no.partnerskap.api.partnership.PartnershipEvent$ResultGoalRevised')) stored
)
update goal_revision r
set title       = g.j ->> 'title',
    indicator   = g.j ->> 'indicator',
    unit        = g.j ->> 'unit',
    target_date = (g.j ->> 'targetDate')::date,
    sdg_targets = array(select jsonb_array_elements_text(coalesce(g.j -> 'sdgTargets', '[]'::jsonb)))
from goal_events g
where r.goal_id::text = g.goal_id and r.revision = g.revision;
