#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: it parses, names the app, and grants the sandbox
nothing beyond a display and GPU: no network, no file system, no D-Bus names.

usage: check-flatpak-manifest.py MANIFEST APP_ID
"""
import json
import sys

# What an offline reader needs: IPC for X11 shared memory, Wayland with an X11
# fallback, and the GPU for WebKit's rendering.
EXPECTED_FINISH_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, app_id = sys.argv[1], sys.argv[2]
    problems = []

    with open(path, 'rb') as f:
        raw = f.read()
    try:
        manifest = json.loads(raw.decode('utf-8'))
    except (UnicodeDecodeError, ValueError) as e:
        print(f'FAIL: {path} is not valid JSON: {e}')
        return 1
    if not raw.endswith(b'\n'):
        problems.append('the file does not end with a newline')

    if manifest.get('id', manifest.get('app-id')) != app_id:
        problems.append(f'id is {manifest.get("id")!r}, expected {app_id!r}')
    for key, expected in (('runtime', 'org.gnome.Platform'), ('sdk', 'org.gnome.Sdk'),
                          ('command', 'prisonnum')):
        if manifest.get(key) != expected:
            problems.append(f'{key} is {manifest.get(key)!r}, expected {expected!r}')
    if not str(manifest.get('runtime-version', '')).strip():
        problems.append('runtime-version is missing')

    args = manifest.get('finish-args', [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        problems.append('finish-args is not a list of strings')
        args = []
    for arg in args:
        if arg.startswith('--share=network'):
            problems.append(f'finish-args grants network access ({arg})')
        if arg.startswith(('--filesystem', '--persist')):
            problems.append(f'finish-args grants file-system access ({arg})')
        if arg.startswith(('--talk-name', '--own-name', '--system-talk-name', '--system-own-name',
                           '--socket=session-bus', '--socket=system-bus')):
            problems.append(f'finish-args grants D-Bus access ({arg})')
        if arg.startswith(('--device=all', '--device=shm', '--allow=', '--socket=x11',
                           '--socket=pulseaudio', '--socket=pcsc', '--socket=cups',
                           '--socket=ssh-auth', '--socket=gpg-agent')):
            problems.append(f'finish-args grants {arg}, which this app does not need')
    sockets = sorted(a for a in args if a.startswith('--socket='))
    expected_sockets = sorted(a for a in EXPECTED_FINISH_ARGS if a.startswith('--socket='))
    if sockets != expected_sockets:
        problems.append(f'sockets are {sockets}, expected exactly {expected_sockets}')
    if sorted(args) != sorted(EXPECTED_FINISH_ARGS):
        problems.append(f'finish-args are {args}, expected exactly {EXPECTED_FINISH_ARGS}')
    build_args = manifest.get('build-options', {}).get('build-args', [])
    if any(a.startswith('--share=network') for a in build_args):
        problems.append('build-options gives the build network access')

    modules = manifest.get('modules', [])
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    if not names or names[-1] != 'prisonnum':
        problems.append(f'the last module must be prisonnum, modules are {names}')
    if 'cmark-gfm' not in names:
        problems.append('cmark-gfm is not built as a module (the GNOME runtime lacks it)')
    for module in modules:
        if not isinstance(module, dict):
            continue
        for arg in module.get('build-options', {}).get('build-args', []):
            if arg.startswith('--share=network'):
                problems.append(f'module {module.get("name")} builds with network access')
        for source in module.get('sources', []):
            if source.get('type') == 'git' and not (source.get('tag') or source.get('commit')):
                problems.append(f'module {module.get("name")}: a git source needs a tag or a commit')

    if problems:
        print('\n'.join(f'FAIL: {p}' for p in problems))
        return 1
    print(f'ok: {path}: {manifest["runtime"]}//{manifest["runtime-version"]}, '
          f'finish-args {" ".join(args)}, modules {", ".join(names)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
