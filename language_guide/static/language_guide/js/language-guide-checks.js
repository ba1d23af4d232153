/*
 * Language guide: evaluate functions for the content checker's custom checks.
 *
 * Loaded with Wagtail's userbar (after userbar.js, before the page's load event,
 * when the userbar runs axe-core). Each guide entry is one axe check whose
 * options list the entry's word forms, normalised on the server as
 * language_guide/matching.py does; this file only looks words up in a Set, so
 * no term is ever compiled as a regular expression.
 */
(() => {
  'use strict';

  const PREFIX = 'language-guide-';
  const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

  const normalise = (word) =>
    word
      .normalize('NFC')
      .toLowerCase()
      .replace(/\u00df/g, 'ss')
      .replace(/\u03c2/g, '\u03c3')
      .replace(/\u2019/g, "'");

  /* The element's own text: nested text elements are checked on their own. */
  const ownText = (element, textElements) => {
    let text = '';
    element.childNodes.forEach((child) => {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.textContent;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.matches(textElements)) {
          text += ' ';
        } else if (child.tagName === 'BR') {
          text += ' ';
        } else {
          text += ownText(child, textElements);
        }
      }
    });
    return text;
  };

  const compiled = new WeakMap();
  const prepare = (options) => {
    let prepared = compiled.get(options);
    if (!prepared) {
      const phrases = new Set(options.phrases || []);
      const longest = Math.max(0, ...(options.phrases || []).map((phrase) => phrase.split(' ').length));
      prepared = { phrases, longest, inside: options.inside || [] };
      compiled.set(options, prepared);
    }
    return prepared;
  };

  /* True (passes) when the element's own text holds none of the entry's forms. */
  function evaluate(node, options) {
    const { phrases, longest, inside } = prepare(options);
    const words = (ownText(node, options.textElements).normalize('NFC').match(WORD) || []).map(normalise);
    for (let start = 0; start < words.length; start += 1) {
      for (let length = Math.min(longest, words.length - start); length > 0; length -= 1) {
        const phrase = words.slice(start, start + length).join(' ');
        if (phrases.has(phrase)) {
          this.data({ found: phrase });
          return false;
        }
      }
      if (inside.some((part) => words[start].includes(part))) {
        this.data({ found: words[start] });
        return false;
      }
    }
    return true;
  }

  const userbar = document.querySelector('wagtail-userbar');
  const script = userbar?.shadowRoot?.querySelector('#checker-axe-configuration');
  if (!userbar || typeof userbar.registerCheck !== 'function' || !script) {
    return;
  }
  const config = JSON.parse(script.textContent);
  (config.spec?.checks || [])
    .filter((check) => check.id.startsWith(PREFIX))
    .forEach((check) => userbar.registerCheck(check.id, evaluate));
})();
