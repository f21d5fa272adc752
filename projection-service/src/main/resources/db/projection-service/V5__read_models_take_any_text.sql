-- A read model takes whatever its events hold: a text longer than a column's limit (a token subject of
-- 300 characters in recorded_by) stopped the processor for good, since the event cannot change. The
-- write side's limits stay where they are; here every bounded text column of the read models becomes
-- text. PostgreSQL changes varchar(n) to text without rewriting the table.
do $$
declare
    col record;
begin
    for col in
        select c.table_name, c.column_name
        from information_schema.columns c
        where c.table_schema = current_schema() and c.data_type = 'character varying'
          and c.table_name not in ('token_entry', 'processor_pause', 'flyway_schema_history')
    loop
        execute format('alter table %I alter column %I type text', col.table_name, col.column_name);
    end loop;
end $$;
