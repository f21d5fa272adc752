-- What a commitment's revision changed: the commitment as it stood before and as revised (title,
-- description, goals, pledged resources), so that no revision goes by without saying what it changed.
-- Revisions stored before this version show it after a replay of the commitments read model.
alter table commitment_entry add column revision jsonb;
