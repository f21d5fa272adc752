-- Idempotency keys live in the event store's transaction: a command's events and its
-- recorded answer commit together or not at all.
create table idempotency_key (
    subject             varchar(255) not null,
    idempotency_key     varchar(255) not null,
    request_fingerprint varchar(64)  not null,
    outcome             text,
    created_at          timestamptz  not null default now(),
    primary key (subject, idempotency_key)
);

-- Set-based validation: lookups the aggregates consult, kept in step with the events by a
-- subscribing processor in the same transaction as the append.
create table organisation_lookup (
    organisation_id     uuid        primary key,
    organisation_number varchar(9)  not null unique
);

create table partnership_lookup (
    partnership_id uuid        primary key,
    kind           varchar(32) not null,
    concluded      boolean     not null default false
);

create table membership_lookup (
    partnership_id  uuid    not null,
    organisation_id uuid    not null,
    active          boolean not null,
    primary key (partnership_id, organisation_id)
);

create table goal_lookup (
    partnership_id uuid not null,
    goal_id        uuid not null,
    primary key (partnership_id, goal_id)
);
