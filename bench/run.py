# ruff: noqa: S603, S607, S310 -- a local tool: runs our own commands and fetches only 127.0.0.1
"""`make bench`: every public page type side by side with the static-file ceiling.

Starts the site as in production (gunicorn serving `wsgi` with settings.production,
DEBUG off, whitenoise, a secret key made for the run) on a free loopback port,
against a scratch PostgreSQL database when DATABASE_URL points at a PostgreSQL
server (peer_bench_<pid>, dropped afterwards), else a SQLite file in a temporary
folder. For each content size (small: the demo; large: the demo plus
bench/content.py) it measures with wrk, at 8 and 32 connections:

- a static file served by whitenoise through the same gunicorn (the ceiling);
- each public page type with the page cache off ("uncached") and on and warm
  ("cached"): requests per second, p50 and p99 latency, non-200 answers;

plus SQL queries per uncached request (bench/pages.py: Django's test client in a
separate process against the same database), response size and each worker's
resident memory after the run. Prints a table and writes bench/results/<time>.json
and .png (and latest.json, latest.png).

    python bench/run.py [--size small|large|both] [--duration 3] [--connections 8,32] [--workers 2]
"""

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable


def log(message):
    print(message, flush=True)


# --- wrk -------------------------------------------------------------------------------------


def ensure_wrk():
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk is missing: installing it with apt-get (Debian's wrk package)")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        path = shutil.which("wrk")
        if path:
            return path
    sys.exit("make bench needs wrk, the HTTP load generator: install it with `sudo apt-get install wrk`.")


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(wrk, url, connections, duration):
    threads = min(2, connections)
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    requests = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(requests.group(1)) if requests else 0.0,
        "p50_ms": to_ms(latency["50"]) if "50" in latency else None,
        "p99_ms": to_ms(latency["99"]) if "99" in latency else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


# --- database ----------------------------------------------------------------------------------


class Database:
    """A scratch database: on the PostgreSQL server of DATABASE_URL, else SQLite."""

    def __init__(self, workdir):
        given = os.environ.get("DATABASE_URL", "")
        self.postgres = given.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            self.name = f"peer_bench_{os.getpid()}"
            parts = urlsplit(given)
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.name = str(Path(workdir) / "bench.sqlite3")
            self.url = f"sqlite:///{self.name}"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    @property
    def label(self):
        return "PostgreSQL" if self.postgres else "SQLite"


# --- the server --------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env, workers, page_cache):
        self.port = free_port()
        self.env = {**env, "PAGE_CACHE_SECONDS": "600" if page_cache else "0"}
        self.workers = workers
        self.process = None

    def __enter__(self):
        command = [
            str(Path(PY).parent / "gunicorn"),
            "--pythonpath",
            "site",
            "wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("gunicorn stopped at start: see its messages above.")
            try:
                with urllib.request.urlopen(self.url("/"), timeout=5):
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        sys.exit("gunicorn did not answer within 60 seconds.")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_memory_mb(self):
        """VmRSS of each worker (the master's children), from /proc."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        memory = {}
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            kilobytes = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))
            memory[pid] = round(kilobytes / 1024, 1)
        return memory

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


SLOW_SECONDS = 2.0


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.status, response.read(), dict(response.headers)


# --- steps -------------------------------------------------------------------------------------


def manage(env, *args, settings="settings.dev"):
    log(f"python manage.py {' '.join(args)}")
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": settings}, check=True)


def query_counts(env):
    output = subprocess.run(
        [PY, str(ROOT / "bench" / "pages.py")],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def static_path(env):
    command = [PY, str(ROOT / "bench" / "pages.py"), "--static"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.strip()


def measure_size(size, env, args, wrk):
    log(f"\n== {size} content: counting queries")
    counts = query_counts(env)
    for name, row in counts.items():
        if row["status"] != 200:
            sys.exit(f"{name} ({row['url']}) answered {row['status']}: the bench measures only working pages.")
    connections = [int(c) for c in args.connections.split(",")]
    result = {"pages": {}, "ceiling": {}, "memory_mb": {}}
    for mode in ("uncached", "cached"):
        with Server(env, args.workers, page_cache=(mode == "cached")) as server:
            if mode == "uncached":
                static = static_path(env)
                status, body, headers = fetch(server.url(static))
                result["ceiling"] = {"url": static, "bytes": len(body)}
                for c in connections:
                    result["ceiling"][str(c)] = run_wrk(wrk, server.url(static), c, args.duration)
                    log(f"  static file, {c} connections: {result['ceiling'][str(c)]['rps']:.0f} req/s")
            for name, row in counts.items():
                page = result["pages"].setdefault(name, {"url": row["url"], "queries": row["queries"]})
                for _ in range(2):  # warm: templates, and the page cache when on
                    started = time.monotonic()
                    status, body, headers = fetch(server.url(row["url"]))
                    single = time.monotonic() - started
                page["bytes"] = len(body)
                if mode == "cached":
                    page["cache"] = headers.get("X-Page-Cache", "none")
                if single > SLOW_SECONDS:
                    # Loading it with wrk would queue minutes of work behind it.
                    log(f"  {name:22} {mode:8} too slow to load: {single:.1f} s for one request")
                    for c in connections:
                        page[f"{mode}_{c}"] = {"rps": 1 / single, "p50_ms": single * 1000, "p99_ms": None}
                    page[f"{mode}_too_slow_s"] = round(single, 1)
                    continue
                for c in connections:
                    page[f"{mode}_{c}"] = run_wrk(wrk, server.url(row["url"]), c, args.duration)
                log(
                    f"  {name:22} {mode:8} "
                    + "  ".join(f"{c}c {page[f'{mode}_{c}']['rps']:6.0f} req/s" for c in connections)
                )
            result["memory_mb"][mode] = server.worker_memory_mb()
    return result


# --- report ------------------------------------------------------------------------------------


def ms(value):
    return "-" if value is None else f"{value:.0f}"


def table(size, result, connections):
    lines = []
    low = str(connections[0])
    high = str(connections[-1])
    ceiling = result["ceiling"][low]["rps"]
    lines.append(
        f"\n{size} content; ceiling: a static file through the same gunicorn, "
        f"{ceiling:.0f} req/s at {low} connections ({result['ceiling'][high]['rps']:.0f} at {high})"
    )
    header = (
        f"| page | queries | KB | uncached req/s @{low} | % of ceiling | p50/p99 ms @{low} | p99 ms @{high} "
        f"| cached req/s @{low} | % of ceiling | p99 ms @{low} cached |"
    )
    lines.append(header)
    lines.append("|" + "|".join(["---"] * 10) + "|")
    for name, page in result["pages"].items():
        u, uh, c = page[f"uncached_{low}"], page[f"uncached_{high}"], page[f"cached_{low}"]
        lines.append(
            f"| {name} | {page['queries']} | {page['bytes'] / 1024:.1f} | {u['rps']:.0f} | "
            f"{100 * u['rps'] / ceiling:.1f}% | {ms(u['p50_ms'])}/{ms(u['p99_ms'])} | {ms(uh['p99_ms'])} | "
            f"{c['rps']:.0f} | {100 * c['rps'] / ceiling:.1f}% | {ms(c['p99_ms'])} |"
        )
    memory = "; ".join(
        f"{mode}: " + ", ".join(f"{mb:.0f}" for mb in workers.values()) for mode, workers in result["memory_mb"].items()
    )
    lines.append(f"\nWorker memory after the run (MB, resident): {memory}")
    return "\n".join(lines)


def chart(report, path, connections):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib is not installed: no chart (pip install -r requirements-dev.txt)")
        return
    low = str(connections[0])
    sizes = list(report["sizes"])
    fig, axes = plt.subplots(len(sizes), 1, figsize=(10, 4.5 * len(sizes)), squeeze=False)
    for axis, size in zip(axes[:, 0], sizes, strict=True):
        result = report["sizes"][size]
        ceiling = result["ceiling"][low]["rps"]
        names = list(result["pages"])
        uncached = [100 * result["pages"][n][f"uncached_{low}"]["rps"] / ceiling for n in names]
        cached = [100 * result["pages"][n][f"cached_{low}"]["rps"] / ceiling for n in names]
        positions = range(len(names))
        axis.bar([p - 0.2 for p in positions], uncached, width=0.4, label="uncached")
        axis.bar([p + 0.2 for p in positions], cached, width=0.4, label="page cache warm")
        axis.axhline(5, color="grey", linestyle=":", linewidth=1)
        axis.axhline(35, color="grey", linestyle="--", linewidth=1)
        axis.set_xticks(list(positions), names, rotation=35, ha="right", fontsize=8)
        axis.set_ylabel(f"% of static ceiling ({ceiling:.0f} req/s)")
        axis.set_title(f"{size} content, {low} connections, {report['database']}")
        axis.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def save(report, name, connections):
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=1))
    chart(report, RESULTS / f"{name}.png", connections)


# --- main --------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description="Measure public pages against the static-file ceiling.")
    parser.add_argument("--size", choices=["small", "large", "both"], default="both")
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run (default 3)")
    parser.add_argument("--connections", default="8,32", help="comma-separated (default 8,32)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2, as the Procfile)")
    parser.add_argument("--events", type=int, default=2000, help="large size: events")
    parser.add_argument("--documents", type=int, default=300, help="large size: guidance documents")
    args = parser.parse_args()
    started = time.monotonic()
    wrk = ensure_wrk()
    connections = [int(c) for c in args.connections.split(",")]
    workdir = tempfile.mkdtemp(prefix="peer-bench-")
    database = Database(workdir)
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "PAGE_CACHE_DIR": str(Path(workdir) / "page_cache"),
        "CACHE_URL": "",
        "LOG_LEVEL": "ERROR",
    }
    report = {
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": database.label,
        "duration_s": args.duration,
        "connections": connections,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "sizes": {},
    }
    log(f"Bench on {database.label}, {args.workers} gunicorn workers, {args.duration} s per measurement")
    database.create()
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0", settings="settings.production")
        subprocess.run(
            [PY, "manage.py", "load_demo"],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "settings.dev"},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        sizes = ["small", "large"] if args.size == "both" else [args.size]
        for size in sizes:
            if size == "large":
                log("\n== generating the large content")
                generate = [PY, str(ROOT / "bench" / "content.py")]
                generate += ["--events", str(args.events), "--documents", str(args.documents)]
                subprocess.run(generate, cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "settings.dev"}, check=True)
            report["sizes"][size] = measure_size(size, env, args, wrk)
            save(report, "partial", connections)  # kept if a later size fails
    finally:
        database.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    report["elapsed_s"] = round(time.monotonic() - started)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (stamp, "latest"):
        save(report, name, connections)
    log(f"\nDatabase: {database.label}; {args.workers} workers; wrk {args.duration} s per measurement")
    for size, result in report["sizes"].items():
        log(table(size, result, connections))
    log(f"\nThe bench took {report['elapsed_s']} s. Results: {RESULTS}/{stamp}.json and .png")


if __name__ == "__main__":
    main()
