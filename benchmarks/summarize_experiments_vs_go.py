"""Summarizes benchmarks/experiments-vs-go.sh: per goal, Swift and Go medians (min-max over the
rounds) and the Swift/Go ratio, each Swift run divided by the mean of the Go runs before and after
it. Usage: summarize_experiments_vs_go.py OUTPUT_FOLDER ROUNDS"""
import json
import statistics
import sys
from pathlib import Path

folder, rounds = Path(sys.argv[1]), int(sys.argv[2])


def go_values(experiment, run):
    values = {}
    for line in (folder / f"go-{experiment}-{run}.txt").read_text().splitlines():
        name, value, _unit = line.split()
        values[name] = float(value)
    return values


def swift_maps(run):
    result = json.loads((folder / f"swift-maps-{run}.json").read_text())
    return {
        (workload["workload"], variant["variant"]): variant["milliseconds"]["median"]
        for workload in result["workloads"]
        for variant in workload["variants"]
    }


def swift_handoff(run):
    result = json.loads((folder / f"swift-handoff-{run}.json").read_text())
    return {m["variant"]: m["nanosecondsPerHandoff"]["median"] for m in result["measurements"]}


# (goal, Swift figure, Go figure, unit, limit): Swift/Go must be at most `limit`.
goals = [
    ("map write: mutex vs Go mutex map", ("maps", ("write", "mutex")), "maps.write.mutex", "ms", 1),
    ("map write: rwlock vs Go mutex map", ("maps", ("write", "rwlock")), "maps.write.mutex", "ms", 1),
    ("map write: sharded vs Go mutex map", ("maps", ("write", "sharded")), "maps.write.mutex", "ms", 1),
    ("map write: snapshot vs Go mutex map", ("maps", ("write", "snapshot")), "maps.write.mutex", "ms", 1),
    ("map write: snapshot vs sync.Map", ("maps", ("write", "snapshot")), "maps.write.syncmap", "ms", 1),
    ("map read: rwlock vs Go RWMutex map", ("maps", ("read", "rwlock")), "maps.read.rwmutex", "ms", 1),
    ("map read: snapshot vs sync.Map", ("maps", ("read", "snapshot")), "maps.read.syncmap", "ms", 1),
    ("handoff: tasks-one-thread vs GOMAXPROCS=1", ("handoff", "tasks-one-thread"), "handoff.gomaxprocs1", "ns", 1),
    ("handoff: tasks-pool vs all cores", ("handoff", "tasks-pool"), "handoff.gomaxprocsAll", "ns", 2),
]
readers = {"maps": swift_maps, "handoff": swift_handoff}
swift = {experiment: [read(run) for run in range(1, rounds + 1)] for experiment, read in readers.items()}
go = {experiment: [go_values(experiment, run) for run in range(0, rounds + 1)] for experiment in readers}


def spread(values, digits=3):
    return f"{statistics.median(values):.{digits}g} ({min(values):.{digits}g}–{max(values):.{digits}g})"


print(f"| goal | Swift | Go | Swift/Go | goal |")
print(f"| --- | ---: | ---: | ---: | --- |")
for name, (experiment, key), go_name, unit, limit in goals:
    swift_values = [run[key] for run in swift[experiment]]
    go_all = [run[go_name] for run in go[experiment]]
    ratios = [
        swift_values[index] / ((go_all[index] + go_all[index + 1]) / 2) for index in range(rounds)
    ]
    verdict = "met" if statistics.median(ratios) <= limit else "not met"
    print(
        f"| {name} | {spread(swift_values)} {unit} | {spread(go_all)} {unit} | "
        f"{spread(ratios)} | ≤ {limit}: {verdict} |"
    )
