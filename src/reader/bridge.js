/* bridge.js: the page end of the app's bridge (loaded first)
 *
 * Every page script runs as a WebKit user script in the app's private script
 * world: the page cannot see their globals nor the message handler they post
 * to. They share this world's globals: this one defines pnBridge, which the
 * others (position, footnotes, links, keyboard, find, and later the glossary,
 * annotations and passages) use to post messages and to expose functions the
 * app calls. The DOM is shared with the page, so everything read from it is
 * untrusted text; the app validates every message (src/model/pn-page-message.c
 * lists the types). Nothing here builds markup or script from page data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const handlers = window.webkit && window.webkit.messageHandlers;
  const handler = handlers && handlers.pn;
  if (!handler)
    return;

  const VERSION = 1;          /* PN_PAGE_PROTOCOL_VERSION */
  const MAX_TEXT = 16000;
  const exposed = new Map();
  const readyHooks = [];

  function post (type, fields) {
    const message = Object.assign({}, fields || {});
    message.v = VERSION;
    message.type = type;
    try {
      handler.postMessage(message);
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

  /* Plain text of a node, collapsed, through an optional NodeFilter. */
  function textOf (root, filter) {
    let out = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, filter || null);
    while (walker.nextNode())
      out += walker.currentNode.data;
    return out.replace(/\s+/g, ' ').trim();
  }

  /* Called by the app (pn_page_bridge_call): runs an exposed function and
   * answers with its result as JSON, with the protocol version. */
  async function dispatch (method, version, args) {
    if (version !== VERSION)
      return JSON.stringify({ v: VERSION, error: 'protocol version ' + version });
    const fn = exposed.get(method);
    if (!fn)
      return JSON.stringify({ v: VERSION, error: 'no such function: ' + String(method).slice(0, 64) });
    try {
      const result = await fn(args || {});
      return JSON.stringify({ v: VERSION, result: result === undefined ? null : result });
    } catch (e) {
      return JSON.stringify({ v: VERSION, error: String((e && e.message) || e).slice(0, 200) });
    }
  }

  globalThis.pnBridge = Object.freeze({
    VERSION: VERSION,
    MAX_TEXT: MAX_TEXT,
    post: post,
    clip: clip,
    pageHref: pageHref,
    rectOf: rectOf,
    textOf: textOf,
    dispatch: dispatch,
    /* A function the app may call by @name. */
    expose (name, fn) {
      exposed.set(name, fn);
    },
    /* Run once the page is laid out, before the app hears it is ready. */
    onReady (fn) {
      readyHooks.push(fn);
    },
    runReadyHooks () {
      for (const fn of readyHooks) {
        try {
          fn();
        } catch (e) {
          /* one script's failure does not stop the others */
        }
      }
    },
  });
})();
