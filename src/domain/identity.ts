// Which accounts are probably the same customer under two spellings: legal forms dropped
// ("有限公司", "Co., Ltd."), then equal or very similar names. Suggestions for a person to merge;
// nothing here merges by itself. Pure.
import { normalizeAccountKey } from './normalize';

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;

// Longest first, so "股份有限公司" goes as one piece and "集团" stays (a group is its own account).
const CJK_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '股份公司',
  '株式会社',
  '有限会社',
  '公司',
  '(株)',
  '(有)',
];
// "分公司" (branch) and "总公司" (head office) are different accounts from the company.
const KEEP_COMPANY = /(?:分|总|總)公司$/u;
const CJK_PREFIXES = ['株式会社', '(株)'];

// After normalizeAccountKey: lower case, "." and "," already spaces ("S.A." → "s a").
const LATIN_FORMS = [
  'co ltd',
  'company limited',
  'company',
  'co',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'l l c',
  'llp',
  'lp',
  'plc',
  'gmbh',
  'gmbh & co kg',
  'kgaa',
  'kg',
  'ag',
  'se',
  'sa',
  's a',
  'sas',
  'sarl',
  'srl',
  's r l',
  'spa',
  's p a',
  'bv',
  'b v',
  'nv',
  'n v',
  'ab',
  'oy',
  'pte',
  'pty',
  'sdn bhd',
  'bhd',
  'kk',
  'k k',
].sort((a, b) => b.length - a.length);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A Latin form is a whole word at the end: after a space, "&", "(" or straight after CJK
// ("华东精密co ltd").
const LATIN_SUFFIX = new RegExp(
  String.raw`(?:(?<=[\s&(])|(?<=[${CJK}]))(?:${LATIN_FORMS.map(escape).join('|')})$`,
  'u',
);
const DANGLING = /(?:[\s&,(-]|\band)+$/u;

function stripOnce(s: string): string {
  // "(有限公司)", "(ltd)": a bracket holding only a legal form.
  const bracket = s.endsWith(')') ? /\(([^()]*)\)$/.exec(s) : null;
  if (bracket && bracket[1] && stripAll(`x ${bracket[1]}`) === 'x') {
    return s.slice(0, bracket.index).trimEnd();
  }
  if (!KEEP_COMPANY.test(s)) {
    for (const suffix of CJK_SUFFIXES) if (s.endsWith(suffix)) return s.slice(0, -suffix.length);
  }
  for (const prefix of CJK_PREFIXES) if (s.startsWith(prefix)) return s.slice(prefix.length);
  const latin = /[a-z]$/.test(s) ? LATIN_SUFFIX.exec(s) : null;
  if (latin) return s.slice(0, latin.index).replace(DANGLING, '');
  return s;
}

/** Strips legal forms until none is left; may return ''. */
function stripAll(s: string): string {
  for (let next = stripOnce(s); next !== s; next = stripOnce(s)) s = next.trim();
  return s;
}

/**
 * The name without legal forms, as a normalizeAccountKey-style key: "上海华东精密机械股份有限公司"
 * → "上海华东精密机械"; "Northwind Trading Co., Ltd." → "northwind trading". Removed at the end
 * (repeatedly): 有限公司, 有限责任公司, 股份有限公司, 公司, 繁體 variants, 株式会社, (株),
 * Co., Ltd., Limited, Inc., Corp., Corporation, LLC, GmbH, AG, S.A. and similar; also a bracket
 * holding only a legal form. Kept: 集团, 分公司 / 总公司, a leading city or province ("上海", "深圳市": cities
 * tell branches apart). A name that is nothing but a legal form keeps it ("Company" → "company").
 */
export function coreName(name: string): string {
  const key = normalizeAccountKey(name);
  const core = stripAll(key);
  return core === '' ? key : core;
}

export interface NearDuplicateGroup {
  /** Account ids, ascending. */
  ids: number[];
  /** same_core_name: every name has the same core; similar_name: some cores only look alike. */
  reason: 'same_core_name' | 'similar_name';
}

export interface NearDuplicateOptions {
  /** Character-bigram Dice coefficient from which two core names count as similar; default 0.9. */
  threshold?: number;
}

const MIN_EDIT_LENGTH = 6;
// Most names behind one index key: bounds the work on degenerate lists (thousands of
// "门店0001"…), at the price of maybe missing a pair there.
const BUCKET_CAP = 32;

// Arabic and Chinese numerals: "Plant 1" / "Plant 2" and "第一分公司" / "第二分公司" differ on
// purpose, so names whose numbers differ are never called similar.
const numerals = (s: string): string => s.replace(/[^0-9零〇一二三四五六七八九十百千]+/gu, '');

/** At most one insertion, deletion or substitution apart (code units). */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length) return true;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1);
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      const up = this.parent[this.parent[x]!]!;
      this.parent[x] = up;
      x = up;
    }
    return x;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Every name's distinct character bigrams, in one flat array (name i owns
 * `rank[start[i]] … rank[start[i + 1] − 1]`), each bigram replaced by its rank in order of rarity
 * (rarest = 0) and sorted, so each name lists its rarest bigrams first. Flat typed arrays and a
 * hand-rolled hash table: 50,000 small typed arrays or a JS Map cost more than the search itself.
 */
interface RankedBigrams {
  start: Int32Array;
  rank: Int32Array;
}

function sortRange(a: Int32Array | Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Fibonacci hashing: the top `bits` bits of key · 2^32/φ. */
const hashSlot = (key: number, bits: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

function rankedBigrams(names: readonly string[]): RankedBigrams {
  // Characters renumbered densely, so a bigram id₁·alphabet + id₂ stays below 2^32.
  const charId = new Int32Array(65536).fill(-1);
  let alphabet = 0;
  let total = 0;
  for (const s of names) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (charId[c] === -1) charId[c] = alphabet++;
    }
    total += Math.max(0, s.length - 1);
  }
  const start = new Int32Array(names.length + 1);
  const codes = new Float64Array(total);
  let at = 0;
  names.forEach((s, n) => {
    const from = at;
    start[n] = from;
    for (let i = 0; i + 1 < s.length; i++) {
      codes[at++] = charId[s.charCodeAt(i)]! * alphabet + charId[s.charCodeAt(i + 1)]!;
    }
    sortRange(codes, from, at);
    if (at === from) return;
    let write = from + 1;
    for (let read = from + 1; read < at; read++) {
      if (codes[read] !== codes[write - 1]) codes[write++] = codes[read]!;
    }
    at = write;
  });
  start[names.length] = at;

  // Open addressing: bigram code → dense id, counting how many names have it.
  const bits = Math.max(4, Math.ceil(Math.log2(2 * at + 1)));
  const capacity = 2 ** bits;
  const slotCode = new Float64Array(capacity).fill(-1);
  const slotId = new Int32Array(capacity);
  const ids = new Int32Array(at);
  const counts: number[] = [];
  for (let k = 0; k < at; k++) {
    const code = codes[k]!;
    let slot = hashSlot(code | 0, bits);
    while (slotCode[slot] !== -1 && slotCode[slot] !== code) slot = (slot + 1) & (capacity - 1);
    if (slotCode[slot] === -1) {
      slotCode[slot] = code;
      slotId[slot] = counts.length;
      counts.push(0);
    }
    ids[k] = slotId[slot]!;
    counts[ids[k]!]!++;
  }
  // Sort keys count · 2^32 + id are exact in a double (counts < 2^21).
  const order = Float64Array.from(counts, (count, id) => count * 2 ** 32 + id).sort();
  const rankOf = new Int32Array(order.length);
  order.forEach((key, r) => (rankOf[key % 2 ** 32] = r));
  const rank = new Int32Array(at);
  for (let k = 0; k < at; k++) rank[k] = rankOf[ids[k]!]!;
  for (let n = 0; n < names.length; n++) sortRange(rank, start[n]!, start[n + 1]!);
  return { start, rank };
}

/**
 * Do two names' bigram sets (sorted ranges of `rank`) overlap by at least `needed`? Stops as soon
 * as the overlap can no longer get there: most candidate pairs fail after a few steps.
 */
function overlapAtLeast(
  rank: Int32Array,
  a: number,
  aEnd: number,
  b: number,
  bEnd: number,
  needed: number,
): boolean {
  let common = 0;
  while (a < aEnd && b < bEnd) {
    if (common + Math.min(aEnd - a, bEnd - b) < needed) return false;
    const x = rank[a]!;
    const y = rank[b]!;
    if (x === y) {
      common++;
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
  return common >= needed;
}

/**
 * Pairs with bigram Dice ≥ threshold, by prefix filtering (PPJoin, Xiao et al. 2008): with every
 * name's bigrams ordered rarest first, two sets that overlap enough share a bigram early in both
 * lists, so names are looked up by their first `size − ⌈size·J⌉ + 1` bigrams (J = t/(2−t), the
 * same bar as a Jaccard index) and, as names are processed shortest first, indexed by their first
 * `size − ⌈size·2J/(1+J)⌉ + 1`. A position bound drops pairs that can no longer reach the
 * overlap before the overlap is counted. Exact, except that an index entry stops growing at
 * BUCKET_CAP names.
 */
function similarBigrams(
  names: readonly string[],
  threshold: number,
  visit: (a: number, b: number) => void,
): void {
  const { start, rank } = rankedBigrams(names);
  const size = (n: number): number => start[n + 1]! - start[n]!;
  const jaccard = threshold / (2 - threshold);
  const order = names.map((_s, i) => i).filter((i) => size(i) > 0);
  order.sort((a, b) => size(a) - size(b));
  const largest = order.length > 0 ? size(order[order.length - 1]!) : 0;
  // Overlap that two sets of sizes a and b need for Dice ≥ threshold, by a + b.
  const needed = Int32Array.from({ length: 2 * largest + 1 }, (_v, sum) =>
    Math.ceil((threshold * sum) / 2 - 1e-9),
  );

  const postings: (number[] | undefined)[] = []; // by rank: [name, position, name, position…]
  const overlap = new Int32Array(names.length);
  const touched = new Int32Array(names.length);
  for (const x of order) {
    const from = start[x]!;
    const a = size(x);
    const probe = a - Math.ceil(jaccard * a - 1e-9) + 1;
    const indexed = a - Math.ceil(((2 * jaccard) / (1 + jaccard)) * a - 1e-9) + 1;
    const minSize = Math.ceil(jaccard * a - 1e-9);
    let touchedCount = 0;
    for (let i = 0; i < probe; i++) {
      const list = postings[rank[from + i]!];
      if (list === undefined) continue;
      for (let k = 0; k < list.length; k += 2) {
        const y = list[k]!;
        const b = size(y);
        const seen = overlap[y]!;
        if (b < minSize || seen < 0) continue;
        if (seen === 0) touched[touchedCount++] = y;
        const reachable = seen + 1 + Math.min(a - i - 1, b - list[k + 1]! - 1);
        overlap[y] = reachable >= needed[a + b]! ? seen + 1 : -1;
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const y = touched[t]!;
      const b = size(y);
      if (
        overlap[y]! > 0 &&
        overlapAtLeast(rank, from, from + a, start[y]!, start[y]! + b, needed[a + b]!)
      ) {
        visit(x, y);
      }
      overlap[y] = 0;
    }
    for (let i = 0; i < indexed; i++) {
      const token = rank[from + i]!;
      const list = postings[token];
      if (list === undefined) postings[token] = [x, i];
      else if (list.length < 2 * BUCKET_CAP) list.push(x, i);
    }
  }
}

const HASH_BASE = 0x01000193;

/**
 * Candidates one edit apart (both ≥ 6 characters), exactly: two strings within one edit share a
 * key among themselves and their one-character deletions. Keys are 32-bit polynomial hashes of
 * those strings (a collision only costs a check), chained per key in a flat hash table.
 */
function deletionNeighbours(
  compact: readonly string[],
  visit: (a: number, b: number) => void,
): void {
  let total = 0;
  let longest = 0;
  for (const s of compact) {
    if (s.length < MIN_EDIT_LENGTH) continue;
    total += s.length + 1;
    longest = Math.max(longest, s.length);
  }
  const bits = Math.max(4, Math.ceil(Math.log2(2 * total + 1)));
  const capacity = 2 ** bits;
  const slotKey = new Int32Array(capacity);
  const head = new Int32Array(capacity).fill(-1);
  const owner = new Int32Array(total);
  const next = new Int32Array(total);
  let entries = 0;
  const add = (key: number, name: number): void => {
    let slot = hashSlot(key, bits);
    while (head[slot] !== -1 && slotKey[slot] !== key) slot = (slot + 1) & (capacity - 1);
    slotKey[slot] = key;
    owner[entries] = name;
    next[entries] = head[slot]!;
    head[slot] = entries++;
  };

  // Scratch buffers shared by all names: allocating arrays per name kept the GC busy.
  const prefix = new Int32Array(longest + 1);
  const suffix = new Int32Array(longest + 1);
  const power = new Int32Array(longest + 1);
  power[0] = 1;
  for (let i = 0; i < longest; i++) power[i + 1] = Math.imul(power[i]!, HASH_BASE);
  compact.forEach((s, name) => {
    const n = s.length;
    if (n < MIN_EDIT_LENGTH) return;
    for (let i = 0; i < n; i++)
      prefix[i + 1] = (Math.imul(prefix[i]!, HASH_BASE) + s.charCodeAt(i)) | 0;
    suffix[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      suffix[i] = (Math.imul(s.charCodeAt(i), power[n - 1 - i]!) + suffix[i + 1]!) | 0;
    }
    add(prefix[n]!, name);
    for (let p = 0; p < n; p++)
      add((Math.imul(prefix[p]!, power[n - 1 - p]!) + suffix[p + 1]!) | 0, name);
  });

  for (let slot = 0; slot < capacity; slot++) {
    const first = head[slot]!;
    if (first === -1 || next[first] === -1) continue;
    let outer = first;
    for (let i = 0; outer !== -1 && i < BUCKET_CAP; i++, outer = next[outer]!) {
      let inner = next[outer]!;
      for (let j = i + 1; inner !== -1 && j < BUCKET_CAP; j++, inner = next[inner]!) {
        visit(owner[outer]!, owner[inner]!);
      }
    }
  }
}

/**
 * Groups of accounts that are probably one customer: equal core names (see {@link coreName}), or
 * core names that are very similar — character-bigram Dice ≥ threshold (default 0.9) or one edit
 * apart when both have ≥ 6 characters — compared without spaces, never across different numbers.
 * Similarity is transitive within a group. Each id is in at most one group; groups come ordered
 * by their smallest id. Codes are not looked at (the caller decides what a code conflict means).
 * Linear-ish: 50,000 names take well under a second.
 */
export function findNearDuplicates(
  accounts: readonly { id: number; name: string }[],
  options: NearDuplicateOptions = {},
): NearDuplicateGroup[] {
  const threshold = options.threshold ?? 0.9;
  const coreIndex = new Map<string, number>();
  const idsByCore: number[][] = [];
  const compact: string[] = [];
  for (const { id, name } of accounts) {
    const core = coreName(name);
    if (core === '') continue;
    const index = coreIndex.get(core);
    if (index !== undefined) {
      idsByCore[index]!.push(id);
      continue;
    }
    coreIndex.set(core, compact.length);
    idsByCore.push([id]);
    compact.push(core.includes(' ') ? core.replace(/ /g, '') : core);
  }
  const digits = compact.map(numerals);
  const sets = new UnionFind(compact.length);
  similarBigrams(compact, threshold, (a, b) => {
    if (digits[a] === digits[b]) sets.union(a, b);
  });
  deletionNeighbours(compact, (a, b) => {
    if (a === b || digits[a] !== digits[b]) return;
    const [x, y] = [compact[a]!, compact[b]!];
    if (Math.min(x.length, y.length) >= MIN_EDIT_LENGTH && withinOneEdit(x, y)) sets.union(a, b);
  });

  // Most names are alone: count members per root first and build lists only for the rest.
  const roots = Int32Array.from({ length: compact.length }, (_v, i) => sets.find(i));
  const memberCount = new Int32Array(compact.length);
  for (const root of roots) memberCount[root]!++;
  const components = new Map<number, number[]>();
  roots.forEach((root, i) => {
    if (memberCount[root] === 1 && idsByCore[i]!.length === 1) return;
    const members = components.get(root);
    if (members) members.push(i);
    else components.set(root, [i]);
  });
  const groups: NearDuplicateGroup[] = [];
  for (const members of components.values()) {
    const ids = members.flatMap((i) => idsByCore[i]!).sort((a, b) => a - b);
    groups.push({ ids, reason: members.length === 1 ? 'same_core_name' : 'similar_name' });
  }
  return groups.sort((a, b) => a.ids[0]! - b.ids[0]!);
}
