-- Tracking tokens: written in the same transaction as the read models they describe, so
-- every event is applied exactly once.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table organisation_view (
    organisation_id     uuid primary key,
    name                varchar(200) not null,
    organisation_number varchar(9)   not null,
    sector              varchar(32)  not null,
    version             bigint       not null
);

create table partnership_view (
    partnership_id           uuid primary key,
    name                     varchar(200) not null,
    kind                     varchar(32)  not null,
    parent_partnership_id    uuid,
    mandate                  text,
    purpose                  text,
    working_methods          text,
    disagreement_procedure   text,
    period_from              date,
    period_to                date,
    convenor_organisation_id uuid         not null,
    agreement_signed_on      date,
    agreement_reference      varchar(200),
    concluded                boolean      not null default false,
    conclusion_reason        text,
    established_at           timestamptz  not null,
    version                  bigint       not null
);

create table partnership_member (
    partnership_id  uuid        not null,
    organisation_id uuid        not null,
    role            varchar(16) not null,
    representation  varchar(16) not null,
    active          boolean     not null,
    admitted_at     timestamptz not null,
    left_at         timestamptz,
    leave_reason    text,
    primary key (partnership_id, organisation_id)
);
