-- A user's e-mail address (issue 16), optional: reminders are also mailed to it when the server has a
-- mail server configured. 254 characters: the longest address SMTP carries (RFC 5321 path limit).
alter table app_user add column email varchar(254);
