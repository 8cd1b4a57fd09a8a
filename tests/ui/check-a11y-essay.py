#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A screen reader reaches the essay: the app is started on the bundled pack with GTK's AT-SPI
backend, and its accessibility tree is read over the AT-SPI bus.

usage: check-a11y-essay.py APP GTK_VERSION

TAP output. 1: the app's window is in the AT-SPI tree (the harness works, on every GTK).
2-4: the essay's paragraphs, headings and footnote calls are there too. WebKitGTK hands its
page's tree to GTK through GtkAtSpiSocket, which GTK has from 4.14 on: with an older GTK the
page is a blank box to a screen reader, and 2-4 are skipped with that reason.
Run under a display and a session bus (build-aux/dev test: xvfb-run and dbus-run-session).
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PARAGRAPH = 'prend à La France Insoumise'   # « Frédéric Lordon s’en prend à La France Insoumise »
HEADING_MIN = 1      # the essay has section headings
FOOTNOTE_CALLS = {'1', '2', '3', '4'}
WAIT_SECONDS = 90


def tap(n, ok, what, extra=''):
    print(f'{"ok" if ok else "not ok"} {n} - {what}{extra}', flush=True)
    return ok


def version_at_least(version, major, minor):
    parts = [int(p) for p in version.split('.')[:2]]
    return (parts[0], parts[1]) >= (major, minor)


def find_launcher():
    for path in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher'):
        if os.access(path, os.X_OK):
            return path
    return shutil.which('at-spi-bus-launcher')


def app_of(desktop, pid):
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        try:
            if child is not None and child.get_process_id() == pid:
                return child
        except Exception:
            pass
    return None


def walk(node, seen, depth=0):
    """Every (role, name, text) under node."""
    if node is None or depth > 80:
        return
    from gi.repository import Atspi
    try:
        role = node.get_role_name()
        name = node.get_name() or ''
    except Exception:
        return
    text = ''
    try:
        if 'Text' in node.get_interfaces():
            text = Atspi.Text.get_text(node, 0, min(Atspi.Text.get_character_count(node), 4000))
    except Exception:
        pass
    seen.append((role, name, text or ''))
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            walk(node.get_child_at_index(i), seen, depth + 1)
        except Exception:
            pass


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    app_exe, gtk_version = sys.argv[1], sys.argv[2]
    if 'DISPLAY' not in os.environ and 'WAYLAND_DISPLAY' not in os.environ:
        print('1..0 # SKIP no display')
        return 0
    print('1..4')
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi

    launcher = find_launcher()
    if launcher is None:
        tap(1, False, 'at-spi-bus-launcher found (at-spi2-core)')
        return 1
    home = tempfile.mkdtemp(prefix='pn-a11y-')
    # A runtime folder of its own: the accessibility bus's socket goes there, not in a
    # ~/.cache/at-spi shared with every other session of the same user.
    runtime_dir = os.path.join(home, 'run')
    os.mkdir(runtime_dir, 0o700)
    env = dict(os.environ, GTK_A11Y='atspi', NO_AT_BRIDGE='0', XDG_RUNTIME_DIR=runtime_dir,
               XDG_DATA_HOME=os.path.join(home, 'data'), XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_CACHE_HOME=os.path.join(home, 'cache'))
    env.pop('G_DEBUG', None)
    # A session bus and an accessibility bus of the test's own, named to the app and to this
    # script by address: nothing shared with other sessions of the same user (the X display's
    # AT_SPI_BUS property and ~/.cache/at-spi may be another session's).
    daemon = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    env['DBUS_SESSION_BUS_ADDRESS'] = daemon.stdout.readline().strip()
    bus = subprocess.Popen([launcher, '--launch-immediately'], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        a11y_address = ''
        for _ in range(100):
            reply = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus',
                                    '--object-path', '/org/a11y/bus', '--method', 'org.a11y.Bus.GetAddress'],
                                   env=env, capture_output=True, text=True)
            if reply.returncode == 0 and "'" in reply.stdout:
                a11y_address = reply.stdout.split("'")[1]
                break
            time.sleep(0.2)
        env['AT_SPI_BUS_ADDRESS'] = a11y_address
        os.environ['AT_SPI_BUS_ADDRESS'] = a11y_address
        os.environ['DBUS_SESSION_BUS_ADDRESS'] = env['DBUS_SESSION_BUS_ADDRESS']
        app = subprocess.Popen([app_exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
        Atspi.init()
        desktop = Atspi.get_desktop(0)
        deadline = time.monotonic() + WAIT_SECONDS
        seen = []
        window_found = paragraph_found = False
        headings = 0
        calls = set()
        wants_page = version_at_least(gtk_version, 4, 14)
        while time.monotonic() < deadline and app.poll() is None:
            time.sleep(2)
            node = app_of(desktop, app.pid)
            if node is None:
                continue
            seen = []
            walk(node, seen)
            window_found = any(r in ('frame', 'window', 'dialog') for r, _, _ in seen)
            paragraph_found = any(r == 'paragraph' and PARAGRAPH in t for r, _, t in seen)
            headings = sum(1 for r, n, t in seen if r == 'heading' and (n or t).strip())
            calls = {(n or t).strip() for r, n, t in seen if r == 'link' and (n or t).strip() in FOOTNOTE_CALLS}
            if window_found and (not wants_page or (paragraph_found and headings >= HEADING_MIN
                                                    and calls == FOOTNOTE_CALLS)):
                break

        ok = tap(1, window_found, "the app's window is in the AT-SPI tree")
        if not wants_page:
            reason = (f' # SKIP GTK {gtk_version} < 4.14: no GtkAtSpiSocket, WebKit cannot hand its page '
                      'to the AT-SPI tree')
            for n, what in ((2, 'paragraphs'), (3, 'headings'), (4, 'footnote calls')):
                tap(n, True, f'the essay\'s {what} reach AT-SPI', reason)
        else:
            ok &= tap(2, paragraph_found, f'a paragraph holds “{PARAGRAPH}”')
            ok &= tap(3, headings >= HEADING_MIN, f'headings are there ({headings} found)')
            ok &= tap(4, calls == FOOTNOTE_CALLS,
                      f'the footnote calls are links ({", ".join(sorted(calls)) or "none"} found)')
        if not ok:
            roles = {}
            for r, _, _ in seen:
                roles[r] = roles.get(r, 0) + 1
            print(f'# {len(seen)} nodes, roles {sorted(roles.items(), key=lambda x: -x[1])[:20]}')
            if app.poll() is not None:
                print('# the app stopped: ' + app.stderr.read().decode(errors='replace')[-2000:])
        return 0 if ok else 1
    finally:
        for p in (app, bus, daemon):
            if p is None:
                continue
            try:
                if p is app:
                    os.killpg(p.pid, signal.SIGTERM)
                else:
                    p.terminate()
                p.wait(timeout=10)
            except Exception:
                pass
        shutil.rmtree(home, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
