const HIGHLIGHT = 'text-highlight';

/**
 * Marks the spans of a pdf.js text layer that hold `text`, compared without
 * white space and case (the layer splits and spaces text its own way).
 * Returns the first marked span, or null when the text is not on the layer.
 */
export function highlightInTextLayer(layer: HTMLElement, text: string): HTMLElement | null {
  for (const marked of layer.querySelectorAll(`.${HIGHLIGHT}`)) marked.classList.remove(HIGHLIGHT);
  const spans = Array.from(layer.querySelectorAll<HTMLElement>('span')).filter(
    (span) => !span.classList.contains('markedContent') && span.childElementCount === 0,
  );
  let compact = '';
  const owner: number[] = [];
  spans.forEach((span, index) => {
    for (const char of (span.textContent ?? '').normalize('NFC').toLocaleLowerCase('vi')) {
      if (/\s/u.test(char)) continue;
      compact += char;
      owner.push(index);
    }
  });
  const needle = text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, '');
  if (needle === '') return null;
  // A long passage may cross what the layer dropped (a running footer); its opening words still place it.
  let at = compact.indexOf(needle);
  let length = needle.length;
  if (at === -1 && needle.length > 60) {
    at = compact.indexOf(needle.slice(0, 60));
    length = 60;
  }
  if (at === -1) return null;
  const marked = new Set(owner.slice(at, at + length));
  for (const index of marked) spans[index]?.classList.add(HIGHLIGHT);
  return spans[Math.min(...marked)] ?? null;
}
