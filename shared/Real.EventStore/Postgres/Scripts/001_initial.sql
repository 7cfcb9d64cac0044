-- The global log. position is the global position (1, 2, 3, ... without gaps), assigned by the append while it
-- holds the log_head row lock, so positions commit in order. data and metadata are bytea holding the UTF-8 JSON
-- exactly as appended (jsonb would rewrite the bytes the hash chain covers); see the events_readable view.
CREATE TABLE events (
    position    bigint      NOT NULL,
    stream      text        NOT NULL,
    revision    bigint      NOT NULL,
    category    text        NOT NULL,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    data        bytea       NOT NULL,
    metadata    bytea       NOT NULL,
    created     timestamptz NOT NULL,
    hash        bytea       NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (position),
    CONSTRAINT events_stream_revision_key UNIQUE (stream, revision),
    CONSTRAINT events_event_id_key UNIQUE (event_id)
);

CREATE INDEX events_category_position ON events (category, position);

-- The log head: last position and last hash. Every append locks this row (SELECT ... FOR UPDATE) first.
CREATE TABLE log_head (
    id       smallint NOT NULL PRIMARY KEY CHECK (id = 1),
    position bigint   NOT NULL,
    hash     bytea    NOT NULL
);
INSERT INTO log_head (id, position, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- Durable per-subscriber checkpoints: the global position of the last event a subscriber has handled.
CREATE TABLE checkpoints (
    subscription_id text        NOT NULL PRIMARY KEY,
    position        bigint      NOT NULL,
    updated         timestamptz NOT NULL DEFAULT now()
);

-- Append-only: the store never updates or deletes an event. The trigger stops accidents; a determined editor
-- can drop it, which is what the hash chain and `real verify` are for.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();

CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

-- For people reading the log with psql: the JSON as jsonb (for display only; the chain covers events.data).
CREATE VIEW events_readable AS
SELECT position, stream, revision, event_id, event_type,
       convert_from(data, 'UTF8')::jsonb     AS data,
       convert_from(metadata, 'UTF8')::jsonb AS metadata,
       created, encode(hash, 'hex')          AS hash
FROM events;
