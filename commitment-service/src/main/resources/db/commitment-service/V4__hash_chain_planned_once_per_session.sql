-- The same hash chain as V3, computed for less: the trigger runs for every appended event, and
-- in V3 it took most of PostgreSQL's time per command.
--   * event_hash was a SQL-language function. PostgreSQL (before 18) keeps the prepared body of
--     such a function with the expression that calls it, and PL/pgSQL builds the trigger's
--     expressions anew in every transaction: the body was parsed and planned again for every
--     appended event. As a PL/pgSQL function its plan is kept for the session.
--   * Both functions had a SET search_path clause, which switches the setting on every call.
--     They now name this schema's objects with the schema instead, so they do not depend on the
--     caller's search_path; built-in functions and operators resolve in pg_catalog, which
--     PostgreSQL searches first. Neither is SECURITY DEFINER: they run with the writer's rights,
--     and a writer gains nothing from a search_path of its own.
-- The canonical form is unchanged (see V3, and EventRecord.hash in audit-verifier).

create or replace function event_hash(prev_hash bytea, type text, aggregate_identifier text, sequence_number bigint,
                                      event_identifier text, payload_type text, time_stamp text, payload bytea,
                                      meta_data bytea) returns bytea
    language plpgsql immutable
as $$
begin
    return sha256(prev_hash
        || event_store.length_prefixed(convert_to(type, 'UTF8'))
        || event_store.length_prefixed(convert_to(aggregate_identifier, 'UTF8'))
        || int8send(sequence_number)
        || event_store.length_prefixed(convert_to(event_identifier, 'UTF8'))
        || event_store.length_prefixed(convert_to(payload_type, 'UTF8'))
        || event_store.length_prefixed(convert_to(time_stamp, 'UTF8'))
        || event_store.length_prefixed(payload)
        || event_store.length_prefixed(meta_data));
end $$;

create or replace function chain_event() returns trigger
    language plpgsql
as $$
declare
    previous bytea;
begin
    if new.sequence_number = 0 then
        previous := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    else
        select d.event_hash into previous from event_store.domain_event_entry d
        where d.aggregate_identifier = new.aggregate_identifier and d.sequence_number = new.sequence_number - 1;
        if previous is null then
            raise exception 'cannot append event % of aggregate %: its previous event is missing',
                new.sequence_number, new.aggregate_identifier using errcode = 'P0001';
        end if;
    end if;
    new.prev_hash := previous;
    new.event_hash := event_store.event_hash(previous, new.type, new.aggregate_identifier, new.sequence_number,
                                             new.event_identifier, new.payload_type, new.time_stamp, new.payload,
                                             new.meta_data);
    return new;
end $$;
