-- A sort of about work_mem or more: :rows accounts ordered by a key no index has. 200,000 rows
-- take some 12 to 20 MB in a sort: the sort fills work_mem, then spills the rest ("Sort Method:
-- external merge"), or at 16MB about fits ("quicksort Memory: 14438kB" in one run). Either way
-- a running sort holds about work_mem.
-- Runs while fidelity_phase.phase is 1 or 2, as in tpcb.sql; counted in the sequence
-- fidelity_sorts.
\set lo random(1, 100000 * :scale - :rows)
SELECT phase FROM fidelity_phase \gset
\if :phase > 0
SELECT nextval('fidelity_sorts') AS sorts \gset
SELECT aid, abalance FROM pgbench_accounts WHERE aid BETWEEN :lo AND :lo + :rows - 1
  ORDER BY abalance, filler OFFSET :rows - 10;
\else
\sleep 500 ms
\endif
