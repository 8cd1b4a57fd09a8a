/* links.js: citations, external links, glossary terms and jumps in the page
 *
 * Citations post "citation" (the app shows a popover); external links post
 * "external" for the user's own clicks only, and never navigate (which also
 * keeps WebKit from connecting to the server ahead of the navigation policy);
 * in-page jumps (anchors, back to a footnote call) post "jump" with the place
 * they leave, for the history. Other links go through the view's navigation
 * policy, after the position is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  const EXTERNAL = /^(https?|mailto):/i;

  function onClick (event) {
    if (event.button !== 0)
      return;
    const target = event.target;
    const a = target && target.closest ? target.closest('a') : null;
    if (!a)
      return;

    if (a.hasAttribute('data-source')) {
      event.preventDefault();
      event.stopPropagation();
      bridge.post('citation', { id: a.getAttribute('data-source'), rect: bridge.rectOf(a, event) });
      return;
    }

    if (EXTERNAL.test(a.href)) {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted)
        bridge.post('external', { href: a.href });
      return;
    }

    if (a.hasAttribute('data-glossary')) {
      /* Reserved for the glossary: the app shows nothing yet. */
      event.preventDefault();
      event.stopPropagation();
      bridge.post('glossary', { id: a.getAttribute('data-glossary'), rect: bridge.rectOf(a, event) });
      return;
    }

    const here = globalThis.pnPosition ? globalThis.pnPosition.current() : null;
    const href = a.getAttribute('href') || '';
    if (href.startsWith('#') && href.length > 1 && here) {
      /* the page scrolls by itself; the app keeps where it was */
      bridge.post('jump', { anchor: here.anchor, fraction: here.fraction });
      return;
    }
    /* Another document: the app keeps the exact place in its history. */
    if (globalThis.pnPosition)
      globalThis.pnPosition.flush();
  }

  /* Middle clicks would ask for a new window: never for external links. */
  function onAuxClick (event) {
    const a = event.target && event.target.closest ? event.target.closest('a') : null;
    if (a && EXTERNAL.test(a.href))
      event.preventDefault();
  }

  window.addEventListener('click', onClick, true);
  window.addEventListener('auxclick', onAuxClick, true);
})();
