#!/usr/bin/env python3
"""CPU seconds by kind of process (chromium, portal, test host, postgres, node, other) sampled every second until
killed (SIGTERM/SIGINT prints the table): per-process utime+stime deltas, attributed by command line. With a PID,
only that process's descendants count: `scripts/cpu-by-process-kind.py $(pgrep -f "dotnet test AdminPortal.E2E")`
beside an E2E run (docs/testing.md). A process born between two samples counts from its start; one that ends
between two samples loses at most its last second."""
import os, time, signal, sys, collections
tick = os.sysconf("SC_CLK_TCK")
first = True
prev = {}; acc = collections.Counter(); kindof = {}
def kind(cmd):
    if 'chromium' in cmd: return 'chromium'
    if 'AdminPortal.dll' in cmd: return 'portal'
    if 'testhost' in cmd or 'AdminPortal.E2E' in cmd or 'AdminPortal.Tests' in cmd: return 'testhost'
    if cmd.startswith('postgres') or '/postgresql/' in cmd: return 'postgres'
    if 'node' in cmd: return 'node(playwright)'
    if 'dotnet' in cmd: return 'dotnet-other'
    return 'other'
root = int(sys.argv[1]) if len(sys.argv) > 1 else None
parent = {}
def under_root(pid):
    if root is None: return True
    seen = 0
    while seen < 50:
        if pid == root: return True
        if pid <= 1: return False
        pid = parent.get(pid, 0); seen += 1
    return False
def done(*_):
    tot = sum(acc.values())
    for k, v in acc.most_common(): print(f"{v:9.1f} s  {100*v/tot:5.1f} %  {k}")
    print(f"{tot:9.1f} s  total"); sys.exit(0)
signal.signal(signal.SIGTERM, done); signal.signal(signal.SIGINT, done)
while True:
    for pid in sorted(int(n) for n in os.listdir('/proc') if n.isdigit()):
        try:
            with open(f'/proc/{pid}/stat') as f: s = f.read()
            fields = s[s.rindex(')') + 2:].split()
            parent[pid] = int(fields[1])
            cpu = (int(fields[11]) + int(fields[12])) / tick
            if pid not in kindof:
                if not under_root(pid): kindof[pid] = None; continue
                with open(f'/proc/{pid}/cmdline','rb') as f: kindof[pid] = kind(f.read().replace(b'\0', b' ').decode(errors='replace'))
        except OSError: continue
        if kindof.get(pid) is None: continue
        if pid in prev: acc[kindof[pid]] += max(0, cpu - prev[pid])
        elif not first: acc[kindof[pid]] += cpu   # born since the last sample
        prev[pid] = cpu
    first = False
    time.sleep(1)
