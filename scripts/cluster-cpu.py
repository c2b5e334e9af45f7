#!/usr/bin/env python3
"""CPU seconds (user + system) of one PostgreSQL cluster so far: its postmaster, every live process under it, and the
children it has reaped (backends and parallel workers that ended). Samples every 0.5 s until the cluster stops and
prints the last sample: `scripts/cluster-cpu.py DATA_DIR` beside a load, for the server's share of a load's CPU."""
import os, sys, time

def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    fields = s[s.rindex(")") + 2:].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]   # ppid, utime stime cutime cstime

def total(postmaster):
    tick = os.sysconf("SC_CLK_TCK")
    _, own = stat(postmaster)
    cpu = sum(own)
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) != postmaster:
            try:
                ppid, t = stat(int(name))
            except OSError:
                continue
            if ppid == postmaster:
                cpu += t[0] + t[1]
    return cpu / tick

data = sys.argv[1]
last, pid = None, None
while True:
    try:
        with open(os.path.join(data, "postmaster.pid")) as f:
            pid = int(f.readline())
        last = total(pid)
    except (OSError, ValueError):
        if last is not None:
            break
    time.sleep(0.5)
print(f"cluster CPU {last:.1f} s")
