-- Sharing a resident's contact details with a supporter needs a legal basis: the resident's consent (recipient.consent),
-- or a decision of a 支援会議 under 社会福祉法 第106条の6 (its members are bound to confidentiality, so information
-- may be shared among them without consent). Each decision is recorded with the meeting, who decided and who recorded it.
create table sharing_decision (
    id            bigserial    primary key,
    recipient_id  bigint       not null references recipient (id) on delete cascade,
    meeting_date  date         not null,
    meeting_name  varchar(200) not null,
    decided_by    varchar(200) not null,
    note          text,
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz  not null default now()
);
create index sharing_decision_recipient_idx on sharing_decision (recipient_id, meeting_date);
