-- Read models of the follow-up dashboards. Projectors address these tables without a schema
-- (the connection's search_path is the projection schema), so a point-in-time rebuild can
-- shadow them with temporary tables of the same names.

create table goal_view (
    partnership_id uuid         not null,
    goal_id        uuid         primary key,
    title          varchar(200) not null,
    indicator      text,
    unit           varchar(200),
    baseline       numeric,
    target         numeric,
    target_date    date,
    sdg_targets    text[]       not null default '{}',
    revisions      integer      not null default 0
);

-- every definition and revision of a goal: a re-baselined target stays visible next to the old one
create table goal_revision (
    goal_id           uuid        not null,
    revision          integer     not null,
    baseline          numeric,
    target            numeric,
    previous_baseline numeric,
    previous_target   numeric,
    reason            text,
    recorded_at       timestamptz not null,
    primary key (goal_id, revision)
);

create table meeting_view (
    meeting_id        uuid primary key,
    partnership_id    uuid not null,
    meeting_date      date not null,
    agenda            text,
    minutes_reference varchar(200)
);

create table meeting_attendance (
    meeting_id      uuid        not null,
    partnership_id  uuid        not null,
    organisation_id uuid        not null,
    representation  varchar(16) not null,
    primary key (meeting_id, organisation_id)
);

create table disagreement_view (
    disagreement_id            uuid primary key,
    partnership_id             uuid         not null,
    organisation_id            uuid         not null,
    subject                    varchar(200) not null,
    description                text,
    state                      varchar(16)  not null,
    resolution                 text,
    dissent                    text,
    dissenting_organisation_ids uuid[],
    raised_at                  timestamptz  not null,
    closed_at                  timestamptz
);

create table commitment_view (
    commitment_id             uuid primary key,
    partnership_id            uuid         not null,
    organisation_id           uuid         not null,
    title                     varchar(200) not null,
    description               text,
    goal_ids                  uuid[]       not null default '{}',
    recorded_on               date         not null,
    original_due_date         date         not null,
    due_date                  date         not null,
    status                    varchar(24)  not null,
    closed_on                 date,
    latest_percent            integer,
    latest_report_as_of       date,
    last_reported_on          date,
    latest_assessment         varchar(16),
    open_follow_up_since      date,
    version                   bigint       not null
);
create index commitment_view_partnership on commitment_view (partnership_id);
create index commitment_view_organisation on commitment_view (organisation_id);

create table commitment_resource (
    commitment_id uuid        not null,
    kind          varchar(16) not null,
    unit          varchar(50) not null,
    pledged       numeric     not null default 0,
    delivered     numeric     not null default 0,
    primary key (commitment_id, kind, unit)
);

-- the commitment's timeline: every report, revision, extension, request and assessment
create table commitment_entry (
    commitment_id   uuid        not null,
    sequence_number bigint      not null,
    kind            varchar(24) not null,
    recorded_at     timestamptz not null,
    recorded_by     varchar(255),
    as_of           date,
    percent         integer,
    level           varchar(16),
    result          varchar(24),
    due_date        date,
    text            text,
    reason          text,
    evidence        text[],
    primary key (commitment_id, sequence_number)
);

create table milestone_view (
    milestone_id  uuid primary key,
    commitment_id uuid         not null,
    title         varchar(200) not null,
    due_date      date,
    completed_on  date
);

create table indicator_value (
    commitment_id  uuid    not null,
    goal_id        uuid    not null,
    partnership_id uuid    not null,
    value          numeric not null,
    primary key (commitment_id, goal_id)
);
