/* selection.js: the words the reader selects, for the selection popover
 *
 * When the reader ends a selection (mouse button released, or a key that
 * selects), the page posts "selection" with the text (white space collapsed,
 * at most 200 characters; longer ones are not offered) and the rectangle of
 * its first line; when the selection goes (Escape lets go of it), or the page
 * scrolls, it posts an empty text. Selections made by the app (find) are not reported: only the
 * reader's own input counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  const MAX = 200;
  let shown = false;
  let pressed = false;
  let timer = 0;

  function hide () {
    if (!shown)
      return;
    shown = false;
    bridge.post('selection', { text: '' });
  }

  function report () {
    timer = 0;
    if (pressed)
      return;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      hide();
      return;
    }
    const range = sel.getRangeAt(0);
    const text = sel.toString().replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX || !document.body.contains(range.commonAncestorContainer)) {
      hide();
      return;
    }
    const rects = Array.from(range.getClientRects()).filter((r) => r.width >= 1 && r.height >= 1);
    const r = rects.length ? rects[0] : range.getBoundingClientRect();
    shown = true;
    bridge.post('selection', { text: text, rect: { x: r.left, y: r.top, w: r.width, h: r.height } });
  }

  function later (event) {
    if (event && !event.isTrusted)
      return;
    if (timer)
      clearTimeout(timer);
    timer = setTimeout(report, 120);
  }

  window.addEventListener('mousedown', (event) => {
    if (event.button === 0)
      pressed = true;
    hide();
  }, true);
  window.addEventListener('mouseup', (event) => {
    pressed = false;
    later(event);
  }, true);
  window.addEventListener('keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift' || ((event.ctrlKey || event.metaKey) && event.key === 'a'))
      later(event);
  }, true);
  /* Escape lets go of the words (and so of the popover). */
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shown) {
      const sel = window.getSelection();
      if (sel)
        sel.removeAllRanges();
      hide();
    }
  }, true);
  document.addEventListener('selectionchange', () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed)
      hide();
  });
  window.addEventListener('scroll', hide, { passive: true });

  /* For the app's tests: the current selection, reported as the reader's would be. */
  bridge.expose('reportSelection', () => {
    report();
    return shown;
  });
})();
