-- pgbench's built-in "tpcb-like" transaction, gated by fidelity_phase.phase: 1 runs it; 2 runs
-- sort.sql's sort instead (every client sorting at once); 0 idles (\sleep) with the connection
-- open. The driver, bench/fidelity.sh, sets the phase.
\set aid random(1, 100000 * :scale)
\set bid random(1, 1 * :scale)
\set tid random(1, 10 * :scale)
\set delta random(-5000, 5000)
\set lo random(1, 100000 * :scale - :rows)
SELECT phase FROM fidelity_phase \gset
\if :phase = 1
BEGIN;
UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
END;
\elif :phase = 2
SELECT nextval('fidelity_sorts') AS sorts \gset
SELECT aid, abalance FROM pgbench_accounts WHERE aid BETWEEN :lo AND :lo + :rows - 1
  ORDER BY abalance, filler OFFSET :rows - 10;
\else
\sleep 500 ms
\endif
