-- Names and titles sort as a Norwegian reader expects: letters before their case (aker, Aker, Bergen), and
-- Æ, Ø, Å after Z in that order. The database's own collation (C in the embedded database) put every
-- lower-case name after every capital and Å before Æ. ICU, which PostgreSQL is built with on every major
-- distribution, gives the Norwegian order; without ICU the names keep byte order rather than refusing to
-- start. The collation is deterministic, so equality stays byte for byte.
do $$
begin
    if exists (select 1 from pg_collation where collprovider = 'i') then
        create collation norwegian (provider = icu, locale = 'nb-NO');
    else
        create collation norwegian from "C";
    end if;
end
$$;

alter table organisation_view alter column name type text collate norwegian;
alter table partnership_view alter column name type text collate norwegian;
alter table goal_view alter column title type text collate norwegian;
alter table goal_revision alter column title type text collate norwegian;
alter table commitment_view alter column title type text collate norwegian;
alter table milestone_view alter column title type text collate norwegian;
