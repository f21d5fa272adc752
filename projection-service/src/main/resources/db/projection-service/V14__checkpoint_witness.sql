-- Each checkpoint as projection-service first saw it, with the public key that signed it, kept in this service's
-- own schema: commitment-service's role owns the event store and can switch its triggers off, but cannot write
-- here. A checkpoint that is later replaced (its events rewritten, re-signed with a key added for the purpose) or
-- deleted no longer matches what was seen, and the online check says so.
create table checkpoint_witness (
    number          bigint      primary key,
    checkpoint_hash varchar(64) not null,
    key_id          varchar(16) not null,
    public_key      text,
    seen_at         timestamptz not null default now()
);

create function refuse_witness_change() returns trigger
    language plpgsql
as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create trigger checkpoint_witness_append_only before update or delete on checkpoint_witness
    for each row execute function refuse_witness_change();
