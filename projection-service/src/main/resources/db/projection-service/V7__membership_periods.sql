-- Each period an organisation was a member, not only the latest: the council report, rebuilt for a report
-- date, lists who sat in the partnership then, and a member that left and joined again had lost its
-- earlier period. Filled from the latest periods known; a replay of partnership-follow-up gives them all.
create table membership_period (
    partnership_id  uuid        not null,
    organisation_id uuid        not null,
    admitted_at     timestamptz not null,
    left_at         timestamptz,
    primary key (partnership_id, organisation_id, admitted_at)
);

insert into membership_period (partnership_id, organisation_id, admitted_at, left_at)
select partnership_id, organisation_id, admitted_at, left_at from partnership_member;
