-- Which strategic partnership each thematic network sits under: a strategic partnership concludes
-- only when its networks have, so that no network goes on working under a concluded partnership.
alter table partnership_lookup add column parent_partnership_id uuid;

create index partnership_lookup_parent on partnership_lookup (parent_partnership_id)
    where parent_partnership_id is not null;

-- the networks established before this column existed (one pass over the store); text stored with
-- half a surrogate pair holds a JSON escape that jsonb refuses, so such escapes are read as U+FFFD
update partnership_lookup l set parent_partnership_id = e.parent
from (select aggregate_identifier,
             (regexp_replace(convert_from(payload, 'UTF8'), '\\u[dD][89a-fA-F][0-9a-fA-F]{2}', '\\ufffd', 'g')::jsonb
                  ->> 'parentPartnershipId')::uuid as parent
      from domain_event_entry
      where payload_type = 'no.partnerskap.api.partnership.PartnershipEvent$PartnershipEstablished') e
where l.partnership_id::text = e.aggregate_identifier and e.parent is not null;
