-- When a partnership was concluded, so the annual report to the county council can leave out
-- partnerships concluded before the year. Rows concluded before this column existed stay null
-- until the read model is replayed; the council report always rebuilds from the events.
alter table partnership_view add column concluded_at timestamptz;
