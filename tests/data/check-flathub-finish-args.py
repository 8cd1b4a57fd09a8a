#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flathub linter's finish-args rules (flatpak-builder-lint, checks/finish_args.py, by the
names it reports), applied to the manifest, plus this project's own: no network, no file
system. Each rule is first shown to fire on a manifest made to break it, so that a rule that
can no longer fail is noticed.

usage: check-flathub-finish-args.py MANIFEST
"""
import json
import sys


def lint(manifest):
    """The errors of flatpak-builder-lint's finish-args rules, then the project's."""
    app_id = manifest.get('id', manifest.get('app-id', ''))
    args = manifest.get('finish-args', [])
    errors = set()

    def values(prefix):
        return [a[len(prefix):] for a in args if a.startswith(prefix)]

    sockets = set(values('--socket='))
    shares = set(values('--share='))
    talk = values('--talk-name=') + values('--system-talk-name=')
    own = values('--own-name=') + values('--system-own-name=')
    filesystems = values('--filesystem=')

    # Display: Wayland with an X11 fallback, and IPC for X11's shared memory.
    if 'fallback-x11' in sockets and 'wayland' not in sockets:
        errors.add('finish-args-fallback-x11-without-wayland')
    if 'wayland' in sockets and not sockets & {'x11', 'fallback-x11'}:
        errors.add('finish-args-only-wayland')
    if sockets & {'x11', 'fallback-x11'} and 'ipc' not in shares:
        errors.add('finish-args-x11-without-ipc')
    if {'x11', 'fallback-x11'} <= sockets:
        errors.add('finish-args-contains-both-x11-and-fallback')
    if {'x11', 'wayland'} <= sockets:
        errors.add('finish-args-contains-both-x11-and-wayland')

    # D-Bus: no whole bus, no portal or Flatpak names, no wildcards, nothing the app owns anyway.
    if sockets & {'session-bus', 'system-bus'}:
        errors.add('finish-args-arbitrary-dbus-access')
    for name in talk:
        if name.startswith('org.freedesktop.portal.'):
            errors.add('finish-args-portal-talk-name')
        if name == 'org.freedesktop.Flatpak':
            errors.add('finish-args-flatpak-spawn-access')
        if name in ('ca.desrt.dconf',):
            errors.add('finish-args-dconf-talk-name')
        if name.endswith('*') and name.startswith(('org.gnome.', 'org.kde.', 'org.freedesktop.')):
            errors.add('finish-args-wildcard-' + name.split('.')[1] + '-talk-name')
    for name in own:
        if name == app_id:
            errors.add('finish-args-unnecessary-appid-own-name')
        if name.startswith('org.freedesktop.portal.'):
            errors.add('finish-args-portal-own-name')

    # File system: no home, no host, no dconf's files, no arbitrary XDG folders.
    for fs in filesystems:
        path = fs.split(':')[0]
        if path in ('home', '~', '~/'):
            errors.add('finish-args-home-ro-filesystem-access' if fs.endswith(':ro')
                       else 'finish-args-home-filesystem-access')
        if path in ('host', 'host-os', 'host-etc'):
            errors.add('finish-args-host-filesystem-access' if path == 'host'
                       else f'finish-args-{path}-filesystem-access')
        if path.startswith(('xdg-run/dconf', '~/.config/dconf')):
            errors.add('finish-args-direct-dconf-path')
        for kind in ('config', 'data', 'cache'):
            if path == f'xdg-{kind}':
                errors.add(f'finish-args-arbitrary-xdg-{kind}-{"ro-" if fs.endswith(":ro") else ""}access')

    # This project's rules: an offline reader.
    if 'network' in shares:
        errors.add('project-network-access')
    for flag in manifest.get('build-options', {}).get('build-args', []):
        if flag == '--share=network':
            errors.add('manifest-toplevel-build-network-access')
    if filesystems or values('--persist='):
        errors.add('project-filesystem-access')
    if talk or own:
        errors.add('project-dbus-names')
    return errors


GOOD = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
# Each rule, and a finish-args list that must break it (and only change what it needs).
BROKEN = {
    'finish-args-fallback-x11-without-wayland': ['--share=ipc', '--socket=fallback-x11'],
    'finish-args-only-wayland': ['--share=ipc', '--socket=wayland'],
    'finish-args-x11-without-ipc': ['--socket=wayland', '--socket=fallback-x11'],
    'finish-args-contains-both-x11-and-fallback': GOOD + ['--socket=x11'],
    'finish-args-contains-both-x11-and-wayland': ['--share=ipc', '--socket=wayland', '--socket=x11'],
    'finish-args-arbitrary-dbus-access': GOOD + ['--socket=session-bus'],
    'finish-args-portal-talk-name': GOOD + ['--talk-name=org.freedesktop.portal.FileChooser'],
    'finish-args-flatpak-spawn-access': GOOD + ['--talk-name=org.freedesktop.Flatpak'],
    'finish-args-dconf-talk-name': GOOD + ['--talk-name=ca.desrt.dconf'],
    'finish-args-wildcard-gnome-talk-name': GOOD + ['--talk-name=org.gnome.*'],
    'finish-args-unnecessary-appid-own-name': GOOD + ['--own-name=org.example.Prisonnum'],
    'finish-args-home-filesystem-access': GOOD + ['--filesystem=home'],
    'finish-args-home-ro-filesystem-access': GOOD + ['--filesystem=home:ro'],
    'finish-args-host-filesystem-access': GOOD + ['--filesystem=host'],
    'finish-args-direct-dconf-path': GOOD + ['--filesystem=xdg-run/dconf'],
    'finish-args-arbitrary-xdg-data-access': GOOD + ['--filesystem=xdg-data'],
    'project-network-access': GOOD + ['--share=network'],
    'project-filesystem-access': GOOD + ['--filesystem=xdg-documents:ro'],
    'project-dbus-names': GOOD + ['--talk-name=org.example.Other'],
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding='utf-8') as f:
        manifest = json.load(f)

    failures = []
    # Controls: each rule fires on its broken example, and nothing fires on the good list.
    base = {'id': manifest.get('id')}
    for rule, args in BROKEN.items():
        found = lint(dict(base, **{'finish-args': args}))
        if rule not in found:
            failures.append(f'control: rule {rule} does not fire on {args} (found {sorted(found)})')
    found = lint(dict(base, **{'finish-args': GOOD}))
    if found:
        failures.append(f'control: the good finish-args break {sorted(found)}')

    found = lint(manifest)
    for rule in sorted(found):
        failures.append(f'{sys.argv[1]}: {rule}')
    if failures:
        print('\n'.join(f'FAIL: {f}' for f in failures))
        return 1
    print(f'ok: {len(BROKEN)} rules, each seen to fire on its broken example; '
          f'{sys.argv[1]} breaks none: {" ".join(manifest.get("finish-args", []))}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
