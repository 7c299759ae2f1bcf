-- The sign-in throttle's counts (LoginThrottle), shared by every instance on this database: one row per
-- user name ("name:...") and per client address ("address:..."). Times are epoch milliseconds.
-- failures: failures in a row (per name) or in the window (per address); locked_until: end of a running
-- lock, null when none; expires_at: when the row may be forgotten (end of the lock, or the lockout
-- period after the last failure). Each failure is counted by one UPDATE statement, so that two
-- instances counting at once never lose a failure.
create table login_failure (
    tracking_key varchar(1000) not null primary key,
    failures integer not null,
    locked_until bigint,
    expires_at bigint not null
);
create index login_failure_expires_at on login_failure (expires_at);
