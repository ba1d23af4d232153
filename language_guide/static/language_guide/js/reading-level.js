/*
 * Language guide: a reading-level figure in the editor's Checks panel.
 *
 * Wagtail extracts the main text of the preview and announces it with the
 * w-preview:content event; we compute a Flesch-Kincaid grade for English and
 * the average words per sentence for other languages.
 */
(() => {
  'use strict';

  const syllables = (word) => {
    const groups = word.toLowerCase().replace(/e$/, '').match(/[aeiouy]+/g);
    return Math.max(1, groups ? groups.length : 0);
  };

  const measure = (lang, text) => {
    const sentences = Array.from(new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)).filter(
      ({ segment }) => segment.trim(),
    ).length;
    const words = Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text))
      .filter(({ isWordLike }) => isWordLike)
      .map(({ segment }) => segment);
    if (!sentences || !words.length) {
      return null;
    }
    const wordsPerSentence = words.length / sentences;
    if (lang.split('-')[0] !== 'en') {
      return { wordsPerSentence };
    }
    const syllablesPerWord = words.reduce((total, word) => total + syllables(word), 0) / words.length;
    return { wordsPerSentence, grade: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59 };
  };

  document.addEventListener('w-preview:content', (event) => {
    const output = document.querySelector('[data-language-guide-level]');
    const content = event.detail?.content;
    if (!output || !content) {
      return;
    }
    const result = measure(content.lang || 'en', content.innerText || '');
    if (!result) {
      output.textContent = '-';
    } else if (result.grade !== undefined) {
      output.textContent = output.dataset.gradeTemplate.replace('%(grade)s', String(Math.max(0, Math.round(result.grade))));
    } else {
      output.textContent = output.dataset.sentenceTemplate.replace('%(words)s', String(Math.round(result.wordsPerSentence)));
    }
  });
})();
