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
  function blockText (el) {
    let out = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode (node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.matches('sup.footnote-ref, .footnote-backref, [data-footnote-backref]'))
            return NodeFilter.FILTER_REJECT;
          return node.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
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

  globalThis.pnText = Object.freeze({
    /* the whole text, or null before the app sent it */
    text: () => pageText,
    /* { id, start, end, text } of a block, or null */
    block: (id) => blocks.get(id) || null,
    blocks: () => Array.from(blocks.values()),
  });

  bridge.expose('setPageText', setPageText);
})();
