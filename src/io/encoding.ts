// Which text encoding the bytes of an imported CSV are in. Pure: runs in the import worker and in
// node tests. Decoding uses the WHATWG TextDecoder ('gb18030' and 'big5' ship with Node 20 and
// every current browser) and a built-in table for Windows-1252 (see decodeAs).
//
// Why a scored heuristic and not a detector library such as jschardet: we only ever have to pick
// among three legacy encodings (GBK, Big5, Windows-1252), and the files are order exports whose
// text is mostly company names, cities and a handful of header words. Generic detectors model
// whole languages by character-pair frequency and need long text; on a header line plus a few
// names they misfire (jschardet issues #62 and #66: two Big5 characters come back as
// windows-1252 with confidence 0.95), and GBK vs Big5 is their weakest pair because both are
// double-byte with overlapping byte ranges, so every byte sequence decodes "validly" both ways.
// What does separate them is that the WRONG table turns common characters into rare ones (or
// into kana, box drawing and private-use code points), so counting hits in short lists of
// frequent characters in each script decides even short samples. It also keeps a large
// dependency out of the worker bundle.

export type TextEncodingId =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

export const TEXT_ENCODINGS: readonly TextEncodingId[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'windows-1252',
];

export interface EncodingCandidate {
  encoding: TextEncodingId;
  /** 0..1, higher is more plausible. */
  score: number;
}

export interface EncodingGuess {
  encoding: TextEncodingId;
  /** Bytes of byte-order mark to skip before decoding (TextDecoder only strips UTF-8/16 BOMs). */
  bomLength: number;
  /** 0..1; low values mean the UI should let the user confirm the choice. */
  confidence: number;
  /** Best first; always contains `encoding`. */
  candidates: EncodingCandidate[];
}

const LABELS: Record<TextEncodingId, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK',
  big5: 'Big5',
  'windows-1252': 'Windows-1252 (Western)',
};

/** Human name for the encoding picker. */
export function encodingLabel(id: TextEncodingId): string {
  return LABELS[id];
}

// --- decoding ---------------------------------------------------------------------------------

// Windows-1252 is Latin-1 except for 0x80–0x9F. Node 20.18.3+ and 22.13+ decode 'windows-1252'
// as plain Latin-1 (nodejs/node#56542, #60888: 0x80 → U+0080 instead of €), so the table is
// applied here instead of trusting the runtime's TextDecoder. 81 8D 8F 90 9D stay C1 controls,
// as the WHATWG Encoding Standard maps them.
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunk = 8192; // String.fromCharCode takes its codes as arguments; keep the count modest.
  let text = '';
  for (let i = 0; i < bytes.length; i += chunk) {
    const codes = Array.from(bytes.subarray(i, i + chunk), (b) =>
      b >= 0x80 && b < 0xa0 ? WINDOWS_1252_C1.charCodeAt(b - 0x80) : b,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

/**
 * Decodes bytes in a detected encoding, skipping `bomLength` bytes of byte-order mark. Use this
 * rather than `new TextDecoder(encoding)` so Windows-1252 decodes correctly on Node too.
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingId, bomLength = 0): string {
  const body = bytes.subarray(bomLength);
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  // ignoreBOM: the BOM, if any, was skipped above; a second U+FEFF would be content.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

// --- character lists ------------------------------------------------------------------------

// The ~450 most frequent characters of modern written Chinese (simplified), in frequency order.
const FREQUENT_SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于' +
  '着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还' +
  '进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情' +
  '明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或' +
  '新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员' +
  '解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太' +
  '量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基' +
  '眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交' +
  '规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济' +
  '车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调' +
  '深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越' +
  '器容照须九增研写称企';

// What order exports are full of: company-name words, cities and header words.
const WORDS_SIMPLIFIED =
  '公司 有限 责任 集团 科技 贸易 商贸 实业 股份 工业 企业 发展 国际 控股 制造 电子 电器 ' +
  '电气 机械 材料 化工 食品 医药 网络 信息 服务 物流 进出口 建设 能源 汽车 设备 环保 光电 ' +
  '精密 塑胶 五金 纺织 服饰 百货 超市 连锁 商店 厂 商行 分公司 总公司 办事处 合作社 ' +
  '北京 上海 广州 深圳 天津 重庆 成都 杭州 南京 武汉 西安 苏州 长沙 郑州 青岛 宁波 东莞 ' +
  '佛山 厦门 福州 合肥 济南 无锡 大连 沈阳 哈尔滨 昆明 南宁 贵阳 石家庄 太原 南昌 温州 ' +
  '珠海 中山 香港 澳门 台北 台中 台南 高雄 桃园 新竹 基隆 嘉义 新北 浙江 江苏 广东 山东 ' +
  '福建 湖南 湖北 河南 河北 四川 省 市 区 县 镇 路 街 号 楼 室 ' +
  '客户 名称 日期 金额 数量 订单 产品 单价 编号 备注 合计 总额 含税 税额 销售 地区 月份 ' +
  '年度 序号 单位 单号 发货 收货 付款 采购 供应商 品名 规格 型号 币种 人民币 元 美元 港币 ' +
  '业务员 部门 联系人 电话 地址 类别 状态 折扣 毛利 成本 件 箱 个 吨 套';

// The same lists in traditional characters (converted with OpenCC s2tw/s2t, Taiwan phrasing for
// the words, plus 台 beside 臺 because Taiwanese companies write both).
const FREQUENT_TRADITIONAL =
  '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於' +
  '著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還' +
  '進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情' +
  '明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或' +
  '新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員' +
  '解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太' +
  '量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基' +
  '眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交' +
  '規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根幹造言聯持組每濟' +
  '車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫臺單影具羅字愛擊流備兵連調' +
  '深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越' +
  '器容照須九增研寫稱企';

const WORDS_TRADITIONAL =
  '公司 有限 責任 集團 科技 貿易 商貿 實業 股份 工業 企業 發展 國際 控股 製造 電子 電器 ' +
  '電氣 機械 材料 化工 食品 醫藥 網路 網絡 資訊 服務 物流 進出口 建設 能源 汽車 設備 裝置 ' +
  '環保 光電 精密 塑膠 五金 紡織 服飾 百貨 超市 連鎖 商店 廠 商行 分公司 總公司 辦事處 ' +
  '合作社 企業社 北京 上海 廣州 深圳 天津 重慶 成都 杭州 南京 武漢 西安 蘇州 長沙 鄭州 ' +
  '青島 寧波 東莞 佛山 廈門 福州 合肥 濟南 無錫 大連 瀋陽 哈爾濱 昆明 南寧 貴陽 石家莊 ' +
  '太原 南昌 溫州 珠海 中山 香港 澳門 九龍 臺北 台北 臺中 台中 臺南 台南 台灣 高雄 桃園 ' +
  '新竹 基隆 嘉義 新北 彰化 屏東 宜蘭 花蓮 浙江 江蘇 廣東 山東 福建 湖南 湖北 河南 河北 ' +
  '四川 省 市 區 縣 鎮 路 街 號 樓 室 客戶 名稱 日期 金額 數量 訂單 產品 單價 編號 備註 ' +
  '合計 總額 含稅 稅額 銷售 地區 月份 年度 序號 單位 單號 發貨 收貨 付款 採購 供應商 品名 ' +
  '規格 型號 幣種 人民幣 新台幣 元 美元 港幣 業務員 部門 聯絡人 電話 地址 類別 狀態 折扣 ' +
  '毛利 成本 件 箱 個 噸 套';

function codePointSet(...texts: string[]): ReadonlySet<number> {
  const set = new Set<number>();
  for (const text of texts) for (const ch of text) if (ch !== ' ') set.add(ch.codePointAt(0)!);
  return set;
}

const SIMPLIFIED = codePointSet(FREQUENT_SIMPLIFIED, WORDS_SIMPLIFIED);
const TRADITIONAL = codePointSet(FREQUENT_TRADITIONAL, WORDS_TRADITIONAL);

// Punctuation that real Chinese text uses; the wrong table rarely produces it.
const CJK_PUNCTUATION = codePointSet(
  '、。，：；！？（）《》【】「」『』〈〉“”‘’…—·～％＃＆＊＋－／＠￥',
);

// Characters a Western text plausibly contains on its own between ASCII.
const WESTERN_SYMBOLS = codePointSet('\u00a0’‘“”–—…•°·«»©®™±×§µ²³½¼¾ªº¡¿‰');
const CURRENCY_SYMBOLS = codePointSet('€£¥¢');

// --- scoring ----------------------------------------------------------------------------------

/** Sum of per-character plausibility over the non-ASCII characters, and how many there were. */
interface Tally {
  weight: number;
  chars: number;
}

/** Characters no text means: a failed decode, C1 controls, private-use code points. */
function brokenWeight(cp: number): number | null {
  if (cp === 0xfffd) return -2;
  if (cp >= 0x80 && cp <= 0x9f) return -2;
  // GBK's and Big5's user-defined areas decode to private use; the wrong table lands there often.
  if (cp >= 0xe000 && cp <= 0xf8ff) return -1.5;
  return null;
}

const isCjkUnified = (cp: number): boolean => cp >= 0x4e00 && cp <= 0x9fff;
const isCjkPunctuation = (cp: number): boolean =>
  CJK_PUNCTUATION.has(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e);

function scoreChinese(text: string, frequent: ReadonlySet<number>): Tally {
  let weight = 0;
  let chars = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    chars++;
    const broken = brokenWeight(cp);
    if (broken !== null) weight += broken;
    else if (frequent.has(cp)) weight += 1;
    // A rare but real character is no evidence either way.
    else if (isCjkUnified(cp)) weight += 0;
    else if (isCjkPunctuation(cp)) weight += 0.25;
    // Kana, Greek, Cyrillic, box drawing, extension planes: what a mismatched table produces.
    else weight -= 0.5;
  }
  return { weight, chars };
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLatinLetter = (cp: number): boolean =>
  (cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7) ||
  [0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192].includes(cp);

/**
 * Western text has accented letters inside ASCII words ("Müller", "Société") and symbols next to
 * digits ("£12"); Chinese bytes read as Windows-1252 give long runs like "¿Í»§Ãû³Æ".
 */
function scoreWestern(text: string): Tally {
  let weight = 0;
  let chars = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && text.charCodeAt(end) >= 0x80) end++;
    const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const after = end < n ? text.charCodeAt(end) : 0x20;
    const run = end - i;
    for (let k = i; k < end; k++) {
      const cp = text.charCodeAt(k);
      chars++;
      const broken = brokenWeight(cp);
      if (broken !== null) weight += broken;
      else if (run >= 3) weight -= 1;
      else if (isLatinLetter(cp)) {
        const left = k === i ? before : text.charCodeAt(k - 1);
        const right = k === end - 1 ? after : text.charCodeAt(k + 1);
        if (isAsciiLetter(left) || isAsciiLetter(right)) weight += 1;
        // A lone letter such as French "à" between spaces.
        else if (run === 1) weight += 0;
        else weight -= 0.5;
      } else if (CURRENCY_SYMBOLS.has(cp)) {
        weight += isAsciiDigit(before) || isAsciiDigit(after) || run === 1 ? 1 : -0.5;
      } else if (WESTERN_SYMBOLS.has(cp)) weight += 0.5;
      else weight -= 0.5;
    }
    i = end;
  }
  return { weight, chars };
}

/** UTF-8 with a few damaged bytes: every correctly decoded multi-byte character counts. */
function scoreUtf8(text: string): Tally {
  let weight = 0;
  let chars = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    chars++;
    weight += brokenWeight(cp) ?? 1;
  }
  return { weight, chars };
}

type LegacyId = 'utf-8' | 'gb18030' | 'big5' | 'windows-1252';

const SCORERS: Record<LegacyId, (text: string) => Tally> = {
  'utf-8': scoreUtf8,
  gb18030: (text) => scoreChinese(text, SIMPLIFIED),
  big5: (text) => scoreChinese(text, TRADITIONAL),
  'windows-1252': scoreWestern,
};

interface Scored {
  encoding: LegacyId;
  /** Mean weight per non-ASCII character, -2..1. */
  mean: number;
  chars: number;
}

function scoreAll(sample: Uint8Array): Scored[] {
  const scored = (Object.keys(SCORERS) as LegacyId[]).map((encoding): Scored => {
    const text =
      encoding === 'windows-1252'
        ? decodeWindows1252(sample)
        : // stream: true keeps a character cut at the end of the sample from decoding as U+FFFD.
          new TextDecoder(encoding).decode(sample, { stream: true });
    const { weight, chars } = SCORERS[encoding](text);
    return { encoding, mean: chars === 0 ? 0 : weight / chars, chars };
  });
  // Stable sort: ties keep the order above (UTF-8 first).
  return scored.sort((a, b) => b.mean - a.mean);
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

// --- detection ------------------------------------------------------------------------------

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingId }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  // GB18030's own BOM (U+FEFF encoded in GB18030); rare, but unambiguous.
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const certain = (encoding: TextEncodingId, bomLength: number): EncodingGuess => ({
  encoding,
  bomLength,
  confidence: 1,
  candidates: [{ encoding, score: 1 }],
});

/** How many leading bytes the UTF-16 NUL-pattern check looks at. */
const UTF16_SNIFF_BYTES = 4096;

/**
 * UTF-16 without a BOM: ASCII characters put a NUL in every other byte (odd offsets for LE, even
 * for BE), and a CSV is full of ASCII delimiters, digits and line breaks. 8-bit text has no NUL.
 */
function detectBomlessUtf16(sample: Uint8Array): EncodingGuess | null {
  const n = Math.min(sample.length, UTF16_SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const le = oddNul / (n / 2);
  const be = evenNul / (n / 2);
  const [encoding, hit, miss]: [TextEncodingId, number, number] =
    le >= be ? ['utf-16le', le, be] : ['utf-16be', be, le];
  // One stray NUL in a few bytes of 8-bit text must not count as a pattern.
  if (hit < 0.2 || miss > 0.02 || Math.max(evenNul, oddNul) < 2) return null;
  const other: TextEncodingId = encoding === 'utf-16le' ? 'utf-16be' : 'utf-16le';
  return {
    encoding,
    bomLength: 0,
    confidence: round3(Math.min(0.95, 0.5 + hit)),
    candidates: [
      { encoding, score: round3(hit) },
      { encoding: other, score: round3(miss) },
    ],
  };
}

/** Valid UTF-8, except that a multi-byte sequence may be cut off by the end of the sample. */
function isValidUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true buffers an incomplete final sequence instead of reporting it.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Guesses the encoding of the first bytes (up to ~256 KB) of a text file. */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => sample[i] === b)) return certain(bom.encoding, bom.bytes.length);
  }
  const utf16 = detectBomlessUtf16(sample);
  if (utf16) return utf16;

  // Pure ASCII reads the same in every candidate, so UTF-8 is right by definition.
  if (!sample.some((b) => b >= 0x80)) return certain('utf-8', 0);

  const scored = scoreAll(sample);
  const legacyCandidates = scored.map((s) => ({
    encoding: s.encoding,
    score: round3(clamp01(s.mean)),
  }));

  if (isValidUtf8(sample)) {
    let multiByteLeads = 0;
    for (const b of sample) if (b >= 0xc2 && b <= 0xf4) multiByteLeads++;
    // GBK or Windows-1252 text that happens to be valid UTF-8 is possible for a word or two
    // (about one chance in ten per character), never for a whole file.
    return {
      encoding: 'utf-8',
      bomLength: 0,
      confidence: multiByteLeads >= 3 ? 0.99 : 0.9,
      candidates: [
        { encoding: 'utf-8', score: 1 },
        ...legacyCandidates.filter((c) => c.encoding !== 'utf-8'),
      ],
    };
  }

  const [best, second] = scored as [Scored, Scored, ...Scored[]];
  // Confidence = how far the winner is ahead, damped for samples with few non-ASCII characters.
  const lead = best.mean <= 0 ? 0 : (best.mean - Math.max(second.mean, 0)) / best.mean;
  const size = best.chars / (best.chars + 2);
  return {
    encoding: best.encoding,
    bomLength: 0,
    confidence: round3(clamp01(lead) * size),
    candidates: legacyCandidates,
  };
}
