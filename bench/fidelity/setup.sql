-- Run once per case after pgbench -i: the phase flag the load scripts read, pg_prewarm, and a
-- sequence that counts the sorts started.
SET client_min_messages = warning;
DROP TABLE IF EXISTS fidelity_phase;
CREATE TABLE fidelity_phase (phase int NOT NULL);
INSERT INTO fidelity_phase VALUES (1);
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
DROP SEQUENCE IF EXISTS fidelity_sorts;
CREATE SEQUENCE fidelity_sorts;
