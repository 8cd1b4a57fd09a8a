# SPDX-License-Identifier: GPL-3.0-or-later
"""Run inside the app's sandbox (flatpak run --command=python3 org.example.Prisonnum -c ...)
by build-aux/flatpak-ci: what can the app reach? Prints one "name: ok|FAIL detail" line per
check; exit status 1 when one failed.

Environment: PN_PROBE_PORT (a loopback listener on the host), PN_PROBE_MARKER (a file in the
host's home folder), PN_PROBE_PACK (a file of the bundled pack, which the app must see),
PN_PROBE_HOST_PACK (a pack on the host, outside the home folder, which the app must not see:
build-aux/flatpak-portal-probe then opens that same file through the file chooser portal).
"""
import os
import socket
import sys

failed = False


def report(name, ok, detail):
    global failed
    failed |= not ok
    print(f'{name}: {"ok" if ok else "FAIL"} {detail}', flush=True)


# Positive control: the app's own files are there to be read.
pack = os.environ['PN_PROBE_PACK']
report('sees-app-files', os.path.isfile(pack), pack)

# No network: the host's loopback listener cannot be reached (the sandbox has a network
# namespace of its own, with only its own loopback), and no other interface is up.
port = int(os.environ['PN_PROBE_PORT'])
try:
    with socket.create_connection(('127.0.0.1', port), timeout=5):
        report('no-network', False, f'connected to the host listener on 127.0.0.1:{port}')
except OSError as e:
    interfaces = sorted(name for _, name in socket.if_nameindex())
    report('no-network', interfaces == ['lo'],
           f'127.0.0.1:{port} refused ({e.__class__.__name__}: {e.strerror or e}); interfaces {interfaces}')

# No home folder: the host's file is not there; what the app sees as home is its own.
marker = os.environ['PN_PROBE_MARKER']
home = os.path.expanduser('~')
seen = sorted(os.listdir(home)) if os.path.isdir(home) else []
report('no-home', not os.path.exists(marker) and os.path.basename(marker) not in seen,
       f'{marker} is {"visible" if os.path.exists(marker) else "not visible"}; home {home} holds {seen}')

# Nor a pack elsewhere on the host, until the file chooser portal hands it over.
host_pack = os.environ.get('PN_PROBE_HOST_PACK')
if host_pack:
    report('no-host-pack', not os.path.exists(host_pack),
           f'{host_pack} is {"visible" if os.path.exists(host_pack) else "not visible"} without the portal')

data = os.environ.get('XDG_DATA_HOME', '')
report('own-data-folder', data.endswith('/.var/app/' + os.environ.get('FLATPAK_ID', '?') + '/data'),
       f'XDG_DATA_HOME={data}')
sys.exit(1 if failed else 0)
