/* annotations.js: the student's highlights, note markers and bookmarks, painted in the text
 *
 * The app hands the list of the document's anchored annotations (setAnnotations,
 * from pn_reader_view_set_annotations()): each {id, kind, start, end, color,
 * note} in page text code points (text.js). Each highlight's words are wrapped,
 * text node piece by text node piece, in <span class="pn-hl pn-hl-COLOR"
 * data-annotation=ID>: the text itself is not changed (pnText still reads the
 * same words), and the wrappers are taken out again before the next painting.
 * A highlight carrying a note ends with a small marker (an empty element: its
 * pen is drawn by reader.css), a bookmark starts with one. Clicking a
 * highlight, or Enter on it (its first piece is a Tab stop), posts
 * "annotation" {id, rect}.
 *
 * Painting many is one pass: every range is found before the DOM changes,
 * then the text nodes are split at every boundary (the ranges follow the
 * splits), the pieces of each range listed, and only then wrapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  const COLORS = new Set(['yellow', 'green', 'blue', 'pink', 'orange', 'purple', 'underline']);
  const MAX_ITEMS = 20000;
  const ID = /^[A-Za-z0-9:._-]{1,128}$/;
  let painted = new Map();   /* id -> {kind, color, note} */

  function unpaint () {
    const parents = new Set();
    for (const el of document.querySelectorAll('.pn-hl-marker'))
      el.remove();
    for (const el of document.querySelectorAll('span.pn-hl')) {
      const parent = el.parentNode;
      if (!parent)
        continue;
      while (el.firstChild)
        parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
      parents.add(parent);
    }
    for (const parent of parents)
      if (parent.isConnected)
        parent.normalize();
    painted = new Map();
  }

  const BLOCK = /^(P|LI|UL|OL|DL|DT|DD|H[1-6]|BLOCKQUOTE|PRE|TABLE|THEAD|TBODY|TR|TD|TH|FIGURE|FIGCAPTION|DIV|SECTION|ARTICLE|HEADER|FOOTER|HR|BODY)$/;

  /* White space between blocks (the source's line breaks): not words. */
  function betweenBlocks (node) {
    const prev = node.previousSibling;
    const next = node.nextSibling;
    const isBlock = (n) => n && n.nodeType === Node.ELEMENT_NODE && BLOCK.test(n.tagName);
    return isBlock(prev) || isBlock(next) || (!prev && !next && node.parentElement &&
                                              /^(UL|OL|DL|TABLE|THEAD|TBODY|TR|ARTICLE|SECTION|BODY)$/.test(node.parentElement.tagName));
  }

  /* The text nodes with words of @range in it (after the splits, each is
   * wholly inside it). */
  function piecesOf (range) {
    const pieces = [];
    const root = range.commonAncestorContainer;
    if (root.nodeType === Node.TEXT_NODE)
      return range.startOffset < range.endOffset ? [root] : [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node) || node.data.length === 0)
        continue;
      if (node === range.startContainer && range.startOffset >= node.data.length)
        continue;
      if (node === range.endContainer && range.endOffset === 0)
        continue;
      if (node.parentElement && node.parentElement.closest('sup.footnote-ref, .footnote-backref, [data-footnote-backref]'))
        continue;
      if (/^\s*$/.test(node.data) && betweenBlocks(node))
        continue;
      pieces.push(node);
    }
    return pieces;
  }

  function splitAt (node, offset) {
    if (node.nodeType === Node.TEXT_NODE && offset > 0 && offset < node.data.length)
      node.splitText(offset);
  }

  function marker (cls, label) {
    const m = document.createElement('span');
    m.className = 'pn-hl-marker ' + cls;
    m.setAttribute('role', 'img');
    m.setAttribute('aria-label', label);
    return m;
  }

  function paint (items, labels) {
    unpaint();
    const cache = new Map();
    const found = [];
    let missing = 0;
    for (const item of items) {
      const range = globalThis.pnText ? globalThis.pnText.range(item.start, item.end, '', cache) : null;
      if (range)
        found.push({ item: item, range: range });
      else
        missing++;
    }
    /* Each node split from its end first, so that its earlier offsets stay
     * put (the live ranges follow the splits). */
    const cuts = new Map();
    const cut = (node, offset) => {
      if (!cuts.has(node))
        cuts.set(node, []);
      cuts.get(node).push(offset);
    };
    for (const f of found) {
      cut(f.range.startContainer, f.range.startOffset);
      cut(f.range.endContainer, f.range.endOffset);
    }
    for (const [node, offsets] of cuts) {
      offsets.sort((a, b) => b - a);
      for (const offset of offsets)
        splitAt(node, offset);
    }
    for (const f of found)
      f.pieces = piecesOf(f.range);

    for (const f of found) {
      const item = f.item;
      if (f.pieces.length === 0) {
        missing++;
        continue;
      }
      if (item.kind === 'bookmark') {
        const first = f.pieces[0];
        first.parentNode.insertBefore(marker('pn-bookmark-marker', labels.bookmark), first);
        painted.set(item.id, { kind: item.kind, color: '', note: false });
        continue;
      }
      let last = null;
      f.pieces.forEach((node, i) => {
        const span = document.createElement('span');
        span.className = 'pn-hl pn-hl-' + item.color;
        span.dataset.annotation = item.id;
        if (i === 0) {
          span.tabIndex = 0;
          span.setAttribute('role', 'mark');
          span.setAttribute('aria-label', item.note ? labels.noted : labels.highlight);
        }
        node.parentNode.insertBefore(span, node);
        span.appendChild(node);
        last = span;
      });
      if (item.note && last)
        last.appendChild(marker('pn-note-marker', labels.note));
      painted.set(item.id, { kind: item.kind, color: item.color, note: item.note });
    }
    return { painted: painted.size, missing: missing };
  }

  function parseItems (json) {
    let data;
    try {
      data = JSON.parse(String(json || ''));
    } catch (e) {
      throw new Error('the annotations are not JSON');
    }
    if (!Array.isArray(data))
      throw new Error('the annotations are not a list');
    const items = [];
    for (const a of data.slice(0, MAX_ITEMS)) {
      if (!a || typeof a.id !== 'string' || !ID.test(a.id) || !Number.isInteger(a.start) ||
          !Number.isInteger(a.end) || a.end <= a.start)
        continue;
      const kind = a.kind === 'bookmark' ? 'bookmark' : 'highlight';
      const color = COLORS.has(a.color) ? a.color : 'yellow';
      items.push({ id: a.id, kind: kind, start: a.start, end: a.end, color: color, note: a.note === true });
    }
    /* Longer ones first: a shorter highlight inside a longer one is the inner
     * wrapper, and so the one clicked. */
    items.sort((x, y) => (y.end - y.start) - (x.end - x.start));
    return items;
  }

  function setAnnotations (args) {
    const labels = {
      highlight: String(args.highlightLabel || 'Highlight').slice(0, 100),
      noted: String(args.notedLabel || 'Highlight with a note').slice(0, 100),
      note: String(args.noteLabel || 'Note').slice(0, 100),
      bookmark: String(args.bookmarkLabel || 'Bookmark').slice(0, 100),
    };
    return paint(parseItems(args.json), labels);
  }

  function activate (span, event) {
    const id = span.dataset.annotation;
    if (!id || !painted.has(id))
      return;
    /* The rectangle of the piece clicked (the first one from the keyboard). */
    bridge.post('annotation', { id: id, rect: bridge.rectOf(span, event) });
  }

  document.addEventListener('click', (event) => {
    if (!event.isTrusted || event.button !== 0)
      return;
    const target = event.target instanceof Element ? event.target : null;
    const span = target ? target.closest('span.pn-hl') : null;
    if (!span || target.closest('a[href]'))
      return;   /* a link in a highlight is followed */
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed)
      return;   /* the end of a selection, not a click on the highlight */
    activate(span, event);
  }, true);

  document.addEventListener('keydown', (event) => {
    if (!event.isTrusted || event.key !== 'Enter' ||
        event.ctrlKey || event.altKey || event.metaKey)
      return;
    const el = document.activeElement;
    if (el && el.matches && el.matches('span.pn-hl')) {
      event.preventDefault();
      activate(el, null);
    }
  }, true);

  /* Each painted annotation and the words its wrappers cover (for the app's
   * tests and checks). */
  function paintedText () {
    const out = {};
    for (const id of painted.keys())
      out[id] = '';
    for (const span of document.querySelectorAll('span.pn-hl')) {
      const id = span.dataset.annotation;
      if (id in out)
        out[id] += span.textContent;
    }
    for (const id of Object.keys(out))
      out[id] = out[id].replace(/\s+/g, ' ').trim();
    return out;
  }

  bridge.expose('setAnnotations', setAnnotations);
  bridge.expose('paintedAnnotations', paintedText);
  bridge.expose('clearAnnotations', () => {
    unpaint();
    return true;
  });
})();
