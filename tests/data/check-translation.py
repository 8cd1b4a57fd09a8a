#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that a translation catalogue is complete and current.

  check-translation.py ui   SOURCE_ROOT PO_FILE
      Extracts a fresh template from po/POTFILES.in with xgettext (the same keywords
      as meson's i18n.gettext glib preset) and checks PO_FILE against it.
  check-translation.py help SOURCE_ROOT PO_FILE PAGE...
      Extracts a fresh template from the Mallard pages with itstool (as gnome.yelp does)
      and checks PO_FILE against it.

Fails when msgfmt -c rejects the catalogue, when it has a fuzzy or untranslated
message, or when a message of the fresh template is missing from it (msgcmp).
"""
import os
import re
import subprocess
import sys
import tempfile

GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def make_ui_template(root, pot):
    cmd = ['xgettext', '--package-name=prisonnum', '-f', os.path.join(root, 'po', 'POTFILES.in'),
           '-D', root, '-k_', '-o', pot] + GLIB_PRESET
    r = run(cmd)
    if r.returncode != 0:
        sys.exit(f'FAIL: xgettext could not extract the template:\n{r.stderr}')


def make_help_template(root, pot, pages):
    cwd = os.path.join(root, 'help', 'C')
    r = run(['itstool', '-o', pot] + [os.path.basename(p) for p in pages], cwd=cwd)
    if r.returncode != 0:
        sys.exit(f'FAIL: itstool could not extract the template:\n{r.stderr}')


def count_messages(pot):
    r = run(['msgfmt', '--statistics', '-o', os.devnull, pot])
    m = re.search(r'(\d+) untranslated', r.stderr)
    return int(m.group(1)) if m else 0


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ('ui', 'help'):
        sys.exit(__doc__)
    mode, root, po = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    pages = sys.argv[4:]
    problems = []

    if not os.path.isfile(po):
        sys.exit(f'FAIL: {po} does not exist')

    # 1. The catalogue compiles, with format strings checked, and nothing is left fuzzy or untranslated.
    r = run(['msgfmt', '-c', '--statistics', '-o', os.devnull, po])
    stats = r.stderr.strip()
    if r.returncode != 0:
        problems.append(f'msgfmt -c rejects {po}:\n{stats}')
    else:
        if re.search(r'\bfuzzy\b', stats):
            problems.append(f'{po} has fuzzy messages: {stats}')
        if re.search(r'\buntranslated\b', stats):
            problems.append(f'{po} has untranslated messages: {stats}')

    # 2. Every message of a freshly extracted template is translated in the catalogue.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'fresh.pot')
        if mode == 'ui':
            make_ui_template(root, pot)
        else:
            if not pages:
                sys.exit('FAIL: no help page given')
            make_help_template(root, pot, pages)
        if not os.path.exists(pot):
            sys.exit('FAIL: the extractor found no message at all')
        total = count_messages(pot)
        # msgcmp ignores fuzzy and untranslated entries of the catalogue: they count as missing.
        r = run(['msgcmp', po, pot])
        if r.returncode != 0:
            lines = [l for l in r.stderr.splitlines() if 'used but not defined' in l]
            shown = '\n'.join(lines[:40]) + ('\n…' if len(lines) > 40 else '')
            problems.append(f'{po} lacks {len(lines)} of the {total} current messages '
                            f'(run the update-po target, then translate):\n{shown}')

    if problems:
        print('\n'.join(problems))
        print(f'FAIL: {po} is not a complete translation')
        return 1
    print(f'ok: {po}: {stats}; all {total} current messages translated')
    return 0


if __name__ == '__main__':
    sys.exit(main())
