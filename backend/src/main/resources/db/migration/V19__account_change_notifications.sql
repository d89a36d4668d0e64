-- Each replica keeps the accounts' standing (active, roles, districts, must-change-password) in memory and must
-- forget it the moment an account changes on any replica, or by hand: every statement that changes the account
-- tables, or the codes of the areas that are an account's districts, notifies the replicas when it commits
-- (jp.tsunagu.auth.AccountStandings LISTENs). PostgreSQL folds identical notifications of one transaction into one.
create function notify_account_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tsunagu_account_changed', '');
    return null;
end
$$;

create trigger account_changed after insert or update or delete or truncate on account
    for each statement execute function notify_account_changed();
create trigger account_role_changed after insert or update or delete or truncate on account_role
    for each statement execute function notify_account_changed();
create trigger account_district_changed after insert or update or delete or truncate on account_district
    for each statement execute function notify_account_changed();
create trigger account_area_code_changed after update of code or delete on area
    for each statement execute function notify_account_changed();
