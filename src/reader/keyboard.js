/* keyboard.js: the keyboard in the text
 *
 * Tab starts from what is on screen, not from the top of the text; Tab past
 * the last link (Shift+Tab before the first) hands the focus back to the
 * window ("focus-leave"); Home, End, Ctrl+Home, Ctrl+End, Page Up, Page Down
 * and Space scroll. The app can scroll too (exposed "scroll").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

(() => {
  const bridge = globalThis.pnBridge;
  if (!bridge)
    return;

  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

  function focusables () {
    return Array.from(document.querySelectorAll(FOCUSABLE)).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    });
  }

  function isTyping (el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  /* Nothing focused in the page yet (or the focus scrolled out of view). */
  function focusIsAway () {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return true;
    const r = el.getBoundingClientRect();
    return r.bottom < 0 || r.top > window.innerHeight;
  }

  /* The first focusable thing on screen (or the next one below the view;
   * the last one above it going backwards). */
  function firstOnScreen (forward) {
    const all = focusables();
    const tops = all.map((el) => el.getBoundingClientRect());
    if (forward) {
      for (let i = 0; i < all.length; i++)
        if (tops[i].bottom > 0)
          return all[i];
      return null;
    }
    for (let i = all.length - 1; i >= 0; i--)
      if (tops[i].top < window.innerHeight)
        return all[i];
    return null;
  }

  function scrollPage (how) {
    const root = document.scrollingElement || document.documentElement;
    const page = Math.max(40, window.innerHeight - 48);
    switch (how) {
    case 'scroll-top':
      window.scrollTo(0, 0);
      break;
    case 'scroll-bottom':
      window.scrollTo(0, root.scrollHeight);
      break;
    case 'page-down':
      window.scrollBy(0, page);
      break;
    case 'page-up':
      window.scrollBy(0, -page);
      break;
    default:
      return false;
    }
    return true;
  }

  function onKeyDown (event) {
    if (event.defaultPrevented || event.altKey || event.metaKey)
      return;
    const active = document.activeElement;

    if (event.key === 'Tab' && !event.ctrlKey) {
      const forward = !event.shiftKey;
      if (focusIsAway()) {
        const el = firstOnScreen(forward);
        if (el) {
          event.preventDefault();
          el.focus({ preventScroll: el.getBoundingClientRect().top >= 0 });
          return;
        }
      }
      const all = focusables();
      const i = all.indexOf(active);
      if (all.length === 0 || (forward && i === all.length - 1) || (!forward && i === 0)) {
        event.preventDefault();
        if (active && active.blur)
          active.blur();
        bridge.post('focus-leave', { forward: forward });
      }
      return;
    }

    if (isTyping(active))
      return;
    let how = null;
    switch (event.key) {
    case 'Home':
      how = 'scroll-top';
      break;
    case 'End':
      how = 'scroll-bottom';
      break;
    case 'PageDown':
      how = 'page-down';
      break;
    case 'PageUp':
      how = 'page-up';
      break;
    case ' ':
      if (active && active.tagName === 'BUTTON')
        return;
      how = event.shiftKey ? 'page-up' : 'page-down';
      break;
    default:
      return;
    }
    if (event.shiftKey && how !== 'page-up')
      return;
    event.preventDefault();
    scrollPage(how);
  }

  bridge.expose('scroll', (args) => scrollPage(String(args.how || '')));
  bridge.expose('focusOnScreen', (args) => {
    const el = firstOnScreen(args.forward !== 0);
    if (el)
      el.focus({ preventScroll: true });
    return el ? bridge.clip(bridge.textOf(el)).slice(0, 200) : null;
  });

  window.addEventListener('keydown', onKeyDown, true);
})();
