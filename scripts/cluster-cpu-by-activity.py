#!/usr/bin/env python3
"""CPU of one PostgreSQL cluster by process and activity: samples every 0.5 s each process under the postmaster (/proc
stat and its title), attributes the CPU since the last sample to the title seen then (a parallel worker to its leader's
pid). `scripts/cluster-cpu-by-activity.py DATA_DIR` beside a load; prints the table when the cluster stops (decision 0045)."""
import os, sys, time, re, collections
tick = os.sysconf("SC_CLK_TCK")
data = sys.argv[1]
def stat(pid):
    with open(f"/proc/{pid}/stat") as f: s = f.read()
    fields = s[s.rindex(")") + 2:].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])
def title(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f: return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
prev = {}; acc = collections.Counter(); first = {}; lastseen = {}
t0 = None; pm = None
while True:
    try:
        with open(os.path.join(data, "postmaster.pid")) as f: pm = int(f.readline())
        os.kill(pm, 0)
    except (OSError, ValueError):
        if t0 is not None: break
        time.sleep(0.2); continue
    if t0 is None: t0 = time.time()
    now = time.time() - t0
    for name in os.listdir("/proc"):
        if not name.isdigit(): continue
        pid = int(name)
        try:
            ppid, cpu = stat(pid)
            if ppid != pm: continue
            t = title(pid)
        except OSError: continue
        t = re.sub(r"127\.0\.0\.1\(\d+\)", "", t).replace("postgres: ", "")
        m = re.search(r"parallel worker for PID (\d+)", t)
        key = (f"leader {m.group(1)}" if m else str(pid), "parallel worker" if m else t[:70])
        d = cpu - prev.get(pid, 0); prev[pid] = cpu
        if d: acc[key] += d
        first.setdefault(key, now); lastseen[key] = now
    time.sleep(0.5)
tot = sum(acc.values()) / tick
print(f"sampled cluster CPU {tot:.1f} s")
for (p, t), v in sorted(acc.items(), key=lambda kv: -kv[1]):
    if v / tick >= 0.5:
        print(f"{v/tick:7.1f} s  {first[(p,t)]:6.1f}-{lastseen[(p,t)]:6.1f}  {p:>12}  {t}")
