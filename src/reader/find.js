/* find.js: which match of a search is the current one (« 3 of 33 »)
 *
 * WebKit's find controller selects the current match and counts them all, but
 * gives no index: this counts the matches before the selection, the same way
 * (case-insensitive, across the page's text). When the search ends, the
 * selected match is let go (clearFind), so no highlight stays behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  function fold (text) {
    return text.toLocaleLowerCase();
  }

  /* The page's text up to the start of the selection, and from there on. */
  function findIndex (needle) {
    const selection = window.getSelection();
    if (!needle || !selection || selection.rangeCount === 0)
      return 0;
    const range = selection.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(document.body);
    try {
      before.setEnd(range.startContainer, range.startOffset);
    } catch (e) {
      return 0;
    }
    const text = fold(before.toString().replace(/\s+/g, ' '));
    const wanted = fold(String(needle).replace(/\s+/g, ' '));
    if (!fold(range.toString().replace(/\s+/g, ' ')).startsWith(wanted))
      return 0;
    let count = 0;
    for (let i = text.indexOf(wanted); i >= 0; i = text.indexOf(wanted, i + 1))
      count++;
    return count + 1;
  }

  bridge.expose('findIndex', (args) => findIndex(String(args.text || '')));
  /* When the search ends, its current match stays selected: let it go too. */
  bridge.expose('clearFind', () => {
    const selection = window.getSelection();
    if (selection)
      selection.removeAllRanges();
    return true;
  });
})();
