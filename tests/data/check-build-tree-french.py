#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app run from the build tree speaks French, as an installed app does, without installing.

  check-build-tree-french.py MESON BUILD_ROOT SOURCE_ROOT

Runs the built binary the way `build-aux/dev run` does (through `meson devenv`, which names the
build tree's catalogues) under LANGUAGE=fr and checks the summary of `prisonnum --help` is French;
the same run under LANGUAGE= shows it in English, so the text really comes from the catalogue.
"""
import os
import re
import subprocess
import sys

ENGLISH = 'Read the texts of a course, with their sources, offline.'
FRENCH = 'Lire les textes d’un cours et leurs sources, hors ligne.'


def utf8_locale():
    """fr_FR.UTF-8 when installed, else C.UTF-8. glibc 2.37 and later (Debian 13, the GNOME
    runtime) ignore LANGUAGE under C.UTF-8 as under C; Debian 12's glibc does not."""
    try:
        names = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    except OSError:
        names = []
    return 'fr_FR.UTF-8' if any(n.lower() in ('fr_fr.utf8', 'fr_fr.utf-8') for n in names) else 'C.UTF-8'


def run_help(meson, build, source, language):
    env = dict(os.environ, LANGUAGE=language, LC_ALL=utf8_locale() if language else 'C.UTF-8')
    # What the tests set themselves must not do the work here: devenv has to.
    env.pop('PRISONNUM_LOCALEDIR', None)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    result = subprocess.run([meson, 'devenv', '-C', build, '-w', source,
                             os.path.join(build, 'src', 'prisonnum'), '--help'],
                            env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f'FAIL: prisonnum --help exited {result.returncode}: {result.stderr}')
    return result.stdout


def main():
    meson, build, source = sys.argv[1:4]
    failed = False

    dev = open(os.path.join(source, 'build-aux', 'dev'), encoding='utf-8').read()
    run = re.search(r'^  run\)\n(.*?)^    ;;', dev, re.M | re.S)
    if run is None or 'meson devenv' not in run.group(1):
        print('FAIL: build-aux/dev run does not start the app through meson devenv')
        failed = True

    french = run_help(meson, build, source, 'fr')
    if FRENCH not in french:
        print(f'FAIL: under LANGUAGE=fr the build tree\'s app says:\n{french}')
        failed = True
    english = run_help(meson, build, source, '')
    if ENGLISH not in english:
        print(f'FAIL: under LANGUAGE= the build tree\'s app says:\n{english}')
        failed = True

    if failed:
        sys.exit(1)
    print('ok: French from the build tree, English without LANGUAGE')


if __name__ == '__main__':
    main()
