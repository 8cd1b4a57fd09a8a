/* reader.js: the app's own script in the reader page.
 *
 * It runs as a WebKit user script in the app's private script world: the page
 * cannot see its globals nor the message handler it posts to. The DOM is shared
 * with the page, so everything read from it is untrusted text; the C side
 * validates every message. Nothing here builds markup or script from page data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const handlers = window.webkit && window.webkit.messageHandlers;
  const bridge = handlers && handlers.pn;
  if (!bridge)
    return;

  const MAX_TEXT = 16000;

  function post (message) {
    try {
      bridge.postMessage(message);
    } catch (e) {
      /* the view is going away */
    }
  }

  function clip (text) {
    text = String(text || '');
    return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  }

  function pageHref () {
    return location.href.split('#')[0];
  }

  /* The rectangle of @el in viewport (CSS) pixels: the line box that was
   * clicked when the link wraps, else the first one. */
  function rectOf (el, event) {
    const rects = Array.from(el.getClientRects());
    let r = rects.length ? rects[0] : el.getBoundingClientRect();
    if (event && event.detail > 0) {
      for (const c of rects) {
        if (event.clientX >= c.left - 1 && event.clientX <= c.right + 1 &&
            event.clientY >= c.top - 1 && event.clientY <= c.bottom + 1) {
          r = c;
          break;
        }
      }
    }
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  }

  /* Text nodes of a footnote, less its back-reference to the call. */
  const skipBackrefs = {
    acceptNode (node) {
      const parent = node.parentElement;
      if (parent && parent.closest('.footnote-backref, [data-footnote-backref]'))
        return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  };

  /* Plain text of a node, leaving out the footnote back-references. */
  function textOf (root) {
    let out = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, skipBackrefs);
    while (walker.nextNode())
      out += walker.currentNode.data;
    return out.replace(/\s+/g, ' ').trim();
  }

  function footnoteText (id) {
    const note = document.getElementById(id);
    if (!note)
      return null;
    const paragraphs = Array.from(note.querySelectorAll('p'));
    const parts = paragraphs.length ? paragraphs.map(textOf) : [textOf(note)];
    return parts.filter((t) => t.length > 0).join('\n\n');
  }

  /* The note as runs of text with their style, for the popover:
   * [text, flags (1 italic, 2 bold, 4 code), cited source id or '']. */
  const MAX_RUNS = 400;

  function footnoteRuns (id) {
    const note = document.getElementById(id);
    if (!note)
      return null;
    const paragraphs = Array.from(note.querySelectorAll('p'));
    const blocks = paragraphs.length ? paragraphs : [note];
    const runs = [];
    let total = 0;
    for (const block of blocks) {
      if (runs.length)
        runs.push(['\n\n', 0, '']);
      const first = runs.length;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, skipBackrefs);
      while (walker.nextNode() && runs.length < MAX_RUNS && total < MAX_TEXT) {
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
        text = clip(text);
        total += text.length;
        runs.push([text, flags, cite ? clip(cite.getAttribute('data-source')).slice(0, 128) : '']);
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
    if (!a)
      return;

    if (a.matches('sup.footnote-ref a[href^="#fn"], a[data-footnote-ref]')) {
      const id = fragmentOf(a);
      const text = id ? footnoteText(id) : null;
      if (id === null || text === null)
        return;   /* not a footnote we can show: let the page scroll to it */
      event.preventDefault();
      event.stopPropagation();
      post({ type: 'footnote', id: id, label: textOf(a).slice(0, 16), text: clip(text),
             runs: footnoteRuns(id), rect: rectOf(a, event) });
      return;
    }

    if (a.hasAttribute('data-source')) {
      event.preventDefault();
      event.stopPropagation();
      post({ type: 'citation', id: a.getAttribute('data-source'),
             text: clip(textOf(a)), rect: rectOf(a, event) });
      return;
    }

    /* External links: the app opens them in the browser, and only for the
     * user's own clicks. Stopping the navigation here also keeps WebKit from
     * connecting to the server ahead of the navigation policy. */
    if (/^(https?|mailto):/i.test(a.href)) {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted)
        post({ type: 'external', href: a.href });
      return;
    }

    if (a.hasAttribute('data-glossary')) {
      /* Reserved for the glossary: the app shows nothing yet. */
      event.preventDefault();
      event.stopPropagation();
      post({ type: 'glossary', id: a.getAttribute('data-glossary'),
             text: clip(textOf(a)), rect: rectOf(a, event) });
    }
    /* Every other link goes through the view's navigation policy. */
  }

  /* Reading position: the last block with an id that starts at or above the
   * top of the view, and the scroll fraction of the whole page. */
  const ANCHORS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote',
                   'pre', 'table', 'figure', 'dl', 'header']
    .map((tag) => tag + '[id]').join(', ');
  let anchors = [];

  function scrollMax () {
    const root = document.scrollingElement || document.documentElement;
    return Math.max(0, root.scrollHeight - window.innerHeight);
  }

  function currentAnchor () {
    let lo = 0, hi = anchors.length - 1, found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid].getBoundingClientRect().top <= 1) {
        found = anchors[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found ? found.id : null;
  }

  function currentPosition () {
    const max = scrollMax();
    const fraction = max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
    return { type: 'position', anchor: currentAnchor(), fraction: fraction };
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
  function onScroll () {
    keepTop();
    if (scrollTimer)
      clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      scrollTimer = 0;
      post(currentPosition());
    }, 300);
  }

  function topOf (el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  /* Called from C. With a known @anchor and @fraction < 0, show the anchor at
   * the top. With both, keep the exact @fraction when it still falls inside
   * the anchor's block (same layout as when it was saved), else go to the
   * anchor. Without a known anchor, use @fraction alone. */
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
    return el !== null;
  }

  function currentTitle () {
    const h1 = document.querySelector('body > header h1, h1');
    const title = document.title || (h1 ? textOf(h1) : '');
    return clip(title.replace(/\s+/g, ' ').trim());
  }

  function ready () {
    anchors = Array.from(document.querySelectorAll(ANCHORS));
    void document.documentElement.offsetHeight;   /* force layout */
    post({ type: 'ready', href: pageHref(), title: currentTitle() });
  }

  globalThis.pnReader = Object.freeze({
    applyPosition: applyPosition,
    position: currentPosition,
  });

  /* Middle clicks would ask for a new window: never for external links. */
  function onAuxClick (event) {
    const a = event.target && event.target.closest ? event.target.closest('a') : null;
    if (a && /^(https?|mailto):/i.test(a.href))
      event.preventDefault();
  }

  window.addEventListener('click', onClick, true);
  window.addEventListener('auxclick', onAuxClick, true);
  window.addEventListener('scroll', onScroll, { passive: true });
  /* The text reflows when the view is resized or zoomed, and when the text
   * size or spacing changes: the body's size changes in each case. */
  window.addEventListener('resize', onResize);
  if (typeof ResizeObserver === 'function')
    new ResizeObserver(onResize).observe(document.body);

  if (document.fonts && document.fonts.ready)
    document.fonts.ready.then(ready, ready);
  else
    ready();
})();
