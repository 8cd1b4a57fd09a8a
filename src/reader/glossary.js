/* glossary.js: a term's occurrence, shown and flashed for the Glossary page
 *
 * The app asks for an occurrence by its place in the page text (code points,
 * as pn_rendered_page_get_terms() gives them): the page scrolls it into view
 * and lays a short-lived highlight over its words (a layer of boxes over the
 * text, so the text itself is never rewritten). The block holding it keeps
 * the class pn-flash-target until the next occurrence is shown. With
 * prefers-reduced-motion the highlight stays still, then goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  const FLASH_MS = 1800;
  let layer = null;
  let target = null;
  let timer = 0;

  function clearFlash () {
    if (timer)
      clearTimeout(timer);
    timer = 0;
    if (layer)
      layer.remove();
    layer = null;
  }

  function reducedMotion () {
    return typeof window.matchMedia === 'function' &&
      window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  function showOccurrence (args) {
    const text = globalThis.pnText;
    const range = text ? text.range(Number(args.start), Number(args.end), String(args.block || '')) : null;
    if (!range)
      return { found: false };

    clearFlash();
    if (target)
      target.classList.remove('pn-flash-target');
    const holder = range.commonAncestorContainer;
    const el = holder.nodeType === Node.ELEMENT_NODE ? holder : holder.parentElement;
    target = el ? el.closest('[id]') : null;
    if (target)
      target.classList.add('pn-flash-target');

    /* A third of the way down the view, where the eye looks first. */
    const rects = Array.from(range.getClientRects()).filter((r) => r.width >= 1 && r.height >= 1);
    const first = rects.length ? rects[0] : range.getBoundingClientRect();
    const y = window.scrollY + first.top - Math.max(0, window.innerHeight / 3 - first.height);
    window.scrollTo(0, Math.max(0, y));

    layer = document.createElement('div');
    layer.className = 'pn-flash-layer';
    layer.setAttribute('aria-hidden', 'true');
    const still = reducedMotion();
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1)
        continue;
      const box = document.createElement('div');
      box.className = still ? 'pn-flash pn-flash-still' : 'pn-flash';
      box.style.left = (r.left + window.scrollX) + 'px';
      box.style.top = (r.top + window.scrollY) + 'px';
      box.style.width = r.width + 'px';
      box.style.height = r.height + 'px';
      layer.appendChild(box);
    }
    document.body.appendChild(layer);
    timer = setTimeout(clearFlash, FLASH_MS);

    const shown = range.getBoundingClientRect();
    return { found: true, top: shown.top, bottom: shown.bottom, view: window.innerHeight };
  }

  bridge.expose('showOccurrence', showOccurrence);
})();
