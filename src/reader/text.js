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
  let alignments = new Map();   /* block id -> align() */

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
    alignments = new Map();
    return { blocks: kept.size, matched: matched };
  }

  /* White space as /\s/ has it, by code point. */
  function isSpace (c) {
    return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
  }

  /* The text nodes of @el as the model counts them (footnote calls and
   * back-links left out), with where each starts in their concatenation
   * (UTF-16 units). */
  function textNodes (el) {
    const out = [];
    let base = 0;
    const walker = textWalker(el);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType !== Node.TEXT_NODE)
        continue;
      out.push({ node: node, base: base });
      base += node.data.length;
    }
    return out;
  }

  /* How block @block's model text and its element's DOM text line up: for
   * each code point of the model, where it is in the concatenated text of
   * the element's text nodes (UTF-16 units; -1 for white space the DOM has
   * not) and its length there. The two may differ in white space only: they
   * are walked side by side, white space skipped on either side. Null when
   * they are not the same text, or without the element. Wrapping words (the
   * highlights) or splitting text nodes does not change it: it is kept for
   * the page (alignments, emptied by setPageText). */
  function align (block) {
    if (alignments.has(block.id))
      return alignments.get(block.id);
    const el = document.getElementById(block.id);
    let result = null;
    if (el) {
      const code = [];
      const offset = [];
      let base = 0;
      const walker = textWalker(el);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          code.push(10);   /* a line break: white space, never a place */
          offset.push(base);
          continue;
        }
        const data = node.data;
        for (let i = 0; i < data.length;) {
          const c = data.codePointAt(i);
          code.push(c);
          offset.push(base + i);
          i += c > 0xffff ? 2 : 1;
        }
        base += data.length;
      }
      const text = block.text;
      const model = [];
      for (let i = 0; i < text.length;) {
        const c = text.codePointAt(i);
        model.push(c);
        i += c > 0xffff ? 2 : 1;
      }
      const toDom = new Int32Array(model.length).fill(-1);
      const size = new Uint8Array(model.length);
      let j = 0;
      let same = true;
      for (let i = 0; i < model.length; i++) {
        const c = model[i];
        if (isSpace(c))
          continue;
        while (j < code.length && code[j] !== c && isSpace(code[j]))
          j++;
        if (j >= code.length || code[j] !== c) {
          same = false;   /* not the same text: better nothing than the wrong words */
          break;
        }
        toDom[i] = offset[j];
        size[i] = c > 0xffff ? 2 : 1;
        j++;
      }
      if (same)
        result = { el: el, toDom: toDom, size: size, length: base };
    }
    alignments.set(block.id, result);
    return result;
  }

  /* The text node and offset of @offset in @block's concatenated text: the
   * node it starts (@ending: the node it ends). */
  function resolve (a, offset, ending) {
    for (const t of textNodes(a.el)) {
      const end = t.base + t.node.data.length;
      if (ending ? (t.base < offset && offset <= end) : (t.base <= offset && offset < end))
        return { node: t.node, at: offset - t.base };
    }
    return null;
  }

  /* The innermost block holding code point @at, or null. */
  function blockAt (at) {
    let found = null;
    for (const b of blocks.values())
      if (b.start <= at && at < b.end && (!found || b.end - b.start < found.end - found.start))
        found = b;
    return found;
  }

  /* The DOM place where the first non-space code point of [@start, @end)
   * inside @block starts (@last: where the last one ends), as {node, at},
   * or null. */
  function edgePlace (block, start, end, last) {
    let a = align(block);
    if (!a)
      return null;
    if (textLength(a.el) !== a.length) {
      /* the page changed its text since: aligned again */
      alignments.delete(block.id);
      if (!(a = align(block)))
        return null;
    }
    const from = Math.max(start, block.start) - block.start;
    const to = Math.min(end, block.end) - block.start;
    if (last) {
      for (let i = to - 1; i >= from; i--)
        if (a.toDom[i] >= 0)
          return resolve(a, a.toDom[i] + a.size[i], true);
    } else {
      for (let i = from; i < to; i++)
        if (a.toDom[i] >= 0)
          return resolve(a, a.toDom[i], false);
    }
    return null;
  }

  function textLength (el) {
    let n = 0;
    for (const t of textNodes(el))
      n += t.node.data.length;
    return n;
  }

  /* A DOM Range over [@start, @end) of the page text (code points), inside
   * block @id (or the innermost block holding it), else from the block
   * where it starts to the block where it ends (a passage over several
   * paragraphs), or null. boundsOf gives the same as
   * {startNode, startOffset, endNode, endOffset} (text nodes), without a
   * live Range for the DOM to keep up to date. */
  function boundsOf (start, end, id) {
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
      first = edgePlace(block, start, end, false);
      last = edgePlace(block, start, end, true);
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
        first = edgePlace(head, start, end, false);
        last = edgePlace(tail, start, end, true);
      }
    }
    if (!first || !last)
      return null;
    return { startNode: first.node, startOffset: first.at, endNode: last.node, endOffset: last.at };
  }

  function rangeOf (start, end, id) {
    const b = boundsOf(start, end, id);
    if (!b)
      return null;
    const range = document.createRange();
    range.setStart(b.startNode, b.startOffset);
    range.setEnd(b.endNode, b.endOffset);
    return range.collapsed ? null : range;
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
      const a = align(b);
      if (!a)
        continue;
      for (const t of textNodes(a.el)) {
        const node = t.node;
        if (!range.intersectsNode(node))
          continue;
        const from = t.base + (node === range.startContainer ? range.startOffset : 0);
        const to = t.base + (node === range.endContainer ? range.endOffset : node.data.length);
        for (let i = 0; i < a.toDom.length; i++) {
          if (a.toDom[i] < from || a.toDom[i] + a.size[i] > to)
            continue;
          const at = b.start + i;
          if (start < 0 || at < start)
            start = at;
          if (at + 1 > end)
            end = at + 1;
        }
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
    /* the same as text node boundaries, or null */
    bounds: boundsOf,
    /* {start, end} in the page text of a DOM Range, or null (see offsetsOf) */
    offsets: offsetsOf,
  });

  bridge.expose('setPageText', setPageText);
})();
