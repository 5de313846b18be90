"""How large a machine a class needs: 1, 10 and 30 learners running lesson 02 on a real JupyterHub
(``make bench-hub``; several minutes, so not part of ``make bench``).

    .venv/bin/python benchmarks/hub_class.py [--sizes 1 10 30] [--json benchmarks/hub_results.json]

For each class size, a fresh hub (tests/hub_runner.py: JupyterHub from PyPI, the npm proxy, nbgitpuller,
SimpleLocalProcessSpawner with the kit's .venv, all on 127.0.0.1) serves a bare clone of the kit as it is on
disk.  Then, all learners at once, as at the start of a class:

1. **Arrive**: log in through the login form and open lesson 02's nbgitpuller link (the first click starts
   the learner's server and clones the kit), until JupyterLab's page for the notebook answers and the
   notebook can be read.  Figure: seconds from login to a ready notebook, per learner.
2. **Open the notebook**: a kernel per learner through the sessions API (as opening the notebook does),
   until it answers.  Figure: seconds per learner.
3. **Run All together**: every learner's kernel runs every code cell of lesson 02 in order, through the
   kernel websocket, as JupyterLab's *Run All* sends them (cells tagged ``raises-exception`` may fail, as in
   the lesson).  Figures: wall time until the last learner is done, each learner's own time, and the CPU
   seconds spent by the hub, proxy, servers and kernels (summed over their processes).
4. **Memory**, after Run All: each learner's single-user server and kernel (RSS, and PSS, which shares the
   pages processes share among them), the hub and proxy, and the peak of the whole run's RSS sampled
   every 0.5 s during Run All.

Figures are written to benchmarks/hub_results.json and printed.  They are wall-clock and CPU figures on a
shared machine: other programs running at the same time slow them (``machine_busy_cpus`` says how busy the
whole machine was during Run All).  Nothing is left running: every run ends by stopping the hub, and the
script fails if any process of the run is still there.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests.hub_runner import (Hub, Learner, bare_copy_of_the_kit, find_proxy, link_folder,  # noqa: E402
                              nbgitpuller_link)

LESSON = "02-who-speaks.ipynb"
DEFAULT_JSON = HERE / "hub_results.json"
LOGS = REPO / "build" / "hub-logs"  # each run's hub log, kept for a look afterwards (build/ is not committed)
MB = 1024 * 1024


def spread(values: list[float]) -> dict:
    """Median, largest and smallest of ``values``, rounded.

    >>> spread([3.0, 1.0, 2.0])
    {'median': 2.0, 'max': 3.0, 'min': 1.0}
    """
    return {"median": round(statistics.median(values), 2), "max": round(max(values), 2),
            "min": round(min(values), 2)}


def cpu_seconds(processes) -> dict[int, float]:
    """CPU seconds (user + system, with waited-for children) of each process, by pid."""
    spent = {}
    for process in processes:
        try:
            times = process.cpu_times()
            spent[process.pid] = times.user + times.system + times.children_user + times.children_system
        except Exception:  # noqa: BLE001 - it has just ended
            continue
    return spent


def learner_processes(hub: Hub, user: str) -> dict[str, object]:
    """The learner's single-user server and kernel processes."""
    found = {"server": None, "kernels": []}
    for process in hub.processes():
        try:
            if process.environ().get("JUPYTERHUB_USER") != user:
                continue
            command = " ".join(process.cmdline())
        except Exception:  # noqa: BLE001
            continue
        if "jupyterhub-singleuser" in command:
            found["server"] = process
        elif "ipykernel" in command:
            found["kernels"].append(process)
    return found


def memory(process) -> tuple[float, float]:
    """(RSS, PSS) of a process in MB."""
    info = process.memory_full_info()
    return info.rss / MB, getattr(info, "pss", info.rss) / MB


class PeakSampler(threading.Thread):
    """The largest total RSS of a hub run's processes, sampled every ``every`` seconds until stopped."""

    def __init__(self, hub: Hub, every: float = 0.5):
        super().__init__(daemon=True)
        self.hub, self.every, self.peak_mb = hub, every, 0.0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            total = 0
            for process in self.hub.processes():
                try:
                    total += process.memory_info().rss
                except Exception:  # noqa: BLE001
                    pass
            self.peak_mb = max(self.peak_mb, total / MB)
            self.done.wait(self.every)


def run_class(size: int, work: Path, repo_url: str, kernel_transport: str = "ipc") -> dict:
    import psutil

    folder = link_folder(repo_url)
    path = f"{folder}/notebooks/{LESSON}"
    users = [f"learner{n:03d}" for n in range(1, size + 1)]
    hub = Hub(work / f"hub-{size}", users, folder, start_timeout=900, keep_log=LOGS / f"hub-{size}.log",
              kernel_transport=kernel_transport)
    link = nbgitpuller_link(hub.url, repo_url, LESSON)
    learners = [Learner(hub, user, timeout=900) for user in users]
    kernels: dict[str, object] = {}
    result: dict = {"learners": size, "errors": []}
    started = time.perf_counter()
    hub.start()
    try:
        # 1. Everyone logs in and opens the link at once.
        def arrive(learner: Learner) -> float:
            begun = time.perf_counter()
            learner.log_in()
            opened = learner.open_link(link)
            if opened["page_status"] != 200:
                raise RuntimeError(f"{learner.name}: the notebook page answered {opened['page_status']}")
            learner.cells = [(cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"]),
                              "raises-exception" in cell.get("metadata", {}).get("tags", []))
                             for cell in learner.notebook(path)["cells"] if cell["cell_type"] == "code"]
            return time.perf_counter() - begun

        arrive_before = cpu_seconds(hub.processes())
        arrive_begun = time.perf_counter()
        with ThreadPoolExecutor(size) as pool:
            arrival = list(pool.map(arrive, learners))
        arrive_wall = time.perf_counter() - arrive_begun
        arrive_after = cpu_seconds(hub.processes())
        arrive_cpu = sum(arrive_after[pid] - arrive_before.get(pid, 0.0) for pid in arrive_after)
        result["login_to_ready_notebook_s"] = spread(arrival)
        result["all_ready_s"] = round(max(arrival), 2)
        # CPU seconds of the hub, proxy and the new servers (with the git clones they waited for) while everyone
        # arrived: what starting a class costs.
        result["arrive_cpu_s"] = round(arrive_cpu, 1)
        result["arrive_cpu_s_per_learner"] = round(arrive_cpu / size, 2)
        result["arrive_busy_cpus"] = round(arrive_cpu / arrive_wall, 2)
        # A learner whose link page failed on the way clicked it again (tests/hub_runner.py): say so.
        result["links_clicked_again"] = sum(learner.reloads for learner in learners)
        result["link_troubles"] = [f"{l.name}: {t}"[:300] for l in learners for t in l.troubles]

        # 2. Everyone opens the notebook: a kernel each.
        def open_kernel(learner: Learner) -> float:
            begun = time.perf_counter()
            kernel = learner.kernel(path)
            kernels[learner.name] = kernel
            kernel.execute("pass", timeout=900)
            return time.perf_counter() - begun

        with ThreadPoolExecutor(size) as pool:
            result["kernel_ready_s"] = spread(list(pool.map(open_kernel, learners)))

        # 3. Run All, everyone together.
        gate = threading.Barrier(size)
        errors: list[str] = []

        def run_all(learner: Learner) -> float:
            kernel = kernels[learner.name]
            gate.wait(timeout=300)
            begun = time.perf_counter()
            for index, (source, may_fail) in enumerate(learner.cells):
                answer = kernel.execute(source, timeout=900)
                if answer["status"] != "ok" and not may_fail:
                    errors.append(f"{learner.name} cell {index}: {answer['error']}")
            return time.perf_counter() - begun

        before = cpu_seconds(hub.processes())
        machine_before = psutil.cpu_times()
        sampler = PeakSampler(hub)
        sampler.start()
        begun = time.perf_counter()
        with ThreadPoolExecutor(size) as pool:
            own = list(pool.map(run_all, learners))
        wall = time.perf_counter() - begun
        sampler.done.set()
        sampler.join()
        after = cpu_seconds(hub.processes())
        machine_after = psutil.cpu_times()
        spent = sum(after[pid] - before.get(pid, 0.0) for pid in after)
        machine_busy = sum(getattr(machine_after, f) - getattr(machine_before, f)
                           for f in ("user", "system", "nice", "irq", "softirq", "steal")
                           if hasattr(machine_after, f))
        result["run_all"] = {
            "code_cells": len(learners[0].cells),
            "wall_s": round(wall, 2),
            "per_learner_s": spread(own),
            "cpu_s": round(spent, 1),
            "cpu_s_per_learner": round(spent / size, 2),
            "busy_cpus": round(spent / wall, 2),
            "machine_busy_cpus": round(machine_busy / wall, 2),
        }
        result["errors"] = errors

        # 4. Memory after Run All.
        server_rss, server_pss, kernel_rss, kernel_pss, learner_rss, learner_pss = [], [], [], [], [], []
        for user in users:
            mine = learner_processes(hub, user)
            s_rss, s_pss = memory(mine["server"])
            k = [memory(p) for p in mine["kernels"]]
            server_rss.append(s_rss)
            server_pss.append(s_pss)
            kernel_rss.append(sum(r for r, _ in k))
            kernel_pss.append(sum(p for _, p in k))
            learner_rss.append(s_rss + kernel_rss[-1])
            learner_pss.append(s_pss + kernel_pss[-1])
        shared = [p for p in hub.processes() if "JUPYTERHUB_USER" not in p.environ()]
        result["memory_mb"] = {
            "server_rss": spread(server_rss), "server_pss": spread(server_pss),
            "kernel_rss": spread(kernel_rss), "kernel_pss": spread(kernel_pss),
            "per_learner_rss": spread(learner_rss), "per_learner_pss": spread(learner_pss),
            "hub_and_proxy_rss": round(sum(memory(p)[0] for p in shared), 1),
            "peak_total_rss_during_run_all": round(sampler.peak_mb, 1),
        }
        for kernel in kernels.values():
            kernel.shut_down()
        kernels.clear()
    except BaseException:
        print(f"class of {size} failed; the hub's last log lines:\n{hub.log_tail(60)}", file=sys.stderr)
        raise
    finally:
        for kernel in kernels.values():
            try:
                kernel.ws.close()
            except Exception:  # noqa: BLE001
                pass
        left = hub.stop(timeout=120)
    if left or hub.processes():
        raise RuntimeError(f"processes left running after the hub stopped: {left}")
    result["learners_sent_to_one_address"] = {t: u for t, u in hub.proxy_targets().items() if len(u) > 1}
    result["total_s"] = round(time.perf_counter() - started, 1)
    return result


def table(results: dict) -> str:
    rows = [("learners", lambda r: r["learners"]),
            ("login to ready notebook, median s", lambda r: r["login_to_ready_notebook_s"]["median"]),
            ("login to ready notebook, slowest s", lambda r: r["login_to_ready_notebook_s"]["max"]),
            ("arriving: CPU s per learner (hub+proxy+server+clone)", lambda r: r["arrive_cpu_s_per_learner"]),
            ("kernel ready, median s", lambda r: r["kernel_ready_s"]["median"]),
            ("Run All together: wall s", lambda r: r["run_all"]["wall_s"]),
            ("Run All: one learner's time, median s", lambda r: r["run_all"]["per_learner_s"]["median"]),
            ("Run All: CPU s (hub+proxy+servers+kernels)", lambda r: r["run_all"]["cpu_s"]),
            ("Run All: CPU s per learner", lambda r: r["run_all"]["cpu_s_per_learner"]),
            ("Run All: CPUs busy (ours / whole machine)",
             lambda r: f"{r['run_all']['busy_cpus']} / {r['run_all']['machine_busy_cpus']}"),
            ("memory per learner, RSS MB (median / max)",
             lambda r: f"{r['memory_mb']['per_learner_rss']['median']} / {r['memory_mb']['per_learner_rss']['max']}"),
            ("  of which server / kernel, RSS MB (median)",
             lambda r: f"{r['memory_mb']['server_rss']['median']} / {r['memory_mb']['kernel_rss']['median']}"),
            ("memory per learner, PSS MB (median)", lambda r: r["memory_mb"]["per_learner_pss"]["median"]),
            ("hub + proxy, RSS MB", lambda r: r["memory_mb"]["hub_and_proxy_rss"]),
            ("peak total RSS during Run All, MB", lambda r: r["memory_mb"]["peak_total_rss_during_run_all"]),
            ("unexpected cell errors", lambda r: len(r["errors"])),
            ("links clicked again (an error page on the way)", lambda r: r["links_clicked_again"]),
            ("whole run, s", lambda r: r["total_s"])]
    sizes = list(results)
    width = max(len(name) for name, _ in rows)
    lines = [f"{'':{width}}  " + "  ".join(f"{size:>14}" for size in sizes)]
    for name, get in rows[1:]:
        lines.append(f"{name:{width}}  " + "  ".join(f"{str(get(results[s])):>14}" for s in sizes))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import psutil

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--kernel-transport", choices=["ipc", "tcp"], default="ipc",
                        help="how kernels talk to their server: ipc (Unix sockets, the kit's advice for one "
                             "machine) or tcp (Jupyter's default; races for ports when many kernels start at once)")
    args = parser.parse_args(argv)
    if find_proxy() is None:
        print("configurable-http-proxy is missing: run `make bench-hub` (it installs it into .venv/hub-proxy)",
              file=sys.stderr)
        return 1
    results = {}
    with tempfile.TemporaryDirectory(prefix="hub-class-") as scratch:
        work = Path(scratch)
        repo_url = bare_copy_of_the_kit(work).as_uri()
        for size in args.sizes:
            print(f"class of {size}...", file=sys.stderr, flush=True)
            results[str(size)] = run_class(size, work, repo_url, args.kernel_transport)
    memory_total = psutil.virtual_memory().total
    output = {
        "metadata": {
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "lesson": f"notebooks/{LESSON}",
            "cpus": os.cpu_count(), "memory_gb": round(memory_total / 1024 ** 3, 1),
            "platform": platform.platform(), "python": platform.python_version(),
            "jupyterhub": version("jupyterhub"), "nbgitpuller": version("nbgitpuller"),
            "jupyterlab": version("jupyterlab"), "spawner": "SimpleLocalProcessSpawner",
            "proxy": "configurable-http-proxy (npm)", "kernel_transport": args.kernel_transport,
            "note": ("wall and CPU figures on a shared machine; "
                     "memory after Run All of lesson 02, one kernel per learner"),
        },
        "classes": results,
    }
    args.json.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
