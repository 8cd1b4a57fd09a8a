/* selection.js: the words the reader selects, for the selection popover
 *
 * When the reader ends a selection (mouse button released, or a key that
 * selects), the page posts "selection" with the text (white space collapsed,
 * at most 200 characters: a longer one is cut there and says "clipped"), the
 * rectangle of its first line and, when it lies in the page text (text.js),
 * its offsets "start" and "end" there (code points); when the selection goes (Escape lets go of it), or the page
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
    let text = sel.toString().replace(/\s+/g, ' ').trim();
    if (!text || !document.body.contains(range.commonAncestorContainer)) {
      hide();
      return;
    }
    const offsets = globalThis.pnText ? globalThis.pnText.offsets(range) : null;
    const points = Array.from(text);
    const clipped = points.length > MAX;
    if (clipped && !offsets) {
      hide();   /* too long to look up, and not in the text to highlight */
      return;
    }
    if (clipped)
      text = points.slice(0, MAX).join('');
    const rects = Array.from(range.getClientRects()).filter((r) => r.width >= 1 && r.height >= 1);
    const r = rects.length ? rects[0] : range.getBoundingClientRect();
    const message = { text: text, rect: { x: r.left, y: r.top, w: r.width, h: r.height } };
    if (clipped)
      message.clipped = true;
    if (offsets) {
      message.start = offsets.start;
      message.end = offsets.end;
    }
    shown = true;
    bridge.post('selection', message);
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

  /* The app lets go of the words (they were highlighted). */
  bridge.expose('clearSelection', () => {
    const sel = window.getSelection();
    if (sel)
      sel.removeAllRanges();
    hide();
    return true;
  });

  /* For the app's tests: selects [start, end) of the page text (code points). */
  bridge.expose('selectText', (args) => {
    const range = globalThis.pnText ? globalThis.pnText.range(Number(args.start), Number(args.end), '') : null;
    const sel = window.getSelection();
    if (!range || !sel)
      return false;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  });

  /* For the app's tests: the current selection, reported as the reader's would be. */
  bridge.expose('reportSelection', () => {
    report();
    return shown;
  });
})();
