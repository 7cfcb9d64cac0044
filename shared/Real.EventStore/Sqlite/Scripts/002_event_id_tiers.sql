-- Event-id uniqueness in two tiers instead of one unique index on events.event_id. Ids are random, so each of the
-- ~1000 events of a batch landed on a different page of that index, and every commit rewrote ~1000 index pages
-- (4 MiB of WAL for 250 KB of events). Now:
--   * event_ids holds the ids of every event up to event_id_merge.merged_position, keyed by id (WITHOUT ROWID: the
--     table is the index). It is only written in bulk, ids sorted, so a merge touches each of its pages at most once;
--   * ids of later events are the recent tier: the writer keeps them in memory, loaded from events (the source of
--     truth) by position, and every append first catches up on events other processes appended.
-- A writer checks both tiers before it inserts (SqliteEventIdIndex); the PRIMARY KEY of event_ids stays the last
-- line of defence (a merge that meets a duplicate fails instead of losing it).
CREATE TABLE event_ids (
    event_id BLOB    NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO event_ids (event_id, position) SELECT event_id, position FROM events ORDER BY event_id;

CREATE TABLE event_id_merge (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    merged_position INTEGER NOT NULL
);
INSERT INTO event_id_merge (id, merged_position) SELECT 1, coalesce(max(position), 0) FROM events;

DROP INDEX events_event_id;
