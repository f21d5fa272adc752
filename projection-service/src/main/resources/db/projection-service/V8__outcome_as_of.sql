-- When an outcome was true (its asOf), beside when it was recorded (closed_on): a commitment
-- fulfilled by its due date but reported later was fulfilled on time, and the reporting lag
-- already shows the late report. Filled here from the outcomes already stored (half a surrogate
-- pair, which older versions stored as a JSON escape that jsonb refuses, is read as U+FFFD).
alter table commitment_view add column outcome_as_of date;

update commitment_view c set outcome_as_of = o.as_of
from (select e.aggregate_identifier,
             (regexp_replace(convert_from(e.payload, 'UTF8'), '\\u[dD][89a-fA-F][0-9a-fA-F]{2}', '\\ufffd', 'g')::jsonb
                  ->> 'asOf')::date as as_of
      from event_store.domain_event_entry e
      where e.payload_type = 'no.partnerskap.api.commitment.CommitmentEvent$OutcomeReported') o
where o.aggregate_identifier = c.commitment_id::text;
