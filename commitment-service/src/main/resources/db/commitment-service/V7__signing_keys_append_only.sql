-- A published public key is never changed or taken back, as the checkpoints it verifies are not: a key swapped
-- for one of a forger's own made every checkpoint the forger re-signed verify. New keys are still added.
create trigger signing_key_append_only before update or delete on signing_key
    for each row execute function refuse_change();
create trigger signing_key_no_truncate before truncate on signing_key
    for each statement execute function refuse_change();
