-- The query side owns the "query" schema: its tracking tokens and its read tables. It only reads
-- the command schema's event store. Dropping this schema and restarting rebuilds everything.
create schema if not exists query;

create table query.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- One row per book, folded from the Book events (processing group "book-details").
create table query.book (
    book_id          uuid          primary key,
    isbn             char(13)      not null,
    title            text          not null,
    authors          text[]        not null,
    category         text          not null,
    price            numeric(9, 2) not null,
    lendable_copies  integer       not null,
    available_copies integer       not null,
    stock            integer       not null,
    available_stock  integer       not null,
    status           varchar(16)   not null,
    registered_at    timestamptz   not null,
    updated_at       timestamptz   not null
);
