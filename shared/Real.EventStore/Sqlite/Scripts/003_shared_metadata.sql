-- Metadata shared by neighbouring events of one append is stored once. Events appended together nearly always carry
-- one metadata object (every intake batch does: its source file, the producing service, the schema version), and in
-- each row it was ~80 of a rating's ~560 stored bytes. Now:
--   * a run of consecutive events of one append that share one metadata object stores its bytes once in
--     event_metadata; those events hold its id in metadata_id and an empty metadata blob;
--   * an event with metadata_id NULL keeps its metadata inline: every event written before this script, and any
--     event whose metadata its neighbour does not share.
-- The hash chain covers the metadata bytes themselves, wherever they are stored, so `real verify` catches an edit of
-- an event_metadata row (at the first event that refers to it) as it catches an edit of an events row.
CREATE TABLE event_metadata (
    id       INTEGER PRIMARY KEY,
    metadata BLOB    NOT NULL
);

ALTER TABLE events ADD COLUMN metadata_id INTEGER;

CREATE TRIGGER event_metadata_no_update BEFORE UPDATE ON event_metadata
BEGIN
    SELECT RAISE(ABORT, 'event metadata is append-only');
END;

CREATE TRIGGER event_metadata_no_delete BEFORE DELETE ON event_metadata
BEGIN
    SELECT RAISE(ABORT, 'event metadata is append-only');
END;
