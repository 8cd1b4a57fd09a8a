#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in against the source tree.

Fails when a file with translatable strings is missing from POTFILES.in, when
POTFILES.in names a file that does not exist, or when the list is not sorted.

usage: check-potfiles.py SOURCE_ROOT
"""
import os
import re
import sys

# Calls that mark a C string for translation (GLib's gi18n.h and gettext).
C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])'
    r'(?:_|N_|C_|NC_|Q_|ngettext|dngettext|dgettext|dcgettext|'
    r'g_dgettext|g_dngettext|g_dpgettext|g_dpgettext2|g_dcgettext)'
    r'\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']')

# Folders scanned for translatable sources, and the data files always translated.
SCANNED_DIRS = ('src',)
DATA_PATTERNS = (
    re.compile(r'^data/[^/]+\.desktop\.in$'),
    re.compile(r'^data/[^/]+\.metainfo\.xml\.in$'),
    re.compile(r'^data/[^/]+\.gschema\.xml$'),
    re.compile(r'^data/[^/]+\.mime\.xml(?:\.in)?$'),
)


def strip_c_comments(text):
    """Blanks out C comments, so that a comment quoting _( is not a hit."""
    return re.sub(r'/\*.*?\*/|//[^\n]*', ' ', text, flags=re.S)


def needs_translation(root, rel):
    path = os.path.join(root, rel)
    if any(p.match(rel) for p in DATA_PATTERNS):
        return True
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False
    if rel.endswith(('.c', '.h')):
        return C_MARKERS.search(strip_c_comments(text)) is not None
    if rel.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    return False


def candidate_files(root):
    found = []
    for d in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, d)):
            dirnames[:] = sorted(n for n in dirnames if not n.startswith('.'))
            for name in filenames:
                if name.endswith(('.c', '.h', '.ui')):
                    found.append(os.path.relpath(os.path.join(dirpath, name), root))
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in os.listdir(data):
            found.append('data/' + name)
    return sorted(f.replace(os.sep, '/') for f in found)


def read_potfiles(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append((number, line))
    return entries


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')
    listed = read_potfiles(potfiles_path)
    names = [name for _, name in listed]
    problems = []

    for number, name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            problems.append(f'po/POTFILES.in:{number}: {name} does not exist')
    seen = set()
    for number, name in listed:
        if name in seen:
            problems.append(f'po/POTFILES.in:{number}: {name} is listed twice')
        seen.add(name)
    for (number, name), previous in zip(listed[1:], names):
        if name < previous:
            problems.append(f'po/POTFILES.in:{number}: {name} is out of order (keep the list sorted)')

    for rel in candidate_files(root):
        if needs_translation(root, rel) and rel not in seen:
            problems.append(f'{rel}: has translatable strings but is missing from po/POTFILES.in')

    for number, name in listed:
        if os.path.isfile(os.path.join(root, name)) and not needs_translation(root, name):
            print(f'note: po/POTFILES.in:{number}: {name} has no translatable string')

    if problems:
        print('\n'.join(problems))
        print(f'FAIL: {len(problems)} problem(s) with po/POTFILES.in')
        return 1
    print(f'ok: po/POTFILES.in lists all {len(listed)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
