-- The audit trail (the audit-trail module's AuditTrail writes it, AuditLog reads it): one row per
-- administrative action, written in the action's transaction. Rows are final.
create table audit_entries (
    id          uuid primary key,
    at          timestamptz not null,
    actor       text not null,
    actor_name  text,
    action      text not null,
    target_type text not null,
    target_id   text not null,
    account_id  uuid,
    before      jsonb,
    after       jsonb,
    request_id  text
);

-- Pages run newest first by (at, id); the filters staff use most have their own.
create index audit_entries_newest on audit_entries (at desc, id desc);
create index audit_entries_by_target on audit_entries (target_id, at desc, id desc);
create index audit_entries_by_account on audit_entries (account_id, at desc, id desc) where account_id is not null;
create index audit_entries_by_actor on audit_entries (actor, at desc, id desc);

create function audit_entries_are_final() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries cannot be changed or deleted';
end
$$;

create trigger audit_entries_final before update or delete on audit_entries
    for each row execute function audit_entries_are_final();
