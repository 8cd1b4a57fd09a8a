/* start.js: tells the app the page is ready (loaded last)
 *
 * Once the fonts are loaded and the page laid out, the other scripts' ready
 * hooks run, then "ready" goes to the app with the title and the number of
 * words (for the reading time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  function currentTitle () {
    const h1 = document.querySelector('body > header h1, h1');
    const title = document.title || (h1 ? bridge.textOf(h1) : '');
    return bridge.clip(title.replace(/\s+/g, ' ').trim());
  }

  function ready () {
    void document.documentElement.offsetHeight;   /* force layout */
    bridge.runReadyHooks();
    const words = globalThis.pnPosition ? globalThis.pnPosition.totalWords() : 0;
    bridge.post('ready', { href: bridge.pageHref(), title: currentTitle(), words: words });
  }

  if (document.fonts && document.fonts.ready)
    document.fonts.ready.then(ready, ready);
  else
    ready();
})();
