"""A small process that starts the GUI child processes for window_N and peak_memory_N.

Why: Linux carries a process's peak RSS across ``fork`` and ``execve`` into the child's
``getrusage(RUSAGE_SELF).ru_maxrss`` (the forked copy of the parent's memory counts), so a
child started from the benchmark runner — hundreds of MB after ranking 10,000 initiatives
— would report the runner's peak, not its own. The runner starts this spawner first,
while it is still small, and asks it to start each child.

Protocol (one JSON object per line): stdin ``{"args": [...], "env": {...}, "cwd": str,
"stderr": path}``; stdout ``{"line": text}`` for every line the child prints, then
``{"exit": code, "cpu": seconds of the child's CPU}``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> int:
    for request in sys.stdin:
        if not request.strip():
            continue
        job = json.loads(request)
        c0 = _cpu()
        with open(job["stderr"], "w") as err:
            proc = subprocess.Popen(job["args"], cwd=job["cwd"], env=job["env"],
                                    stdout=subprocess.PIPE, stderr=err, text=True)
            assert proc.stdout is not None
            for line in proc.stdout:
                sys.stdout.write(json.dumps({"line": line.rstrip("\n")}) + "\n")
                sys.stdout.flush()
            code = proc.wait()
        sys.stdout.write(json.dumps({"exit": code, "cpu": _cpu() - c0}) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
