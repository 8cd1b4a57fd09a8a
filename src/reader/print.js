/* print.js: readies the reader page for paper.
 *
 * Not a user script: the body of a function that the print code calls in the
 * app's private script world just before printing, with two arguments:
 *   step  'cited': returns the ids of the sources the page's links cite, in
 *                  page order, each once (strings, at most MAX_IDS);
 *         'works': builds the print-only list of works cited from `works`,
 *                  and returns how many entries it holds.
 *   works the list as JSON (pn_works_cited_to_json()), for step 'works'.
 * Page text is only ever read; the list is built from text nodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

const MAX_IDS = 4096;
const MAX_ID_LENGTH = 256;

if (step === 'cited') {
  const seen = new Set();
  for (const el of document.querySelectorAll('a[data-source], blockquote[data-source]')) {
    const id = el.getAttribute('data-source');
    if (id && id.length <= MAX_ID_LENGTH && !seen.has(id)) {
      seen.add(id);
      if (seen.size >= MAX_IDS)
        break;
    }
  }
  return Array.from(seen);
}

if (step !== 'works')
  return -1;

/* The list made for an earlier print of this page. */
if (globalThis.pnWorksCited && globalThis.pnWorksCited.isConnected)
  globalThis.pnWorksCited.remove();
globalThis.pnWorksCited = null;

const list = JSON.parse(works);
if (!list || !Array.isArray(list.entries) || list.entries.length === 0)
  return 0;

const section = document.createElement('section');
section.className = 'pn-works-cited';
const heading = document.createElement('h2');
heading.textContent = String(list.heading || '');
section.append(heading);

const ul = document.createElement('ul');
for (const entry of list.entries) {
  const li = document.createElement('li');
  for (const run of Array.isArray(entry.runs) ? entry.runs : []) {
    const text = document.createTextNode(String(run[0]));
    if (run[1]) {
      const i = document.createElement('i');
      i.append(text);
      li.append(i);
    } else {
      li.append(text);
    }
  }
  ul.append(li);
}
section.append(ul);

document.body.append(section);
globalThis.pnWorksCited = section;
return list.entries.length;
