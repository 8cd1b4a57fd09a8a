#!/usr/bin/env python3
"""Cold-start benchmark: the app on the bundled essay against a floor.

The floor is a bare AdwApplicationWindow holding one WebKitWebView that loads the
same rendered HTML and stylesheet from a file. Both print "laid-out MS" once the
text is laid out and quit. For each we take the wall time from launch to that
line, and the peak of the summed resident memory of the process and all its
descendants (the web and network processes included), sampled every 5 ms.
Runs alternate between the two; medians are reported with their ratio.
Needs a display (run under xvfb-run) and a session bus.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def descendants(pid):
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return seen


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def read_available(fd):
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        out += chunk
    return out.decode("utf-8", "replace")


def run_once(argv, env, timeout=90.0):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    fd = proc.stdout.fileno()
    os.set_blocking(fd, False)
    peak, wall, buf = 0, None, ""
    while True:
        total = sum(rss_kib(p) for p in descendants(proc.pid))
        peak = max(peak, total)
        chunk = read_available(fd)
        if chunk:
            buf += chunk
            if wall is None and re.search(r"^laid-out ", buf, re.M):
                wall = (time.monotonic() - start) * 1000.0
        if proc.poll() is not None:
            break
        if time.monotonic() - start > timeout:
            proc.kill()
            raise SystemExit(f"timeout: {' '.join(argv)}")
        time.sleep(0.005)
    buf += read_available(fd)
    if wall is None and re.search(r"^laid-out ", buf, re.M):
        wall = (time.monotonic() - start) * 1000.0
    if wall is None:
        raise SystemExit(f"{argv[0]} never reported the text laid out (exit {proc.returncode})")
    return wall, peak / 1024.0


def app_env(work, schemas, pack):
    """The app's environment for a measured run: its folders under @work, the
    settings in memory, @pack as the bundled essay, the "laid-out" line on."""
    env = dict(os.environ)
    env.update({
        "XDG_CACHE_HOME": os.path.join(work, "cache"),
        "XDG_DATA_HOME": os.path.join(work, "data"),
        "XDG_CONFIG_HOME": os.path.join(work, "config"),
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": schemas,
        "PRISONNUM_PACK_DIR": pack,
        "PRISONNUM_BENCH": "1",
    })
    return env


def medians(commands, env, runs):
    """The median wall time and peak memory of each of @commands (name → argv),
    after one warm-up each (the disk cache, fontconfig and the content filter
    compile), over @runs runs taken in turn."""
    for argv in commands.values():
        run_once(argv, env)
    results = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            results[name].append(run_once(argv, env))
    return {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v))
            for k, v in results.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--css", required=True)
    ap.add_argument("--schemas", required=True)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="pn-bench-")
    try:
        html = subprocess.run([args.tool, "render", args.pack, "essai"], check=True,
                              capture_output=True, text=True).stdout
        html = html.replace("prisonnum://app/reader.css", "reader.css")
        page = os.path.join(work, "page.html")
        with open(page, "w") as f:
            f.write(html)
        shutil.copy(args.css, os.path.join(work, "reader.css"))

        env = app_env(work, args.schemas, args.pack)
        app = [args.app, args.pack]
        floor = [args.floor, page]
        med = medians({"floor": floor, "app": app}, env, args.runs)
        (aw, am), (fw, fm) = med["app"], med["floor"]
        print(f"runs {args.runs} (medians)")
        print(f"floor wall time {fw:.0f} ms")
        print(f"app wall time {aw:.0f} ms")
        print(f"floor peak memory {fm:.1f} MiB")
        print(f"app peak memory {am:.1f} MiB")
        print(f"startup wall time app/floor ratio {aw / fw:.2f}")
        print(f"startup peak memory app/floor ratio {am / fm:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
