/**
 * Search normalisation for Japanese names: katakana → hiragana, full-width ASCII → half-width,
 * lower case, no spaces. So "ヒヨシ", "ひよし" and "ﾋﾖｼ" all match the kana ひよし.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '')
    .toLowerCase();
}
