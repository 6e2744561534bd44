-- Set-based rule "one book per ISBN": a claim is inserted in the same transaction that appends
-- BookRegistered, so two racing registrations of one ISBN cannot both commit.
create table command.isbn_claim (
    isbn       char(13)    primary key,
    book_id    uuid        not null unique,
    claimed_at timestamptz not null default now()
);
