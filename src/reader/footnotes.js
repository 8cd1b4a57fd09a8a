/* footnotes.js: a click on a footnote call shows the note in a popover
 *
 * Posts "footnote" with the note's plain text and its runs of styled text
 * (the app builds the popover from them); the page does not scroll.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  const MAX_RUNS = 400;

  /* Text nodes of a footnote, less its back-reference to the call. */
  const skipBackrefs = {
    acceptNode (node) {
      const parent = node.parentElement;
      if (parent && parent.closest('.footnote-backref, [data-footnote-backref]'))
        return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  };

  function footnoteText (note) {
    const paragraphs = Array.from(note.querySelectorAll('p'));
    const parts = paragraphs.length ? paragraphs.map((p) => bridge.textOf(p, skipBackrefs))
                                    : [bridge.textOf(note, skipBackrefs)];
    return parts.filter((t) => t.length > 0).join('\n\n');
  }

  /* The note as runs of text with their style, for the popover:
   * [text, flags (1 italic, 2 bold, 4 code), cited source id or '']. */
  function footnoteRuns (note) {
    const paragraphs = Array.from(note.querySelectorAll('p'));
    const blocks = paragraphs.length ? paragraphs : [note];
    const runs = [];
    let total = 0;
    for (const block of blocks) {
      if (runs.length)
        runs.push(['\n\n', 0, '']);
      const first = runs.length;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, skipBackrefs);
      while (walker.nextNode() && runs.length < MAX_RUNS && total < bridge.MAX_TEXT) {
        const node = walker.currentNode;
        const el = node.parentElement;
        let text = node.data.replace(/\s+/g, ' ');
        if (runs.length === first)
          text = text.replace(/^ /, '');
        if (!text)
          continue;
        let flags = 0;
        if (el.closest('em, i, cite'))
          flags |= 1;
        if (el.closest('strong, b'))
          flags |= 2;
        if (el.closest('code'))
          flags |= 4;
        const cite = el.closest('a[data-source]');
        text = bridge.clip(text);
        total += text.length;
        runs.push([text, flags, cite ? bridge.clip(cite.getAttribute('data-source')).slice(0, 128) : '']);
      }
      if (runs.length > first)
        runs[runs.length - 1][0] = runs[runs.length - 1][0].replace(/ $/, '');
    }
    return runs;
  }

  function fragmentOf (a) {
    const href = a.getAttribute('href') || '';
    if (!href.startsWith('#'))
      return null;
    try {
      return decodeURIComponent(href.slice(1));
    } catch (e) {
      return href.slice(1);
    }
  }

  function onClick (event) {
    if (event.button !== 0)
      return;
    const target = event.target;
    const a = target && target.closest ? target.closest('a') : null;
    if (!a || !a.matches('sup.footnote-ref a[href^="#fn"], a[data-footnote-ref]'))
      return;
    const id = fragmentOf(a);
    const note = id ? document.getElementById(id) : null;
    if (!note)
      return;   /* not a footnote we can show: let the page scroll to it */
    event.preventDefault();
    event.stopImmediatePropagation();
    bridge.post('footnote', { id: id, label: bridge.textOf(a).slice(0, 16), text: bridge.clip(footnoteText(note)),
                              runs: footnoteRuns(note), rect: bridge.rectOf(a, event) });
  }

  window.addEventListener('click', onClick, true);
})();
