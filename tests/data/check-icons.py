#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the desktop entry's icon is the app id and that both app icons exist,
parse as SVG and are square (128 px scalable, 16 px symbolic).

usage: check-icons.py DATA_SRCDIR DESKTOP_FILE APP_ID
"""
import configparser
import os
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}svg'


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    data, desktop, app_id = sys.argv[1:]
    problems = []

    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(desktop, encoding='utf-8')
    icon = entry.get('Desktop Entry', 'Icon', fallback=None)
    if icon != app_id:
        problems.append(f'{desktop}: Icon is {icon!r}; Flatpak exports only icons named after the app id {app_id!r}')

    for rel, size in ((f'icons/hicolor/scalable/apps/{app_id}.svg', 128),
                      (f'icons/hicolor/symbolic/apps/{app_id}-symbolic.svg', 16)):
        path = os.path.join(data, rel)
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            problems.append(f'{rel}: {e}')
            continue
        if root.tag != SVG:
            problems.append(f'{rel}: the root element is {root.tag}, not an SVG')
            continue
        box = root.get('viewBox', '').replace(',', ' ').split()
        if box != ['0', '0', str(size), str(size)]:
            problems.append(f'{rel}: viewBox is {root.get("viewBox")!r}, expected "0 0 {size} {size}"')
        if any(el.tag.endswith(('script', 'foreignObject', 'image')) for el in root.iter()):
            problems.append(f'{rel}: holds a script, foreign object or bitmap image')

    if problems:
        print('\n'.join(f'FAIL: {p}' for p in problems))
        return 1
    print(f'ok: icon {app_id}: scalable and symbolic SVGs present and square')
    return 0


if __name__ == '__main__':
    sys.exit(main())
