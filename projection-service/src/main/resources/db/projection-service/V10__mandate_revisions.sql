-- Each revision of a partnership's mandate with its reason and the mandate it replaced, as a goal's
-- revisions are kept: the dashboard showed only the latest mandate, and why it changed was in the audit
-- history alone. Filled from the revisions already stored (U+0000 and half a surrogate pair, which older
-- versions stored as JSON escapes that jsonb refuses, are read as U+FFFD).
create table mandate_revision (
    partnership_id   uuid        not null,
    sequence_number  bigint      not null,
    previous_mandate text,
    mandate          text        not null,
    reason           text,
    recorded_at      timestamptz not null,
    primary key (partnership_id, sequence_number)
);

insert into mandate_revision (partnership_id, sequence_number, previous_mandate, mandate, reason, recorded_at)
select r.aggregate_identifier::uuid, r.sequence_number, r.j ->> 'previousMandate', r.j ->> 'mandate', r.j ->> 'reason',
       r.time_stamp::timestamptz
from (select e.aggregate_identifier, e.sequence_number, e.time_stamp,
             regexp_replace(convert_from(e.payload, 'UTF8'), '\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})', '\\ufffd',
                            'g')::jsonb
                 as j
      from event_store.domain_event_entry e
      where e.payload_type = 'no.partnerskap.api.partnership.PartnershipEvent$MandateRevised') r;
