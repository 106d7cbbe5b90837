#!/usr/bin/env python3
"""Memory of a server's process tree, read from /proc (Linux, run as root).

  pss.py once  ROOTPID [OUTFILE]           one reading, as JSON (to stdout or OUTFILE)
  pss.py watch ROOTPID OUTFILE [INTERVAL]  a reading every INTERVAL seconds (0.2) until SIGTERM
                                           or SIGINT, then the peak and the run's maxima, as JSON
  pss.py flat  FILE                        a JSON file's scalar leaves as "dotted.key<TAB>value"

The tree is ROOTPID and all its descendants (parents read from /proc/*/stat). Per process the
figures come from /proc/PID/smaps_rollup: Pss, and its Pss_Anon / Pss_File / Pss_Shmem parts.

PSS counts a shared-memory page only while some live process has it mapped: a PostgreSQL buffer
that only an exited backend touched is resident but in no one's PSS. So each reading also
states "shm_kib", the pages allocated in the tree's shared-memory objects (the anonymous
shared mapping, System V and /dev/shm segments; st_blocks of the object, deduplicated by
inode), and "footprint_kib" = sum of (Pss - Pss_Shmem) + shm_kib: private and file-backed
memory plus every resident shared page, mapped or not.
"""

import json
import os
import re
import signal
import statistics
import sys
import time

SHM_NAMES = ("/dev/zero (deleted)", "/SYSV", "/dev/shm/", "/memfd:")
ROLLUP_KEYS = {"Pss:": "pss", "Pss_Anon:": "anon", "Pss_File:": "file", "Pss_Shmem:": "shmem"}


def parents():
    """pid -> ppid for every process."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # comm may hold spaces and parentheses: the fields after the last ')' are safe.
        fields = stat[stat.rfind(b")") + 2:].split()
        out[int(name)] = int(fields[1])
    return out


def tree(root):
    children = {}
    for pid, ppid in parents().items():
        children.setdefault(ppid, []).append(pid)
    seen, todo = [], [root]
    while todo:
        pid = todo.pop()
        seen.append(pid)
        todo.extend(children.get(pid, ()))
    return seen


def rollup(pid):
    values = {"pss": 0, "anon": 0, "file": 0, "shmem": 0}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            key = ROLLUP_KEYS.get(parts[0]) if parts else None
            if key:
                values[key] = int(parts[1])
    return values


def title(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode(errors="replace").strip()


def kind(text):
    """A short class for a process title: 'client' for a PostgreSQL client backend."""
    if text.startswith("postgres: "):
        rest = text[len("postgres: "):]
        if "[local]" in rest or re.search(r"[0-9a-f.:]\(\d+\) ", rest):  # socket or host(port)
            return "client"
        return " ".join(rest.split()[:2])
    name = os.path.basename(text.split(" ", 1)[0]) or "?"
    return "postmaster" if name in ("postgres", "postmaster") else name


def tags(text):
    """What a process is doing, for the run's per-activity maxima. "maintenance" is any of
    VACUUM, autovacuum, CREATE INDEX and parallel workers (which build an index in parallel)."""
    out = []
    for needle, tag in (("VACUUM", "vacuum"), ("autovacuum worker", "autovacuum_worker"),
                        ("CREATE INDEX", "create_index"), ("parallel worker", "parallel_worker")):
        if needle in text:
            out.append(tag)
    return out + ["maintenance"] if out else out


def shm_allocated(pids, seen_inodes):
    """KiB allocated in the shared-memory objects the processes map, each object once."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/maps") as f:
                lines = f.readlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split(None, 5)
            if len(parts) < 6 or parts[1][3] != "s":
                continue
            path = parts[5].strip()
            if not path.startswith(SHM_NAMES):
                continue
            key = (parts[3], parts[4])
            if key in seen_inodes:
                continue
            try:
                st = os.stat(f"/proc/{pid}/map_files/{parts[0]}")
            except OSError:
                continue
            seen_inodes.add(key)
            total += st.st_blocks // 2
    return total


def reading(root):
    procs = []
    for pid in tree(root):
        try:
            values = rollup(pid)
            text = title(pid)
        except OSError:
            continue  # exited while being read
        values.update(pid=pid, kind=kind(text), tags=tags(text))
        procs.append(values)
    shm = shm_allocated([p["pid"] for p in procs], set())
    pss = sum(p["pss"] for p in procs)
    clients = [p for p in procs if p["kind"] == "client"]
    return {
        "pss_kib": pss,
        "anon_kib": sum(p["anon"] for p in procs),
        "shmem_pss_kib": sum(p["shmem"] for p in procs),
        "shm_kib": shm,
        "footprint_kib": pss - sum(p["shmem"] for p in procs) + shm,
        "procs": len(procs),
        "clients": len(clients),
        "client_pss_median_kib": statistics.median(p["pss"] for p in clients) if clients else None,
        "client_anon_median_kib": statistics.median(p["anon"] for p in clients) if clients else None,
        "client_anon_max_kib": max(p["anon"] for p in clients) if clients else None,
        "other_kinds": {k: sum(1 for p in procs if p["kind"] == k)
                        for k in sorted({p["kind"] for p in procs if p["kind"] != "client"})},
        "_procs": procs,
    }


def public(r):
    return {k: v for k, v in r.items() if not k.startswith("_")}


def watch(root, out, interval):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    start = time.monotonic()
    peak = peak_footprint = None
    samples = 0
    max_anon, max_anon_sum = {}, {}
    while not stop:
        t0 = time.monotonic()
        try:
            r = reading(root)
        except OSError:
            r = None
        if r and r["procs"]:
            samples += 1
            r["at_s"] = round(t0 - start, 1)
            if peak is None or r["pss_kib"] > peak["pss_kib"]:
                peak = r
            if peak_footprint is None or r["footprint_kib"] > peak_footprint["footprint_kib"]:
                peak_footprint = r
            sums = {}
            for p in r["_procs"]:
                for tag in p["tags"] + (["client"] if p["kind"] == "client" else []):
                    max_anon[tag] = max(max_anon.get(tag, 0), p["anon"])
                    sums[tag] = sums.get(tag, 0) + p["anon"]
            for tag, total in sums.items():
                max_anon_sum[tag] = max(max_anon_sum.get(tag, 0), total)
        # at least a quarter of the interval between readings, even when one took longer than
        # the interval: the sampler may run at real-time priority
        time.sleep(max(interval / 4, interval - (time.monotonic() - t0)))
    elapsed = time.monotonic() - start
    result = {
        "samples": samples,
        "seconds": round(elapsed, 1),
        "mean_interval_s": round(elapsed / samples, 2) if samples else None,
        "peak": public(peak) if peak else None,
        "peak_footprint": public(peak_footprint) if peak_footprint else None,
        # the largest Pss_Anon of one process doing it, and of all doing it at one sample
        "max_anon_kib": max_anon,
        "max_anon_sum_kib": max_anon_sum,
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


def flat(data, prefix=""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from flat(value, f"{prefix}{key}.")
    elif not isinstance(data, list) and data is not None:
        yield prefix[:-1], data


def main(argv):
    if len(argv) >= 3 and argv[1] == "once":
        text = json.dumps(public(reading(int(argv[2]))))
        if len(argv) > 3:
            with open(argv[3], "w") as f:
                f.write(text)
        else:
            print(text)
    elif len(argv) >= 3 and argv[1] == "flat":
        with open(argv[2]) as f:
            for key, value in flat(json.load(f)):
                print(f"{key}\t{value}")
    elif len(argv) >= 4 and argv[1] == "watch":
        interval = float(argv[4]) if len(argv) > 4 else 0.2
        watch(int(argv[2]), argv[3], interval)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
