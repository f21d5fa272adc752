-- Which commitments of a partnership are still open (recorded, with neither an outcome nor a
-- withdrawal): a partnership concludes only when none is, so that no commitment is left
-- without an ending. Kept in step by the same subscribing processor as the other lookups.
create table commitment_lookup (
    commitment_id  uuid    primary key,
    partnership_id uuid    not null,
    open           boolean not null
);

create index commitment_lookup_open on commitment_lookup (partnership_id) where open;

-- the commitments recorded before this table existed (one pass over the store); text stored with
-- half a surrogate pair holds a JSON escape that jsonb refuses, so such escapes are read as U+FFFD
insert into commitment_lookup (commitment_id, partnership_id, open)
select r.aggregate_identifier::uuid,
       (regexp_replace(convert_from(r.payload, 'UTF8'), '\\u[dD][89a-fA-F][0-9a-fA-F]{2}', '\\ufffd', 'g')::jsonb
            ->> 'partnershipId')::uuid,
       not exists (select 1 from domain_event_entry c
                   where c.aggregate_identifier = r.aggregate_identifier
                     and c.payload_type in ('no.partnerskap.api.commitment.CommitmentEvent$OutcomeReported',
                                            'no.partnerskap.api.commitment.CommitmentEvent$CommitmentWithdrawn'))
from domain_event_entry r
where r.payload_type = 'no.partnerskap.api.commitment.CommitmentEvent$CommitmentRecorded';
