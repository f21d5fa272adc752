-- The convenor shown follows the members: between one convenor's handover (or departure) and the next,
-- a partnership has none.
alter table partnership_view alter column convenor_organisation_id drop not null;
