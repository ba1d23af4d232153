"""make soak: readers and form submitters against gunicorn and PostgreSQL while
things go wrong, then a check that nothing was lost and nobody saw a 500.

Everything runs on loopback and is private to this run: its own PostgreSQL
instance (initdb into a temporary folder, on a free port; the machine's shared
cluster is never touched), its own media volume (a size-limited tmpfs), its own
gunicorn (settings.production, DEBUG off, a generated SECRET_KEY). Phases:

  warm-up         load only
  1 postgres      PostgreSQL stopped (fast shutdown), held down, started again
  2 worker        one gunicorn worker killed with SIGKILL (the master replaces it)
  3 media full    the media volume filled while an admin uploads a document
  cool-down       load only

Every other read carries a query string of its own, so that the page cache
cannot answer it and the database is needed. Then: every submission that got a
success page is in the database exactly once; no truncated or orphaned file is left in media; every error fell inside an
outage window and was the calm 503 page (a dropped connection is allowed only
from the killed worker); the site answered again within 5 s of PostgreSQL's
return, without restarting gunicorn. Exits 1 if any check fails.

Options: SOAK_PHASE_SECONDS (default 20), SOAK_READERS (3), SOAK_SUBMITTERS (2),
SOAK_WORKERS (3), SOAK_PG_DOWN_SECONDS (5). Results: soak/results/<time>.json.
"""

import contextlib
import http.client
import http.cookies
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PHASE_SECONDS = float(os.environ.get("SOAK_PHASE_SECONDS", "20"))
READERS = int(os.environ.get("SOAK_READERS", "3"))
SUBMITTERS = int(os.environ.get("SOAK_SUBMITTERS", "2"))
WORKERS = int(os.environ.get("SOAK_WORKERS", "3"))
PG_DOWN_SECONDS = float(os.environ.get("SOAK_PG_DOWN_SECONDS", "5"))
RECOVERY_LIMIT = 5.0
CALM_PAGE = b'<body class="outage-page">'  # the 503 page, in any language
MEDIA_SIZE = "24m"
UPLOAD_BYTES = 2 * 1024 * 1024


def log(message):
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command, env=None, user=None, check=True, quiet=True, cwd=ROOT):
    if user:
        command = ["runuser", "-u", user, "--", *command]
    result = subprocess.run(  # noqa: S603 - our own fixed commands
        command, env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    if not quiet:
        print(result.stdout, end="")
    return result


# --- the private PostgreSQL instance ---------------------------------------------------------


class PrivatePostgres:
    def __init__(self, folder):
        self.data = folder / "pgdata"
        self.socket_dir = folder / "pgsocket"
        self.logfile = folder / "postgres.log"
        self.port = free_port()

    def pg_ctl(self, *args):
        return run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), *args],
            user="postgres",
            cwd=self.data.parent,
        )

    def create(self):
        self.socket_dir.mkdir()
        shutil.chown(self.data.parent, "postgres")
        shutil.chown(self.socket_dir, "postgres")
        run(
            [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8"],
            user="postgres",
            cwd=self.data.parent,
        )  # fmt: skip
        self.start()
        run(["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "peer_soak"])

    def start(self):
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-w", "-t", "60", "-o", options, "start")

    def stop(self, mode="fast"):
        self.pg_ctl("-w", "-m", mode, "stop")

    def ready(self):
        return run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)], check=False).returncode == 0

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/peer_soak"


# --- HTTP ----------------------------------------------------------------------------------


class Client:
    """One visitor: its own cookies, a new connection per request."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, timeout=30, before_body=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            if before_body is None:
                connection.request(method, path, body=body, headers=headers)
            else:  # send the body in slices, calling before_body() once the first slice is out
                connection.putrequest(method, path)
                headers["Content-Length"] = str(len(body))
                for name, value in headers.items():
                    connection.putheader(name, value)
                connection.endheaders()
                step = 64 * 1024
                for offset in range(0, len(body), step):
                    connection.send(body[offset : offset + step])
                    if offset == 0:
                        before_body()
            response = connection.getresponse()
            data = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie(header)
                for key, morsel in cookie.items():
                    self.cookies[key] = morsel.value
            return response.status, response.headers, data
        finally:
            connection.close()


def form_fields(html, form_selector="form"):
    """(action, fields) of the first matching form, filled with plausible values."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    if form is None:
        return None, {}
    fields = {}
    for element in form.select("input, textarea, select"):
        name = element.get("name")
        if not name or name == "website_address":  # the honeypot stays empty
            continue
        kind = element.get("type", "text") if element.name == "input" else element.name
        if kind == "hidden":
            fields[name] = element.get("value", "")
        elif kind in {"checkbox", "radio"}:
            if element.has_attr("required") or kind == "radio":
                fields.setdefault(name, element.get("value", "on"))
        elif kind == "select":
            options = [o.get("value", o.get_text()) for o in element.select("option") if o.get("value", "x")]
            if options:
                fields[name] = options[0]
        elif kind == "email":
            fields[name] = "soak@example.org"
        elif kind == "file":
            continue
        else:
            fields[name] = "Soak"
    return form.get("action"), fields


# --- recording -----------------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.records = []
        self.phase = "setup"
        self.windows = []  # (label, start, end) when errors are expected
        self.successes = {"forms": [], "signatures": [], "uploads": []}
        self.stop = threading.Event()

    def add(self, **record):
        with self.lock:
            self.records.append(record)

    def timed(self, client, kind, method, path, **kwargs):
        start, phase = time.monotonic(), self.phase
        try:
            status, headers, body = client.request(method, path, **kwargs)
        except (OSError, http.client.HTTPException) as error:
            self.add(kind=kind, phase=phase, path=path, start=start, end=time.monotonic(),
                     status="connection error", detail=type(error).__name__, calm=False)  # fmt: skip
            return None, None, b""
        calm = status == 503 and CALM_PAGE in body and b"site-header" in body and "Retry-After" in headers
        self.add(kind=kind, phase=phase, path=path, start=start, end=time.monotonic(), status=status, calm=calm)
        return status, headers, body


def uncached(path):
    """The same page with a query string of its own: the page cache cannot answer it."""
    return f"{path}{'&' if '?' in path else '?'}soak={uuid.uuid4().hex[:12]}"


def reader(recorder, port, urls, number):
    """Every other read asks for a page the page cache cannot have, so that the
    database is needed (the others are what readers mostly get: cached pages)."""
    client = Client(port)
    index = number
    while not recorder.stop.is_set():
        path = urls[index % len(urls)]
        if index % 2:
            recorder.timed(client, "read", "GET", path)
        else:
            recorder.timed(client, "read (uncached)", "GET", uncached(path))
        index += 1
        time.sleep(0.05)


def submitter(recorder, port, forms, statements, number):
    client = Client(port)
    turn = number
    while not recorder.stop.is_set():
        turn += 1
        targets = statements if (turn % 2 and statements) else forms
        path = targets[turn % len(targets)]
        status, _, body = recorder.timed(client, "form page", "GET", path)
        if status != 200:
            time.sleep(0.3)
            continue
        action, fields = form_fields(body, "form.site-form")
        if not fields.get("csrfmiddlewaretoken"):
            time.sleep(0.3)
            continue
        marker = f"soak-{uuid.uuid4().hex}"
        for name in list(fields):
            if fields[name] == "Soak":
                fields[name] = f"Soak {marker}"
            elif fields[name] == "soak@example.org":
                fields[name] = f"{marker}@example.org"
        status, _, body = recorder.timed(
            client, "submit", "POST", action or path,
            body=urllib.parse.urlencode(fields), headers={"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        if status == 200 and b'role="status"' in body and b'class="site-form"' not in body:
            with recorder.lock:
                if "form_token" in fields:
                    recorder.successes["forms"].append({"token": fields["form_token"], "marker": marker})
                else:
                    recorder.successes["signatures"].append({"email": f"{marker}@example.org"})
        time.sleep(0.2)


# --- the admin uploader (phase 3) ----------------------------------------------------------


def multipart(fields, file_field, filename, data):
    boundary = f"soak{secrets.token_hex(12)}"
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        "Content-Type: text/plain\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Uploader:
    def __init__(self, recorder, port, username, password):
        self.recorder = recorder
        self.client = Client(port)
        status, _, body = recorder.timed(self.client, "admin", "GET", "/admin/login/")
        _, fields = form_fields(body, "form")
        fields.update(username=username, password=password, next="/admin/")
        status, _, _ = recorder.timed(
            self.client, "admin", "POST", "/admin/login/",
            body=urllib.parse.urlencode(fields), headers={"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        if status != 302:
            raise RuntimeError(f"admin login answered {status}")

    def upload(self, title, size, before_body=None):
        status, _, body = self.recorder.timed(self.client, "upload", "GET", "/admin/documents/add/")
        _, fields = form_fields(body, "form[enctype='multipart/form-data']")
        fields["title"] = title
        data = (f"{title}\n".encode() * (size // (len(title) + 1) + 1))[:size]
        payload, content_type = multipart(fields, "file", f"{title}.txt", data)
        status, headers, body = self.recorder.timed(
            self.client, "upload", "POST", "/admin/documents/add/",
            body=payload, headers={"Content-Type": content_type}, before_body=before_body,
        )  # fmt: skip
        return status


def fill(folder):
    """Write into the media volume until it is full; returns the filler's path."""
    filler = folder / "filler.bin"
    block = b"\0" * (256 * 1024)
    with contextlib.suppress(OSError), open(filler, "wb") as output:
        while True:
            output.write(block)
            output.flush()
    return filler


# --- gunicorn ------------------------------------------------------------------------------


def worker_pids(master):
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except FileNotFoundError:
        return []
    return [int(pid) for pid in children]


def wait_for(predicate, timeout, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


# --- report --------------------------------------------------------------------------------


def in_window(record, windows, labels):
    return any(label in labels and record["start"] <= end and record["end"] >= start for label, start, end in windows)


def report(recorder, phases, checks, started):
    by_phase = defaultdict(Counter)
    latencies = defaultdict(list)
    for record in recorder.records:
        by_phase[record["phase"]][str(record["status"])] += 1
        latencies[record["phase"]].append(record["end"] - record["start"])
    lines = [
        "| Phase | Requests | 2xx/3xx | 503 (calm page) | 500 | Dropped connections | Other | Median / p95 (ms) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for phase in phases:
        counts = by_phase.get(phase, Counter())
        total = sum(counts.values())
        ok = sum(n for s, n in counts.items() if s.isdigit() and int(s) < 400)
        calm = sum(1 for r in recorder.records if r["phase"] == phase and r["calm"])
        other = total - ok - counts["503"] - counts["500"] - counts["connection error"]
        values = sorted(latencies.get(phase, [0]))
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        lines.append(
            f"| {phase} | {total} | {ok} | {counts['503']} ({calm}) | {counts['500']} | "
            f"{counts['connection error']} | {other} | {statistics.median(values) * 1000:.0f} / {p95 * 1000:.0f} |"
        )
    lines.append("")
    failures = Counter(
        (r["phase"], r["kind"], str(r["status"]))
        for r in recorder.records
        if not (isinstance(r["status"], int) and r["status"] < 400)
    )
    lines.append(
        "Errors by phase and request: "
        + ("; ".join(f"{phase}, {kind}: {n} × {status}" for (phase, kind, status), n in sorted(failures.items()))
           or "none")
    )  # fmt: skip
    lines.append("")
    for name, passed, detail in checks:
        lines.append(f"- {'PASS' if passed else 'FAIL'} {name}: {detail}")
    lines.append("")
    lines.append(f"Run of {time.monotonic() - started:.0f} s, {READERS} readers, {SUBMITTERS} submitters, "
                 f"{WORKERS} gunicorn workers, PostgreSQL held down {PG_DOWN_SECONDS:.0f} s.")  # fmt: skip
    return "\n".join(lines)


# --- the run -------------------------------------------------------------------------------


def main():  # noqa: C901, PLR0915 - one story, told in order
    if os.geteuid() != 0:
        raise SystemExit("make soak needs root: it mounts a small tmpfs and runs initdb as the postgres user.")
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="peer-soak-ops-"))
    media = folder / "media"
    media.mkdir()
    postgres = PrivatePostgres(folder)
    gunicorn = None
    mounted = False
    recorder = Recorder()
    try:
        run(["mount", "-t", "tmpfs", "-o", f"size={MEDIA_SIZE},mode=0755", "tmpfs", str(media)])
        mounted = True
        log(f"media volume: tmpfs of {MEDIA_SIZE} at {media}")
        postgres.create()
        log(f"private PostgreSQL on 127.0.0.1:{postgres.port} in {postgres.data}")
        port = free_port()
        password = secrets.token_urlsafe(16)
        env = {
            **os.environ,
            "DATABASE_URL": postgres.url,
            "MEDIA_ROOT": str(media),
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "FORM_SUBMISSIONS_PER_MINUTE": "100000",
            "CONN_MAX_AGE": "60",
            "LOG_LEVEL": "ERROR",
            "PAGE_CACHE_DIR": str(folder / "page_cache"),  # this run's own, not the project folder's
        }
        log("migrating and loading the demo content")
        run([PY, "manage.py", "migrate", "--noinput", "-v0"], env=env)
        run([PY, "manage.py", "setup_roles"], env=env)
        run([PY, "manage.py", "load_demo"], env={**env, "DJANGO_SETTINGS_MODULE": "settings.dev"})
        run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env=env)
        run(
            [PY, "manage.py", "shell", "-c",
             "from django.contrib.auth import get_user_model; import os; "
             "get_user_model().objects.create_superuser('soak-admin', 'soak@example.org', os.environ['SOAK_PW'])"],
            env={**env, "SOAK_PW": password},
        )  # fmt: skip
        targets = json.loads(run([PY, "soak/inspect_db.py", "targets"], env=env).stdout)
        log(f"{len(targets['readers'])} pages to read, {len(targets['forms'])} forms, "
            f"{len(targets['statements'])} statements")  # fmt: skip
        if not targets["forms"]:
            raise RuntimeError("the demo content has no form page to submit")

        gunicorn_log = open(folder / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server
        gunicorn = subprocess.Popen(  # noqa: S603
            [GUNICORN, "--pythonpath", "site", "wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
             "--timeout", "30", "--graceful-timeout", "5"],
            cwd=ROOT, env=env, stdout=gunicorn_log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        if not wait_for(lambda: len(worker_pids(gunicorn.pid)) == WORKERS, 60):
            raise RuntimeError("gunicorn did not start its workers")
        probe = Client(port)
        if not wait_for(lambda: _status(probe, uncached("/")) == 200, 60, 0.5):
            raise RuntimeError("the site does not answer / with 200")
        log(f"gunicorn (settings.production) on 127.0.0.1:{port}, workers {worker_pids(gunicorn.pid)}")

        threads = [
            threading.Thread(target=reader, args=(recorder, port, targets["readers"], n), daemon=True)
            for n in range(READERS)
        ] + [
            threading.Thread(
                target=submitter, args=(recorder, port, targets["forms"], targets["statements"], n), daemon=True
            )
            for n in range(SUBMITTERS)
        ]
        uploader = Uploader(recorder, port, "soak-admin", password)
        phases = ["warm-up", "1 postgres restart", "2 worker killed", "3 media volume full", "cool-down"]
        facts = {}

        recorder.phase = "warm-up"
        for thread in threads:
            thread.start()
        time.sleep(PHASE_SECONDS)

        # (1) PostgreSQL stops, stays down, comes back. The app is not restarted.
        recorder.phase = "1 postgres restart"
        time.sleep(2)
        down = time.monotonic()
        log("phase 1: stopping PostgreSQL")
        postgres.stop("fast")
        time.sleep(PG_DOWN_SECONDS)
        postgres.start()
        back = time.monotonic()
        facts["postgres_down_seconds"] = round(back - down, 2)
        probe = Client(port)
        served = wait_for(lambda: _status(probe, uncached("/")) == 200, 30, 0.05)
        facts["first_page_after_return_seconds"] = round(time.monotonic() - back, 2) if served else None
        recorder.windows.append(("postgres", down, back + RECOVERY_LIMIT))
        log(
            f"phase 1: PostgreSQL back after {back - down:.1f} s; "
            f"first page after it: {facts['first_page_after_return_seconds']} s"
        )
        time.sleep(PHASE_SECONDS)

        # (2) One worker is killed outright; the master starts another.
        recorder.phase = "2 worker killed"
        time.sleep(2)
        victim = worker_pids(gunicorn.pid)[0]
        killed = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        replaced = wait_for(
            lambda: len(worker_pids(gunicorn.pid)) == WORKERS and victim not in worker_pids(gunicorn.pid), 30
        )
        facts["worker_replaced_seconds"] = round(time.monotonic() - killed, 2) if replaced else None
        recorder.windows.append(("worker", killed, killed + 1))
        log(f"phase 2: worker {victim} killed, replaced after {facts['worker_replaced_seconds']} s")
        time.sleep(PHASE_SECONDS)

        # (3) The media volume fills while an admin's upload is on its way.
        recorder.phase = "3 media volume full"
        before = uploader.upload("soak-before-full", 64 * 1024)
        filled = {}

        def fill_now():
            filled["start"] = time.monotonic()
            filled["path"] = fill(media)

        status_full = uploader.upload("soak-during-full", UPLOAD_BYTES, before_body=fill_now)
        full_start = filled["start"]
        time.sleep(3)
        filled["path"].unlink()
        full_end = time.monotonic()
        recorder.windows.append(("media", full_start, full_end))
        after = uploader.upload("soak-after-full", 64 * 1024)
        facts["uploads"] = {"before": before, "during full volume": status_full, "after": after}
        recorder.successes["uploads"] = ["soak-before-full", "soak-during-full", "soak-after-full"]
        log(f"phase 3: upload before {before}, while full {status_full}, after {after}")
        time.sleep(PHASE_SECONDS)

        recorder.phase = "cool-down"
        time.sleep(PHASE_SECONDS)
        recorder.stop.set()
        for thread in threads:
            thread.join(timeout=60)
        facts["gunicorn_master_restarted"] = gunicorn.poll() is not None

        # The checks.
        successes_file = folder / "successes.json"
        successes_file.write_text(json.dumps(recorder.successes))
        inside = json.loads(run([PY, "soak/inspect_db.py", "check", str(successes_file)], env=env).stdout)
        checks = []
        forms, signatures, media_state = inside["forms"], inside["signatures"], inside["media"]
        checks.append((
            "accepted form submissions in the database exactly once",
            not (forms["missing"] or forms["duplicated"] or forms["marker_missing"]),
            f"{forms['accepted']} accepted, {len(forms['missing'])} missing, {len(forms['duplicated'])} duplicated",
        ))  # fmt: skip
        checks.append((
            "accepted signatures in the database exactly once",
            not (signatures["missing"] or signatures["duplicated"]),
            f"{signatures['accepted']} accepted, {len(signatures['missing'])} missing, "
            f"{len(signatures['duplicated'])} duplicated",
        ))  # fmt: skip
        checks.append((
            "no truncated or orphaned file in media",
            not (media_state["orphans"] or media_state["truncated"]),
            f"{media_state['files']} files; orphans {media_state['orphans']}; truncated {media_state['truncated']}",
        ))  # fmt: skip
        uploads = inside["uploads"]
        checks.append((
            "the upload that met a full volume got the 503 page and stored nothing; the others were stored",
            before == 302 and after == 302 and status_full == 503
            and uploads == {"soak-before-full": 1, "soak-during-full": 0, "soak-after-full": 1},
            f"answers {facts['uploads']}, documents stored {uploads}",
        ))  # fmt: skip
        records = recorder.records
        fivehundreds = [r for r in records if r["status"] == 500]
        checks.append(("no 500 at all", not fivehundreds, f"{len(fivehundreds)} answered 500"))
        errors = [r for r in records if not (isinstance(r["status"], int) and r["status"] < 400)]
        stray = [
            r for r in errors
            if not (
                (r["calm"] and in_window(r, recorder.windows, {"postgres", "media"}))
                or (r["status"] == "connection error" and in_window(r, recorder.windows, {"worker"}))
            )
        ]  # fmt: skip
        checks.append((
            "errors only inside an outage window, and each a calm 503 page (or a connection the killed worker dropped)",
            not stray,
            f"{len(errors)} errors, {len(stray)} outside: "
            + ", ".join(f"{r['phase']} {r['kind']} {r['path']} {r['status']}" for r in stray[:10]),
        ))  # fmt: skip
        checks.append((
            f"site back within {RECOVERY_LIMIT:.0f} s of PostgreSQL's return, without restarting gunicorn",
            facts["first_page_after_return_seconds"] is not None
            and facts["first_page_after_return_seconds"] <= RECOVERY_LIMIT
            and not facts["gunicorn_master_restarted"],
            f"first page {facts['first_page_after_return_seconds']} s after PostgreSQL accepted connections; "
            f"last 503 {_last_error_after(records, back)}; gunicorn master pid unchanged "
            f"{not facts['gunicorn_master_restarted']}",
        ))  # fmt: skip
        checks.append((
            "the killed worker was replaced by the master",
            facts["worker_replaced_seconds"] is not None,
            f"in {facts['worker_replaced_seconds']} s",
        ))  # fmt: skip
        text = report(recorder, phases, checks, started)
        print("\n" + text, flush=True)
        results = ROOT / "soak" / "results"
        results.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        (results / f"{stamp}.json").write_text(
            json.dumps({"facts": facts, "checks": checks, "inside": inside, "report": text}, indent=2, default=str)
        )
        (results / f"{stamp}.md").write_text(text + "\n")
        log(f"results in soak/results/{stamp}.md")
        return 0 if all(passed for _, passed, _ in checks) else 1
    finally:
        recorder.stop.set()
        if gunicorn is not None and gunicorn.poll() is None:
            gunicorn.terminate()
            try:
                gunicorn.wait(15)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        with contextlib.suppress(Exception):
            postgres.stop("immediate")
        if mounted:
            run(["umount", str(media)], check=False)
        if os.environ.get("SOAK_KEEP"):
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _status(client, path):
    with contextlib.suppress(OSError, http.client.HTTPException):
        return client.request("GET", path, timeout=5)[0]
    return None


def _last_error_after(records, moment):
    late = [r["end"] - moment for r in records if r["status"] == 503 and r["end"] > moment and r["kind"] != "upload"]
    return f"{max(late):.2f} s after its return" if late else "before its return"


if __name__ == "__main__":
    sys.exit(main())
