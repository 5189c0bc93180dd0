// Account identity: the same customer typed with full-width letters, stray spaces, other casing
// or other punctuation around "Co., Ltd." must land on one account.

// Han, kana and CJK punctuation: Chinese and Japanese write names without spaces, so a space
// next to one of these is layout, not part of the name. (Hangul is left out: Korean uses spaces.)
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f`;
const SPACE_NEXT_TO_CJK = new RegExp(String.raw`(?<=[${CJK}]) | (?=[${CJK}])`, 'gu');
// Brackets and punctuation that end a name; closing brackets stay, "(电子)" is part of the name.
const TRAILING_PUNCTUATION = /[\s\p{Pd}\p{Po}\p{Pc}\p{Pi}\p{Pf}\p{S}]+$/u;

/**
 * The key that identifies an account by name within a workspace. Rules, in order:
 * 1. NFKC: full-width letters, digits, spaces and brackets become ASCII ("（" → "(", "，" → ",").
 * 2. Lower case.
 * 3. Curly quotes become straight ones (’ → ').
 * 4. "." and "," are separators, like spaces: "Co., Ltd." = "Co. Ltd" = "Co Ltd" = "Co.,Ltd".
 * 5. Whitespace runs become one space; trimmed.
 * 6. No space next to a Han / kana character, nor just inside brackets:
 *    "上海华东精密机械 有限公司" = "上海华东精密机械有限公司", "( 电子 )" = "(电子)".
 * 7. Trailing punctuation and symbols go ("Acme!", "Acme -"); closing brackets stay.
 * 8. Leading "#" and quotes go, so a name key never looks like an {@link accountCodeKey} and
 *    '"Acme"' = 'Acme'.
 * Kept: bracket contents, "&" vs "and", legal forms (see identity.ts coreName for those).
 */
export function normalizeAccountKey(name: string): string {
  let key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // The regexes below are the slow part on 50,000 names: skip them when they cannot match.
  if (key.includes(' ')) {
    key = key
      .replace(SPACE_NEXT_TO_CJK, '')
      .replace(/([([{]) /g, '$1')
      .replace(/ ([)\]}])/g, '$1');
  }
  if (TRAILING_PUNCTUATION.test(key.slice(-1))) key = key.replace(TRAILING_PUNCTUATION, '');
  if (/^[#"' ]/.test(key)) key = key.replace(/^[#"'\s]+/, '');
  return key;
}

/**
 * The key of an account by its ERP code: "#" + the code with NFKC, no whitespace, lower case.
 * Name keys never start with "#", so a code and a name can never collide. An empty code gives ''
 * (no code: identify by name instead). Leading zeros are kept ("007" ≠ "7").
 */
export function accountCodeKey(code: string): string {
  const normalized = code.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return normalized === '' ? '' : `#${normalized}`;
}
