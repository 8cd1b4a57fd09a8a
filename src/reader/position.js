/* position.js: where the reader is in the text, and keeping it there
 *
 * Posts "position" while the reader scrolls (the block at the top, the scroll
 * fraction, the words left below the top for the reading-time estimate) and
 * exposes applyPosition and flushPosition to the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  /* Reading position: the last block with an id that starts at or above the
   * top of the view, and the scroll fraction of the whole page. */
  const ANCHORS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote',
                   'pre', 'table', 'figure', 'dl', 'header']
    .map((tag) => tag + '[id]').join(', ');
  let anchors = [];
  let wordsBefore = [];   /* words in the text before each anchor */
  let totalWords = 0;

  function countWords (text) {
    const m = text.match(/[^\s]+/g);
    return m ? m.length : 0;
  }

  function scrollMax () {
    const root = document.scrollingElement || document.documentElement;
    return Math.max(0, root.scrollHeight - window.innerHeight);
  }

  function anchorIndex () {
    let lo = 0, hi = anchors.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid].getBoundingClientRect().top <= 1) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  function currentAnchor () {
    const i = anchorIndex();
    return i >= 0 ? anchors[i].id : null;
  }

  function wordsLeft () {
    const i = anchorIndex();
    if (i < 0)
      return totalWords;
    if (window.scrollY >= scrollMax() - 1)
      return 0;
    return Math.max(0, totalWords - wordsBefore[i]);
  }

  function currentPosition () {
    const max = scrollMax();
    const fraction = max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
    return { anchor: currentAnchor(), fraction: fraction, words: wordsLeft() };
  }

  /* What is at the top of the view, kept across changes of the text's width
   * (sidebar, window size, zoom, text size): the block and how far into it. */
  let kept = null;

  function keepTop () {
    const id = currentAnchor();
    const el = id ? document.getElementById(id) : null;
    if (!el) {
      kept = null;
      return;
    }
    const r = el.getBoundingClientRect();
    kept = { el: el, into: r.height > 0 ? Math.min(1, -r.top / r.height) : 0 };
  }

  function onResize () {
    if (!kept)
      return;
    const r = kept.el.getBoundingClientRect();
    window.scrollTo(0, Math.max(0, window.scrollY + r.top + kept.into * r.height));
  }

  let scrollTimer = 0;
  function flushPosition () {
    if (scrollTimer) {
      clearTimeout(scrollTimer);
      scrollTimer = 0;
    }
    bridge.post('position', currentPosition());
  }

  function onScroll () {
    keepTop();
    if (scrollTimer)
      clearTimeout(scrollTimer);
    scrollTimer = setTimeout(flushPosition, 300);
  }

  function topOf (el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  /* With a known @anchor and @fraction < 0, show the anchor at the top. With
   * both, keep the exact @fraction when it still falls inside the anchor's
   * block (same layout as when it was saved), else go to the anchor. Without
   * a known anchor, use @fraction alone. */
  function applyPosition (anchor, fraction) {
    const max = scrollMax();
    const el = anchor ? document.getElementById(anchor) : null;
    let y = null;
    if (el) {
      const top = topOf(el);
      y = top;
      if (fraction >= 0) {
        const wanted = fraction * max;
        const index = anchors.indexOf(el);
        const next = index >= 0 && index + 1 < anchors.length ? topOf(anchors[index + 1]) : null;
        if (wanted >= top - 1 && (next === null || wanted < next))
          y = wanted;
      }
    } else if (fraction >= 0) {
      y = fraction * max;
    }
    if (y !== null)
      window.scrollTo(0, Math.max(0, Math.min(max, y)));
    keepTop();
    flushPosition();
    return el !== null;
  }

  bridge.onReady(() => {
    anchors = Array.from(document.querySelectorAll(ANCHORS));
    wordsBefore = [];
    let words = 0;
    for (const el of anchors) {
      wordsBefore.push(words);
      /* nested anchors (a p in a li) count once, with the innermost */
      if (!el.querySelector(ANCHORS))
        words += countWords(el.textContent || '');
    }
    totalWords = words;
  });

  globalThis.pnPosition = Object.freeze({
    current: currentPosition,
    flush: flushPosition,
    totalWords: () => totalWords,
  });

  bridge.expose('applyPosition', (args) => applyPosition(String(args.anchor || ''), Number(args.fraction)));
  bridge.expose('position', () => currentPosition());

  window.addEventListener('scroll', onScroll, { passive: true });
  /* The text reflows when the view is resized or zoomed, and when the text
   * size or spacing changes: the body's size changes in each case. */
  window.addEventListener('resize', onResize);
  if (typeof ResizeObserver === 'function')
    new ResizeObserver(onResize).observe(document.body);
})();
