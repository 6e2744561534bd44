-- Issue 3: the "book-details" read model becomes "catalog" (details and listings), and the
-- "authors" and "categories" read models appear.

-- A renamed processing group is a new tracking processor. Without a token it starts at the first
-- event, so the table it fills must start empty, and the old group's token is dead weight.
delete from query.token_entry where processor_name = 'book-details';
truncate query.book;

alter table query.book
    -- TitleSortKey: pinyin with tones, what sort=title orders by.
    add column title_sort text not null,
    -- Copies sold; orders will fill it, sort=-sales reads it.
    add column sales bigint not null default 0,
    -- The available=true|false filter; derived, so it can never disagree with the counts.
    add column available boolean generated always as (available_copies > 0 or available_stock > 0) stored;

-- Counts change on every loan and sale later; room on the page lets those updates stay HOT
-- (no new index entries) while no indexed column changes.
alter table query.book set (fillfactor = 90);

-- Listing indexes. Partial on ACTIVE, so retired books cost the listings nothing. Each key is one
-- sort order and ends in book_id, so pages are stable; INCLUDE carries the remaining filters
-- (price, available), so a page's ids come from an index-only scan. The category variants serve
-- category-filtered listings in the same order.
create index book_by_title on query.book (title_sort, title, book_id) include (price, available)
    where status = 'ACTIVE';
create index book_by_price on query.book (price, book_id) include (available)
    where status = 'ACTIVE';
create index book_by_newest on query.book (registered_at, book_id) include (price, available)
    where status = 'ACTIVE';
create index book_by_sales on query.book (sales, book_id) include (price, available)
    where status = 'ACTIVE';
create index book_by_category_title on query.book (category, title_sort, title, book_id) include (price, available)
    where status = 'ACTIVE';
create index book_by_category_price on query.book (category, price, book_id) include (available)
    where status = 'ACTIVE';
create index book_by_category_newest on query.book (category, registered_at, book_id) include (price, available)
    where status = 'ACTIVE';
create index book_by_category_sales on query.book (category, sales, book_id) include (price, available)
    where status = 'ACTIVE';
-- available=false picks a minority (no copy to lend and nothing to sell), which the indexes above
-- would find only by reading past every available book; these small ones hold just those books.
create index book_unavailable_by_title on query.book (title_sort, title, book_id) include (price)
    where status = 'ACTIVE' and not available;
create index book_unavailable_by_price on query.book (price, book_id)
    where status = 'ACTIVE' and not available;
create index book_unavailable_by_newest on query.book (registered_at, book_id) include (price)
    where status = 'ACTIVE' and not available;
create index book_unavailable_by_sales on query.book (sales, book_id) include (price)
    where status = 'ACTIVE' and not available;
-- The author filter (authors @> array[...]). Without the pending list, a read never has to scan
-- unmerged entries, so latency stays even during a bulk import.
create index book_by_author on query.book using gin (authors) with (fastupdate = off)
    where status = 'ACTIVE';

-- Exact counts of ACTIVE books per (category, available), kept by the catalog projection in the
-- same transaction as query.book, so a listing's total without author or price filter is a sum of
-- a few rows instead of count(*) over the catalog.
create table query.book_tally (
    category  text    not null,
    available boolean not null,
    n         bigint  not null,
    primary key (category, available)
);

-- The same counts split by whole yuan (floor(price)), for totals with a price range: whole yuan
-- inside the range are summed here, and only the books in the range's partial first and last
-- yuan are counted in query.book (through the price indexes), so the cost does not grow with the
-- width of the range.
create table query.book_price_tally (
    category  text    not null,
    available boolean not null,
    yuan      integer not null,
    n         bigint  not null,
    primary key (category, available, yuan)
);

-- Read model "authors": which ACTIVE book credits which author, and the resulting counts. The
-- membership lets a handler diff a book's old and new authors, so handling an event twice
-- changes nothing.
create table query.author_book (
    book_id uuid not null,
    author  text not null,
    primary key (book_id, author)
);

create table query.author (
    name  text    primary key,
    books integer not null check (books > 0)
);
create index author_by_books on query.author (books desc, name);

-- Read model "categories", the same shape with one category per book.
create table query.category_book (
    book_id  uuid primary key,
    category text not null
);

create table query.category (
    name  text    primary key,
    books integer not null check (books > 0)
);
create index category_by_books on query.category (books desc, name);
