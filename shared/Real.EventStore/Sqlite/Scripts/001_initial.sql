-- The global log. position is the global position (1, 2, 3, ... without gaps): the rowid, assigned under the
-- single writer lock in append order. data and metadata are BLOBs holding the UTF-8 JSON exactly as appended,
-- because the hash chain covers those bytes. event_id is the 16-byte RFC 9562 (big-endian) form of the UUID.
CREATE TABLE events (
    position    INTEGER PRIMARY KEY,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    category    TEXT    NOT NULL,
    event_id    BLOB    NOT NULL,
    event_type  TEXT    NOT NULL,
    data        BLOB    NOT NULL,
    metadata    BLOB    NOT NULL,
    created_us  INTEGER NOT NULL,
    hash        BLOB    NOT NULL
);

CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
CREATE UNIQUE INDEX events_event_id ON events (event_id);
CREATE INDEX events_category_position ON events (category, position);

-- The log head: last position and last hash. Every append reads and updates it inside its transaction.
CREATE TABLE log_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    hash     BLOB    NOT NULL
);
INSERT INTO log_head (id, position, hash) VALUES (1, 0, zeroblob(32));

-- Durable per-subscriber checkpoints: the global position of the last event a subscriber has handled.
CREATE TABLE checkpoints (
    subscription_id TEXT    PRIMARY KEY,
    position        INTEGER NOT NULL,
    updated_us      INTEGER NOT NULL
);

-- Append-only: the store never updates or deletes an event. These triggers stop accidents; a determined editor
-- can drop them, which is what the hash chain and `real verify` are for.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
