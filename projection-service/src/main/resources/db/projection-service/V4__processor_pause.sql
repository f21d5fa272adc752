-- A rebuild resets every segment of its processor. While one instance resets, it asks the others,
-- through a row here, to stop that processor and let go of their segments; they start it again
-- when the row is gone (or has expired: its instance died during the reset).
create table processor_pause (
    processor_name varchar(255) primary key,
    requested_by   varchar(255) not null,
    requested_at   timestamptz  not null
);
