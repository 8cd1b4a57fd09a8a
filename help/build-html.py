#!/usr/bin/env python3
# Builds the Mallard help as HTML pages, for the app's own help window (used when no help viewer opens):
#   build-html.py OUTPUT.c LANG[=PO]... -- PAGE...
# LANG "C" is the English original; any other language is translated from PO with itstool first.
# OUTPUT.c is a GResource bundle (/org/example/Prisonnum/help/LANG/PAGE.html and help.css).
# The pages are made to be read without scripts (the help window runs none): yelp-build's
# scripts are removed, the page carries its language, and a dark palette follows
# prefers-color-scheme.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

# yelp-xsl's light colours and what stands for each in Adwaita's dark style.
BACKGROUNDS = {
    '#ffffff': '#242424',
    'rgb(244,244,244)': '#303030',
    'rgb(234,234,233)': '#3a3a3a',
    'rgb(241,246,253)': '#1f2c3c',
    'rgb(253,251,233)': '#383420',
    'rgb(251,243,244)': '#3c2326',
    'rgb(227,250,236)': '#1f3527',
    'rgb(255,243,231)': '#3c2d1e',
    'rgb(249,243,250)': '#34273a',
    '#c0bfbc': '#5e5c64',
    '#ddd': '#4a4a4a',
    '#f8e45c': '#7a6b10',
}
FOREGROUNDS = {
    '#000000': '#deddda',
    'rgb(75,75,73)': '#deddda',
    'rgb(102,102,100)': '#c0bfbc',
    'rgb(43,107,185)': '#78aeed',
    '#3584e4': '#78aeed',
    'rgb(73,144,231)': '#99c1f1',
    'rgb(173,25,36)': '#ff7b63',
    '#c01c28': '#ff7b63',
    'rgb(150,96,43)': '#f8c471',
    'rgb(46,121,73)': '#8ff0a4',
    '#57e389': '#8ff0a4',
    'rgb(147,64,167)': '#dc8add',
    'rgb(107,99,41)': '#e5d48f',
}
COLOR = re.compile(r'#[0-9a-fA-F]{3,6}\b|rgba?\([^)]*\)')


def dark_value(prop, value):
    """The declaration's value in the dark palette, or None when it has no colour to change."""
    first, second = (FOREGROUNDS, BACKGROUNDS) if prop == 'color' else (BACKGROUNDS, FOREGROUNDS)
    changed = False

    def swap(match):
        nonlocal changed
        key = match.group(0).replace(' ', '').lower()
        new = first.get(key) or second.get(key)
        if new is None:
            return match.group(0)
        changed = True
        return new

    value = COLOR.sub(swap, value)
    return value if changed else None


def dark_rules(css):
    """The rules of @css that set a colour, rewritten for the dark palette (nested @media kept)."""
    out = []
    pos = 0
    while True:
        start = css.find('{', pos)
        if start < 0:
            break
        prelude = css[pos:start].strip()
        depth, end = 1, start + 1
        while end < len(css) and depth:
            depth += {'{': 1, '}': -1}.get(css[end], 0)
            end += 1
        body = css[start + 1:end - 1]
        pos = end
        if '{{' in prelude or '}}' in prelude:
            continue
        if prelude.startswith('@media'):
            inner = dark_rules(body)
            if inner:
                out.append(f'{prelude} {{\n{inner}}}\n')
            continue
        if prelude.startswith('@'):
            continue
        declarations = []
        for declaration in body.split(';'):
            if ':' not in declaration:
                continue
            prop, value = (part.strip() for part in declaration.split(':', 1))
            new = dark_value(prop.lower(), value)
            if new is not None:
                declarations.append(f'  {prop}: {new};')
        if declarations:
            out.append(f'{prelude} {{\n' + '\n'.join(declarations) + '\n}\n')
    return ''.join(out)


def finish_page(path, lang):
    with open(path, encoding='utf-8') as f:
        html = f.read()
    # No scripts: the help window runs none, and the pages read the same without them.
    html = re.sub(r'<script\b[^>]*>.*?</script>', '', html, flags=re.S)
    html = html.replace('<html>', f'<html lang="{"en" if lang == "C" else lang}">', 1)
    html = html.replace('<head>', '<head>\n<meta name="color-scheme" content="light dark">', 1)
    # One stylesheet name for every language, so that the resource list stays fixed.
    html = html.replace(f'href="{lang}.css"', 'href="help.css"')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(html)


def build_language(lang, po, pages, outdir):
    """The HTML pages of @lang (and help.css) in @outdir."""
    with tempfile.TemporaryDirectory() as tmp:
        if lang != 'C':
            mo = os.path.join(tmp, lang + '.mo')
            subprocess.run(['msgfmt', '-o', mo, po], check=True)
            translated = os.path.join(tmp, 'pages')
            os.mkdir(translated)
            subprocess.run(['itstool', '-m', mo, '-o', translated + os.sep] + pages, check=True)
            pages = [os.path.join(translated, os.path.basename(p)) for p in pages]
        html = os.path.join(tmp, 'html')
        os.mkdir(html)
        subprocess.run(['yelp-build', 'html', '-o', html + os.sep]
                       + [p for p in pages if p.endswith('.page')], check=True)

        os.makedirs(outdir)
        for name in os.listdir(html):
            source = os.path.join(html, name)
            if name.endswith('.html'):
                finish_page(source, lang)
                shutil.copyfile(source, os.path.join(outdir, name))
            elif name.endswith('.css'):
                with open(source, encoding='utf-8') as f:
                    css = f.read()
                css += ('\n/* Added for the app\'s help window: a focus ring for the keyboard, and the dark style */\n'
                        ':root { color-scheme: light dark; }\n'
                        'a:focus-visible { outline: 2px solid #3584e4; outline-offset: 2px; border-radius: 3px; }\n'
                        '@media (prefers-color-scheme: dark) {\n' + dark_rules(css)
                        + 'a:focus-visible { outline-color: #78aeed; }\n}\n')
                with open(os.path.join(outdir, 'help.css'), 'w', encoding='utf-8') as f:
                    f.write(css)


def main():
    # build-html.py OUTPUT.c LANG[=PO]... -- PAGE...
    split = sys.argv.index('--')
    output, languages, pages = sys.argv[1], sys.argv[2:split], sys.argv[split + 1:]
    pages = [os.path.abspath(p) for p in pages]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for language in languages:
            lang, _, po = language.partition('=')
            build_language(lang, po, pages, os.path.join(tmp, lang))
            files += [f'{lang}/{name}' for name in sorted(os.listdir(os.path.join(tmp, lang)))]
        xml = os.path.join(tmp, 'help.gresource.xml')
        with open(xml, 'w', encoding='utf-8') as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n'
                    '  <gresource prefix="/org/example/Prisonnum/help">\n'
                    + ''.join(f'    <file>{name}</file>\n' for name in files)
                    + '  </gresource>\n</gresources>\n')
        subprocess.run(['glib-compile-resources', '--generate-source', '--c-name', 'prisonnum_help',
                        '--sourcedir', tmp, '--target', output, xml], check=True)


if __name__ == '__main__':
    main()
