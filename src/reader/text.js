/* text.js: the page's plain text with its block offsets, from the model
 *
 * The app hands the text of the rendered page and, for each block (p_N,
 * headings, q_N, t_N, fn-N), where its text lies in it, in code points
 * (setPageText, called with pn_reader_view_send_page_text()). Later scripts
 * (glossary occurrences, notes' anchors, quiz passages) read it through
 * pnText instead of the DOM, so that offsets mean the same in C and here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  let pageText = null;
  let blocks = new Map();

  /* The element's text as the model counts it: footnote calls and back-links
   * left out, a line break as "\n". */
  function textWalker (el) {
    return document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode (node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.matches('sup.footnote-ref, .footnote-backref, [data-footnote-backref]'))
            return NodeFilter.FILTER_REJECT;
          return node.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
  }

  function blockText (el) {
    let out = '';
    const walker = textWalker(el);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      out += node.nodeType === Node.ELEMENT_NODE ? '\n' : node.data;
    return out;
  }

  function squash (text) {
    return text.replace(/\s+/g, ' ').trim();
  }

  function setPageText (args) {
    let data;
    try {
      data = JSON.parse(String(args.json || ''));
    } catch (e) {
      throw new Error('the page text is not JSON');
    }
    if (!data || typeof data.text !== 'string' || !Array.isArray(data.blocks))
      throw new Error('the page text has no text or no blocks');
    const points = Array.from(data.text);
    const kept = new Map();
    let matched = 0;
    for (const b of data.blocks) {
      if (!b || typeof b.id !== 'string' || !Number.isInteger(b.start) || !Number.isInteger(b.end) ||
          b.start < 0 || b.end < b.start || b.end > points.length)
        continue;
      const text = points.slice(b.start, b.end).join('');
      kept.set(b.id, Object.freeze({ id: b.id, start: b.start, end: b.end, text: text }));
      const el = document.getElementById(b.id);
      if (el && squash(blockText(el)) === squash(text))
        matched++;
    }
    pageText = data.text;
    blocks = kept;
    return { blocks: kept.size, matched: matched };
  }

  /* The DOM places of @el's text as blockText counts it: one entry a code
   * point, [node, offset in UTF-16 units] (null for a line break). */
  function placesOf (el) {
    const places = [];
    const walker = textWalker(el);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        places.push({ ch: '\n', node: null, at: 0 });
        continue;
      }
      let at = 0;
      for (const ch of node.data) {
        places.push({ ch: ch, node: node, at: at });
        at += ch.length;
      }
    }
    return places;
  }

  /* How block @block's model text and its element's DOM text line up: for
   * each code point of the model, its DOM place (-1 for white space the DOM
   * has not), and for each place the model's code point (-1 when none). The
   * two may differ in white space only: they are walked side by side, white
   * space skipped on either side. Null when they are not the same text, or
   * without the element. @cache (a Map, optional) keeps the alignments of one
   * unchanged DOM. */
  function align (block, cache) {
    if (cache && cache.has(block.id))
      return cache.get(block.id);
    const el = document.getElementById(block.id);
    let result = null;
    if (el) {
      const model = Array.from(block.text);
      const places = placesOf(el);
      const toPlace = new Int32Array(model.length).fill(-1);
      const toModel = new Int32Array(places.length).fill(-1);
      const space = /\s/;
      let j = 0;
      let same = true;
      for (let i = 0; i < model.length; i++) {
        if (space.test(model[i]))
          continue;
        while (j < places.length && places[j].ch !== model[i] && space.test(places[j].ch))
          j++;
        if (j >= places.length || places[j].ch !== model[i]) {
          same = false;   /* not the same text: better nothing than the wrong words */
          break;
        }
        toPlace[i] = j;
        toModel[j] = i;
        j++;
      }
      if (same)
        result = { el: el, places: places, toPlace: toPlace, toModel: toModel };
    }
    if (cache)
      cache.set(block.id, result);
    return result;
  }

  /* The innermost block holding code point @at, or null. */
  function blockAt (at) {
    let found = null;
    for (const b of blocks.values())
      if (b.start <= at && at < b.end && (!found || b.end - b.start < found.end - found.start))
        found = b;
    return found;
  }

  /* The first (@last: the last) DOM place of a non-space code point of
   * [@start, @end) inside @block, or null. */
  function edgePlace (block, start, end, last, cache) {
    const a = align(block, cache);
    if (!a)
      return null;
    const from = Math.max(start, block.start) - block.start;
    const to = Math.min(end, block.end) - block.start;
    if (last) {
      for (let i = to - 1; i >= from; i--)
        if (a.toPlace[i] >= 0)
          return a.places[a.toPlace[i]];
    } else {
      for (let i = from; i < to; i++)
        if (a.toPlace[i] >= 0)
          return a.places[a.toPlace[i]];
    }
    return null;
  }

  /* A DOM Range over [@start, @end) of the page text (code points), inside
   * block @id (or the innermost block holding it), else from the block
   * where it starts to the block where it ends (a passage over several
   * paragraphs), or null. @cache: see align(). */
  function rangeOf (start, end, id, cache) {
    if (pageText === null || !Number.isInteger(start) || !Number.isInteger(end) || end <= start)
      return null;
    let first = null;
    let last = null;
    let block = id ? blocks.get(id) : null;
    if (!block || start < block.start || end > block.end) {
      block = null;
      for (const b of blocks.values())
        if (b.start <= start && end <= b.end && (!block || b.end - b.start < block.end - block.start))
          block = b;
    }
    if (block) {
      first = edgePlace(block, start, end, false, cache);
      last = edgePlace(block, start, end, true, cache);
    } else {
      /* Over several blocks: the first one holding text of it, the last one. */
      let head = blockAt(start);
      let tail = blockAt(end - 1);
      let after = null;
      let before = null;
      for (const b of blocks.values()) {
        if (b.start >= start && b.start < end && (!after || b.start < after.start))
          after = b;
        if (b.end <= end && b.end > start && (!before || b.end > before.end))
          before = b;
      }
      head = head || after;
      tail = tail || before;
      if (head && tail) {
        first = edgePlace(head, start, end, false, cache);
        last = edgePlace(tail, start, end, true, cache);
      }
    }
    if (!first || !first.node || !last || !last.node)
      return null;
    const range = document.createRange();
    range.setStart(first.node, first.at);
    range.setEnd(last.node, last.at + last.ch.length);
    if (range.collapsed)
      return null;
    return range;
  }

  /* The page text offsets [start, end) (code points) of the words a DOM
   * @range covers, or null when it covers none of the page's blocks. */
  function offsetsOf (range) {
    if (pageText === null || !range || range.collapsed)
      return null;
    let start = -1;
    let end = -1;
    const hit = [];
    for (const b of blocks.values()) {
      const el = document.getElementById(b.id);
      if (el && range.intersectsNode(el))
        hit.push(b);
    }
    hit.sort((x, y) => x.start - y.start || y.end - x.end);
    /* The ends are in the first and the last blocks (nested ones included). */
    const look = hit.length <= 8 ? hit : hit.slice(0, 4).concat(hit.slice(-4));
    for (const b of look) {
      const a = align(b, null);
      if (!a)
        continue;
      for (let j = 0; j < a.places.length; j++) {
        const p = a.places[j];
        if (!p.node || a.toModel[j] < 0)
          continue;
        if (range.comparePoint(p.node, p.at) !== 0 ||
            range.comparePoint(p.node, p.at + p.ch.length) !== 0)
          continue;
        const at = b.start + a.toModel[j];
        if (start < 0 || at < start)
          start = at;
        if (at + 1 > end)
          end = at + 1;
      }
    }
    return start >= 0 ? { start: start, end: end } : null;
  }

  globalThis.pnText = Object.freeze({
    /* the whole text, or null before the app sent it */
    text: () => pageText,
    /* { id, start, end, text } of a block, or null */
    block: (id) => blocks.get(id) || null,
    blocks: () => Array.from(blocks.values()),
    /* a Range over page text [start, end), or null (see rangeOf) */
    range: rangeOf,
    /* {start, end} in the page text of a DOM Range, or null (see offsetsOf) */
    offsets: offsetsOf,
  });

  bridge.expose('setPageText', setPageText);
})();
