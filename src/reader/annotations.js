/* annotations.js: the student's highlights, note markers and bookmarks, and the
 * teacher's notes, painted in the text
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
 * The teacher's notes the pack carries are a layer of their own
 * (setTeacherNotes, from pn_reader_view_set_teacher_notes(): each {id, start,
 * end}): <span class="pn-teacher-note" data-teacher-note=ID>, after a marker
 * (.pn-teacher-marker) that names them, painted and taken out without
 * touching the student's layer; opening one the same ways posts
 * "teacher-note" {id, rect}.
 *
 * Painting many is one pass: every range's ends are found before the DOM
 * changes (text.js keeps how the page text lines up with the DOM's for the
 * page), then the text nodes are split at every end, the pieces of each
 * range listed, and only then wrapped; no live Range is left for the DOM to
 * keep up to date.
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
  /* The two layers: their wrappers, markers, data key and message. */
  const LAYERS = {
    student: { spans: 'span.pn-hl', markers: '.pn-hl-marker', key: 'annotation', message: 'annotation' },
    teacher: { spans: 'span.pn-teacher-note', markers: '.pn-teacher-marker', key: 'teacherNote',
               message: 'teacher-note' },
  };
  const painted = { student: new Map(), teacher: new Map() };   /* id -> {kind, color, note} */

  function unpaint (layer) {
    const parents = new Set();
    for (const el of document.querySelectorAll(LAYERS[layer].markers))
      el.remove();
    for (const el of document.querySelectorAll(LAYERS[layer].spans)) {
      const parent = el.parentNode;
      if (!parent)
        continue;
      el.replaceWith(...el.childNodes);
      parents.add(parent);
    }
    for (const parent of parents)
      if (parent.isConnected)
        parent.normalize();
    painted[layer] = new Map();
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

  function skipped (node) {
    if (node.data.length === 0)
      return true;
    if (node.parentElement && node.parentElement.closest('sup.footnote-ref, .footnote-backref, [data-footnote-backref]'))
      return true;
    return /^\s*$/.test(node.data) && betweenBlocks(node);
  }

  /* Splits the text nodes at @offsets (a Map node -> offsets), and says
   * where each offset now starts: a Map node -> [{at, node}] by offset. */
  function splitAll (offsets) {
    const pieces = new Map();
    for (const [node, list] of offsets) {
      const sorted = Array.from(new Set(list)).filter((o) => o > 0 && o < node.data.length).sort((x, y) => x - y);
      const out = [{ at: 0, node: node }];
      let cur = node;
      let prev = 0;
      for (const o of sorted) {
        cur = cur.splitText(o - prev);
        out.push({ at: o, node: cur });
        prev = o;
      }
      pieces.set(node, out);
    }
    return pieces;
  }

  /* The piece of @node starting at @offset (@ending: the one ending there). */
  function pieceAt (pieces, node, offset, ending) {
    const list = pieces.get(node);
    let found = list[0].node;
    for (const p of list) {
      if (ending ? p.at < offset : p.at <= offset)
        found = p.node;
      else
        break;
    }
    return found;
  }

  /* The text nodes from @first to @last, in document order. */
  function piecesBetween (first, last) {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = first;
    for (let node = first; node; node = walker.nextNode()) {
      if (!skipped(node))
        out.push(node);
      if (node === last)
        return out;
    }
    return [];   /* @last was not after @first: nothing rather than too much */
  }

  function marker (cls, label) {
    const m = document.createElement('span');
    m.className = cls;
    m.setAttribute('role', 'img');
    m.setAttribute('aria-label', label);
    return m;
  }

  /* Each item's range and the text node pieces it covers (none when its
   * words could not be split out), and how many were not found at all. */
  function locate (items) {
    const found = [];
    let missing = 0;
    for (const item of items) {
      const range = globalThis.pnText ? globalThis.pnText.bounds(item.start, item.end, '') : null;
      if (range)
        found.push({ item: item, range: range });
      else
        missing++;
    }
    /* Every boundary a text node edge, then the pieces of each listed
     * before anything is wrapped (no live Range to keep up to date). */
    const offsets = new Map();
    const cut = (node, offset) => {
      if (!offsets.has(node))
        offsets.set(node, []);
      offsets.get(node).push(offset);
    };
    for (const f of found) {
      cut(f.range.startNode, f.range.startOffset);
      cut(f.range.endNode, f.range.endOffset);
    }
    const pieces = splitAll(offsets);
    for (const f of found)
      f.pieces = piecesBetween(pieceAt(pieces, f.range.startNode, f.range.startOffset, false),
                               pieceAt(pieces, f.range.endNode, f.range.endOffset, true));
    return { found: found, missing: missing };
  }

  /* Wraps each of @nodes in a span of @className holding @id under the data
   * @key, read as marked words (their text is their name); the first one is
   * a Tab stop. Returns the last wrapper. */
  function wrap (nodes, className, key, id) {
    let last = null;
    nodes.forEach((node, i) => {
      const span = document.createElement('span');
      span.className = className;
      span.dataset[key] = id;
      span.setAttribute('role', 'mark');
      if (i === 0)
        span.tabIndex = 0;
      node.parentNode.insertBefore(span, node);
      span.appendChild(node);
      last = span;
    });
    return last;
  }

  function paint (items, labels) {
    const t0 = performance.now();
    unpaint('student');
    const located = locate(items);
    let missing = located.missing;
    for (const f of located.found) {
      const item = f.item;
      if (f.pieces.length === 0) {
        missing++;
        continue;
      }
      if (item.kind === 'bookmark') {
        const first = f.pieces[0];
        first.parentNode.insertBefore(marker('pn-hl-marker pn-bookmark-marker', labels.bookmark), first);
        painted.student.set(item.id, { kind: item.kind, color: '', note: false });
        continue;
      }
      /* The note's marker says there is a note. */
      const last = wrap(f.pieces, 'pn-hl pn-hl-' + item.color, LAYERS.student.key, item.id);
      if (item.note && last)
        last.appendChild(marker('pn-hl-marker pn-note-marker', labels.note));
      painted.student.set(item.id, { kind: item.kind, color: item.color, note: item.note });
    }
    return { painted: painted.student.size, missing: missing, ms: performance.now() - t0 };
  }

  /* The teacher's notes: their words under a line of their own, after a
   * marker that says what they are (and opens them too). */
  function paintTeacher (items, label) {
    const t0 = performance.now();
    unpaint('teacher');
    const located = locate(items);
    let missing = located.missing;
    for (const f of located.found) {
      if (f.pieces.length === 0) {
        missing++;
        continue;
      }
      const first = f.pieces[0];
      const m = marker('pn-teacher-marker', label);
      m.dataset[LAYERS.teacher.key] = f.item.id;
      first.parentNode.insertBefore(m, first);
      wrap(f.pieces, 'pn-teacher-note', LAYERS.teacher.key, f.item.id);
      painted.teacher.set(f.item.id, { kind: 'teacher', color: '', note: true });
    }
    return { painted: painted.teacher.size, missing: missing, ms: performance.now() - t0 };
  }

  function parseList (json) {
    let data;
    try {
      data = JSON.parse(String(json || ''));
    } catch (e) {
      throw new Error('the annotations are not JSON');
    }
    if (!Array.isArray(data))
      throw new Error('the annotations are not a list');
    return data.slice(0, MAX_ITEMS).filter((a) => a && typeof a.id === 'string' && ID.test(a.id) &&
                                           Number.isInteger(a.start) && Number.isInteger(a.end) &&
                                           a.end > a.start);
  }

  /* Longer ones first: a shorter highlight inside a longer one is the inner
   * wrapper, and so the one clicked. */
  function longestFirst (items) {
    return items.sort((x, y) => (y.end - y.start) - (x.end - x.start));
  }

  function parseItems (json) {
    return longestFirst(parseList(json).map((a) => ({
      id: a.id,
      kind: a.kind === 'bookmark' ? 'bookmark' : 'highlight',
      start: a.start,
      end: a.end,
      color: COLORS.has(a.color) ? a.color : 'yellow',
      note: a.note === true,
    })));
  }

  function setAnnotations (args) {
    const labels = {
      note: String(args.noteLabel || 'Note').slice(0, 100),
      bookmark: String(args.bookmarkLabel || 'Bookmark').slice(0, 100),
    };
    return paint(parseItems(args.json), labels);
  }

  function setTeacherNotes (args) {
    const items = parseList(args.json).map((a) => ({ id: a.id, start: a.start, end: a.end }));
    return paintTeacher(longestFirst(items), String(args.label || 'Teacher’s note').slice(0, 100));
  }

  /* What may be opened: a wrapper of either layer (the innermost is the one
   * clicked), or a teacher's marker. */
  const OPENABLE = 'span.pn-hl, span.pn-teacher-note, .pn-teacher-marker';

  function activate (el, event) {
    const layer = el.matches(LAYERS.student.spans) ? 'student' : 'teacher';
    const id = el.dataset[LAYERS[layer].key];
    if (!id || !painted[layer].has(id))
      return;
    /* The rectangle of the piece clicked (the first one from the keyboard). */
    bridge.post(LAYERS[layer].message, { id: id, rect: bridge.rectOf(el, event) });
  }

  document.addEventListener('click', (event) => {
    if (!event.isTrusted || event.button !== 0)
      return;
    const target = event.target instanceof Element ? event.target : null;
    const span = target ? target.closest(OPENABLE) : null;
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
    if (el && el.matches && el.matches(OPENABLE)) {
      event.preventDefault();
      activate(el, null);
    }
  }, true);

  /* Each painted annotation of @layer and the words its wrappers cover (for
   * the app's tests and checks). */
  function paintedText (layer) {
    const out = {};
    for (const id of painted[layer].keys())
      out[id] = '';
    for (const span of document.querySelectorAll(LAYERS[layer].spans)) {
      const id = span.dataset[LAYERS[layer].key];
      if (id in out)
        out[id] += span.textContent;
    }
    for (const id of Object.keys(out))
      out[id] = out[id].replace(/\s+/g, ' ').trim();
    return out;
  }

  bridge.expose('setAnnotations', setAnnotations);
  bridge.expose('paintedAnnotations', () => paintedText('student'));
  bridge.expose('clearAnnotations', () => {
    unpaint('student');
    return true;
  });
  bridge.expose('setTeacherNotes', setTeacherNotes);
  bridge.expose('paintedTeacherNotes', () => paintedText('teacher'));
})();
