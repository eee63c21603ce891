-- Issue 13.5: a retired receiving agency (Sở LĐ-TB&XH) hands reports still to be received or reviewed to its holder
-- (Sở Nội vụ); the obligation remembers whom it was addressed to before, so history shows both.
alter table obligation add column receiver_handed_over_from varchar(40);
