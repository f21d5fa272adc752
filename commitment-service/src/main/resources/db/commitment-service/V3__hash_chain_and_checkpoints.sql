-- Tamper evidence. Every event carries the hash of its aggregate's previous event and its own
-- hash, computed here, in the database, as the row is appended: no writer can append without
-- them. The canonical form is the same as EventRecord.hash in the audit-verifier module:
--   sha256(prev_hash || lp(type) || lp(aggregate_identifier) || int8(sequence_number)
--          || lp(event_identifier) || lp(payload_type) || lp(time_stamp) || lp(payload) || lp(meta_data))
-- where lp(x) is x's length as a 4-byte big-endian integer (-1 for null) followed by x.

create function length_prefixed(value bytea) returns bytea
    language sql immutable
as $$
    select case when value is null then int4send(-1) else int4send(length(value)) || value end
$$;

create function event_hash(prev_hash bytea, type text, aggregate_identifier text, sequence_number bigint,
                           event_identifier text, payload_type text, time_stamp text, payload bytea,
                           meta_data bytea) returns bytea
    language sql immutable
    set search_path = event_store, pg_catalog
as $$
    select sha256(prev_hash
        || length_prefixed(convert_to(type, 'UTF8'))
        || length_prefixed(convert_to(aggregate_identifier, 'UTF8'))
        || int8send(sequence_number)
        || length_prefixed(convert_to(event_identifier, 'UTF8'))
        || length_prefixed(convert_to(payload_type, 'UTF8'))
        || length_prefixed(convert_to(time_stamp, 'UTF8'))
        || length_prefixed(payload)
        || length_prefixed(meta_data))
$$;

alter table domain_event_entry add column prev_hash bytea, add column event_hash bytea;

-- chain whatever is already stored, in order
do $$
declare
    e record;
    previous bytea;
begin
    for e in select * from domain_event_entry order by aggregate_identifier, sequence_number loop
        if e.sequence_number = 0 then
            previous := decode(repeat('00', 32), 'hex');
        else
            select d.event_hash into previous from domain_event_entry d
            where d.aggregate_identifier = e.aggregate_identifier and d.sequence_number = e.sequence_number - 1;
        end if;
        update domain_event_entry set prev_hash = previous,
            event_hash = event_hash(previous, e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier,
                                    e.payload_type, e.time_stamp, e.payload, e.meta_data)
        where global_index = e.global_index;
    end loop;
end $$;

alter table domain_event_entry alter column prev_hash set not null, alter column event_hash set not null;

create function chain_event() returns trigger
    language plpgsql
    set search_path = event_store, pg_catalog
as $$
declare
    previous bytea;
begin
    if new.sequence_number = 0 then
        previous := decode(repeat('00', 32), 'hex');
    else
        select d.event_hash into previous from domain_event_entry d
        where d.aggregate_identifier = new.aggregate_identifier and d.sequence_number = new.sequence_number - 1;
        if previous is null then
            raise exception 'cannot append event % of aggregate %: its previous event is missing',
                new.sequence_number, new.aggregate_identifier using errcode = 'P0001';
        end if;
    end if;
    new.prev_hash := previous;
    new.event_hash := event_hash(previous, new.type, new.aggregate_identifier, new.sequence_number,
                                 new.event_identifier, new.payload_type, new.time_stamp, new.payload, new.meta_data);
    return new;
end $$;

create trigger domain_event_entry_chain before insert on domain_event_entry
    for each row execute function chain_event();

create function refuse_change() returns trigger
    language plpgsql
as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each row execute function refuse_change();
create trigger domain_event_entry_no_truncate before truncate on domain_event_entry
    for each statement execute function refuse_change();

-- Signed checkpoints: each seals the events in (from_position, to_position] with their Merkle
-- root and links to the previous checkpoint. See the audit-verifier module.
create table checkpoint (
    number          bigint      primary key,
    from_position   bigint      not null,
    to_position     bigint      not null unique,
    event_count     bigint      not null,
    merkle_root     varchar(64) not null,
    previous_hash   varchar(64) not null,
    sealed_at       varchar(40) not null,
    key_id          varchar(16) not null,
    checkpoint_hash varchar(64) not null,
    signature       text        not null
);

create trigger checkpoint_append_only before update or delete on checkpoint
    for each row execute function refuse_change();

-- public keys of the checkpoint signatures, published to auditors
create table signing_key (
    key_id        varchar(16) primary key,
    public_key    text        not null,
    first_used_at timestamptz not null default now()
);

grant select on checkpoint, signing_key to ${projectionRole};
