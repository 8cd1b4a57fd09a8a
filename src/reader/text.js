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

  /* A DOM Range over [@start, @end) of the page text (code points), inside
   * block @id (or the innermost block holding @start), or null. The model's
   * text and the DOM's may differ in white space only: they are walked side
   * by side, white space skipped on either side. */
  function rangeOf (start, end, id) {
    if (pageText === null || !Number.isInteger(start) || !Number.isInteger(end) || end <= start)
      return null;
    let block = id ? blocks.get(id) : null;
    if (!block || start < block.start || end > block.end) {
      block = null;
      for (const b of blocks.values())
        if (b.start <= start && end <= b.end && (!block || b.end - b.start < block.end - block.start))
          block = b;
    }
    const el = block ? document.getElementById(block.id) : null;
    if (!el)
      return null;
    const model = Array.from(block.text);
    const places = placesOf(el);
    const space = /\s/;
    let first = null;
    let last = null;
    let j = 0;
    for (let i = 0; i < model.length && i < end - block.start; i++) {
      if (space.test(model[i]))
        continue;
      while (j < places.length && places[j].ch !== model[i] && space.test(places[j].ch))
        j++;
      if (j >= places.length || places[j].ch !== model[i])
        return null;   /* not the same text: better nothing than the wrong words */
      if (i >= start - block.start) {
        if (first === null)
          first = places[j];
        last = places[j];
      }
      j++;
    }
    if (!first || !first.node || !last || !last.node)
      return null;
    const range = document.createRange();
    range.setStart(first.node, first.at);
    range.setEnd(last.node, last.at + last.ch.length);
    return range;
  }

  globalThis.pnText = Object.freeze({
    /* the whole text, or null before the app sent it */
    text: () => pageText,
    /* { id, start, end, text } of a block, or null */
    block: (id) => blocks.get(id) || null,
    blocks: () => Array.from(blocks.values()),
    /* a Range over page text [start, end), or null (see rangeOf) */
    range: rangeOf,
  });

  bridge.expose('setPageText', setPageText);
})();
