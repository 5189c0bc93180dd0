#!/usr/bin/env node
// Drafts the 繁體中文 (Taiwan) messages from the 简体中文 ones, so new strings are converted the same
// way every time: OpenCC cn → twp (Taiwan characters and phrases), then Keyplan's own word list
// (TAIWAN_TERMS: Taiwan usage OpenCC does not know, or gets wrong for this app) and whole-message
// overrides (OVERRIDES: rows are 列 and columns 欄 in Taiwan, where 简体 has 行 and 列).
//
//   node scripts/zh-tw-catalog.mjs          for every src/i18n/parts/*.ts and src/i18n/zh-CN.ts:
//                                           add the missing <name>ZhTW block (or zh-TW.ts), add keys
//                                           a ZhTW block lacks, import and spread new parts in zh-TW.ts
//   node scripts/zh-tw-catalog.mjs --print  print what it would add; change nothing
//
// Text already in a ZhTW block is never rewritten: it has been reviewed by hand. Review what this
// adds too, then run prettier on the changed files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

/** Applied after OpenCC, longest match first. Keep entries to whole words. */
/** @type {[string, string][]} */
export const TAIWAN_TERMS = [
  // Quotation marks: Taiwan writes 「」 and 『』.
  ['“', '「'],
  ['”', '」'],
  ['‘', '『'],
  ['’', '』'],
  // OpenCC gets these wrong in this app's sentences.
  ['併為', '並為'], // 并为 "and for" is 並為, not 併 (merge)
  ['二進位制', '二進位'],
  ['型別', '類型'], // a programming type; here it is the kind of a field, file or note
  ['物件', '對象'], // 汇报对象 is the person one reports to, not an object
  ['迴圈', '循環'], // a reporting cycle, not a program loop
  ['專案', '項目'], // an item of the health score, not a project
  ['稽核', '審核'], // a plan is reviewed, not audited
  ['賬', '帳'],
  ['臺', '台'],
  ['後臺', '背景'], // a background thread
  // Taiwan software and business words.
  ['計劃', '計畫'],
  ['模板', '範本'],
  ['自定義', '自訂'],
  ['自定', '自訂'],
  ['撤銷', '復原'],
  ['標籤頁', '分頁'],
  ['單元格', '儲存格'],
  ['拖動', '拖曳'],
  ['拖入', '拖曳'],
  ['佈局', '版面配置'],
  ['通過', '透過'],
  ['文本', '文字'],
  ['列表', '清單'],
  ['質量', '品質'],
  ['增長', '成長'],
  ['同比成長', '年成長'],
  ['跟蹤', '追蹤'],
  ['填充', '填滿'],
  ['當前', '目前'],
  ['郵箱', '電子郵件'],
  ['復盤', '檢討'],
  ['應用', '套用'],
  ['安裝為應用', '安裝為應用程式'],
  ['每季度', '每季'],
  ['第二季度', '第二季'],
  ['戰略', '策略'],
  ['組織結構', '組織架構'],
  ['投訴', '客訴'],
  ['時間線', '時間軸'],
  ['新建', '新增'],
  ['表頭行', '標題列'],
  ['表頭', '標題列'],
  ['演示', '範例'],
  ['生成', '產生'],
  ['製表符', '定位字元'],
  ['分隔符', '分隔符號'],
  ['序列號', '序列值'],
  ['訂單號', '訂單編號'],
  ['訂單行', '訂單明細'],
  ['客戶編碼', '客戶編號'],
  ['行業', '產業'],
  ['職位', '職稱'],
  ['職務', '職稱'],
  ['帕累托', '帕雷托'],
  ['洛倫茲', '勞倫茲'],
  ['基尼', '吉尼'],
  ['出錯了', '發生錯誤'],
  ['導航', '導覽'],
  ['批准', '核准'],
  ['發送', '傳送'],
  ['選中', '選取'],
  ['清除選擇', '清除選取'],
  ['突出顯示', '醒目顯示'],
  ['時間段', '期間'],
  ['匹配', '符合'],
  ['閾值', '門檻值'],
  ['rfm 包', 'rfm 套件'],
  ['網店', '網路商店'],
  ['財年', '會計年度'],
  ['貨幣', '幣別'],
  ['識別', '辨識'],
  ['自動識別', '自動偵測'],
  ['（可選）', '（選填）'],
];

/** Whole messages where a word list cannot do it (rows and columns, senses OpenCC mixes up). */
/** @type {Record<string, string>} */
export const OVERRIDES = {
  // 简体 行 (row) / 列 (column) are 列 / 欄 in Taiwan; a line of a text file stays 行.
  'grid.columns': '顯示欄',
  'grid.columnsHelp': '拖曳欄標題可移動欄，拖曳邊緣可調整寬度。儲存檢視即可保留版面配置。',
  'grid.problem': '第 {row} 列，「{column}」欄：「{value}」——{reason}',
  'grid.pasteClipped': '已貼上。超出表格邊緣的 {rows} 列和 {columns} 欄未貼上。',
  'grid.error.not_choice': '不是此欄的可選值',
  'grid.error.read_only': '此欄由訂單計算，不能填寫',
  'undo.fill': '向下填滿{column}（{n} 列）',
  'fields.help': '為每個客戶新增自己的欄位。隨工作區儲存，隨客戶一同匯出，並可由客戶匯入讀回。',
  'views.all': '全部欄位（預設檢視）',
  'portfolio.import.at': '第 {row} 行，{column} 欄：{reason}',
  'portfolio.import.reason.unexpected_row': '單一欄位不能填寫列號 {detail}',
  'portfolio.import.reason.missing_row': '表格的每一列都需要填寫 row',
  'portfolio.import.reason.bad_reference': '引用了不存在的列 {detail}',
  'tiers.blocked': '未儲存：請先修正標出的列。',
  'tiers.error.bad_id': '第 {n} 列的編號不合規。',
  'tiers.error.duplicate_id': '第 {n} 列的編號與上面的列重複。',
  'tiers.error.missing_name': '第 {n} 列：請填寫等級名稱。',
  'tiers.error.long_name': '第 {n} 列：名稱超過 {max} 個字元。',
  'tiers.error.bad_visits': '第 {n} 列（{tier}）：年拜訪次數須為 0 到 {max} 之間的整數。',
  'tiers.error.bad_flag': '第 {n} 列（{tier}）：高層對接和優先供貨只能為是或否。',
  'tiers.error.bad_cadence': '第 {n} 列（{tier}）：請選擇檢討週期。',
  'capacity.intro': '每位大客戶經理每年能完成的拜訪次數。客戶中出現的每位負責人各佔一列。',
  'capacity.blocked': '未儲存：請先修正標出的列。',
  'import.previewRows': '前 {n} 列',
  'import.mapping': '欄位對應',
  'import.mappingHint': '請核對每一欄的含義，以及數字和日期的寫法。下方預覽顯示每一列將如何讀取。',
  'import.run': '匯入 {n} 列',
  'import.summary.rowsRead': '讀取列數',
  'import.summary.rowsImported': '匯入列數',
  'import.summary.rowsRejected': '拒絕列數',
  'import.summary.rowsValid': '可匯入列數',
  'import.summary.totals': '已排除的合計列',
  'import.rejects.title': '被拒絕的列',
  'import.rejects.download': '下載被拒絕的列（CSV）',
  'import.rejects.line': '列',
  'import.rejects.column': '欄',
  'import.reject.column_count': '欄數不對',
  'import.error.header_only': '{file} 只有標題列，沒有資料列。',
  'import.error.nothing_valid': '{file} 中沒有可匯入的列；未儲存任何資料。',
  'import.history.rows': '列數',
  'import.remembered': '已依您上次對相同標題列的檔案所做的確認設定各欄。',
  'import.noHeader': '沒有標題列（依欄號對應）',
  'import.keepCustom': '其餘欄保留為自訂欄位',
  'import.error.missing_fields': '請選擇以下欄位對應的欄：{detail}。',
  'import.progress': '{rows} 列 · {pct}',
  'import.pasteHint': '在 Excel 中複製儲存格（包括標題列），貼上到這裡。',
  'import.check': '檢查全部列',
  'import.skipDuplicates': '跳過訂單編號已匯入過的 {n} 列',
  'import.back': '返回欄位設定',
  'import.undoConfirm': '復原 {file} 的匯入？將刪除其 {rows} 列以及僅由它建立的客戶。',
  'analysis.compare.migration': '分群遷移（列：對比期，欄：現在）',
  'analysis.scoring.noCost': '依毛利分析需要匯入的訂單中有成本欄。',
  // Senses.
  'profile.attitude.supporter': '支持', // an attitude, not technical support (支援)
  'antiChurn.ka_managers': '設置大客戶經理', // appoint (設置), not configure (設定)
  'tiers.suggestRule':
    '根據 ABC 分類和 RFM 分群給出建議：A 類且為{strategicSegments} → {strategic}；其他 A 類 → {key}；B 類且為{growthSegments} → {growth}；其他 B 類及全部 C 類 → {maintain}；分析期內無訂單 → 不建議。若建議的等級已被刪除，則建議清單中的最後一級。建議不會改變您選定的等級。',
  'analysis.compare.title': '動態辨識：較對比期新進、退出與遷移',
  'profile.error.website': '網站須為類似 www.example.com 的網址。',
  'field.line': '關係線（業務 / 技術 / 管理）',
  'col.churnTitle': '依其自身採購節奏已逾期，或收入較去年同期下滑',
  'analysis.candidates.hint':
    '根據 ABC 分類、RFM 分群和年成長計算。方法建議先重點發展 5–8 個目標大客戶。您自己標記的大客戶會顯示出來，但建議不會改動它們。',
  'plan.fin.growth': '年成長率',
  'planEd.visits.quarter': '第{q}季',
  'analysis.rules.blocked': '請先修正以紅色標示的規則，再套用。',
  'analysis.rules.othersRow': '{others}（沒有符合的規則）',
  'analysis.rules.allMatched': '全部 {total} 個得分組合都有符合的規則。',
  'import.pastedName': '從 Excel 貼上.tsv',
};

const { from, to } = OpenCC.Locale;
if (!from.cn || !to.twp) throw new Error('opencc-js has no cn → twp dictionaries');
const toTaiwan = OpenCC.ConverterFactory(from.cn, to.twp, [TAIWAN_TERMS]);

/** Converts the contents of every string literal on a line; keys are ASCII and stay as they are.
 * @param {string} line */
const convertLine = (line) =>
  line.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (literal) => toTaiwan(literal));

/** @param {string} text */
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `key → lines of its entry` in an object literal body, in order; comments and spreads skipped.
 * @param {string} body */
function entries(body) {
  /** @type {Map<string, string[]>} */
  const result = new Map();
  /** @type {string[] | null} */
  let entry = null;
  for (const line of body.split('\n')) {
    const start = /^ {2}'([^']+)':/.exec(line);
    if (start?.[1]) result.set(start[1], (entry = [line]));
    else if (entry && /^ {4}\S/.test(line)) entry.push(line);
    else entry = null;
  }
  return result;
}

/** @param {string} key @param {string[]} lines */
function convertEntry(key, lines) {
  const override = OVERRIDES[key];
  if (override !== undefined) return `  '${key}': ${quote(override)},`;
  return lines.map(convertLine).join('\n');
}

/** The body (between `{` and `};`) of `export const NAME… = {`, or null.
 * @param {string} source @param {string} name */
function block(source, name) {
  const start = new RegExp(`^export const ${name}\\b[^\\n]*= \\{\\n`, 'm').exec(source);
  if (!start) return null;
  const from = start.index + start[0].length;
  const to = source.indexOf('\n};', from - 1);
  return { from, to, body: source.slice(from, to) };
}

/** @param {string} source @param {string} name @param {string} path */
function mustBlock(source, name, path) {
  const found = block(source, name);
  if (!found) throw new Error(`${path}: no \`export const ${name}\``);
  return found;
}

const root = fileURLToPath(new URL('../src/i18n/', import.meta.url));
const printOnly = process.argv.includes('--print');
/** @type {Set<string>} */
const changed = new Set();

/** @param {string} path @param {string} text @param {string} what */
function save(path, text, what) {
  console.log(`${printOnly ? 'would change' : 'changed'} ${path}: ${what}`);
  if (!printOnly) writeFileSync(path, text);
  changed.add(path);
}

/** Adds the 简体 entries a ZhTW block lacks; returns the new source.
 * @param {string} twSource @param {string} twName @param {string} cnBody @param {string} path */
function addMissing(twSource, twName, cnBody, path) {
  const tw = mustBlock(twSource, twName, path);
  const have = entries(tw.body);
  const cn = entries(cnBody);
  const stale = [...have.keys()].filter((key) => !cn.has(key));
  if (stale.length) console.log(`${path}: ${twName} has keys 简体 lacks: ${stale.join(', ')}`);
  const missing = [...cn].filter(([key]) => !have.has(key));
  if (!missing.length) return twSource;
  const added = missing.map(([key, lines]) => convertEntry(key, lines));
  if (printOnly) console.log(added.join('\n'));
  const updated = `${twSource.slice(0, tw.to)}\n${added.join('\n')}${twSource.slice(tw.to)}`;
  save(path, updated, `${missing.length} keys`);
  return updated;
}

const parts = readdirSync(`${root}parts`)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

for (const part of parts) {
  const path = `${root}parts/${part}.ts`;
  const source = readFileSync(path, 'utf8');
  const cn = block(source, `${part}ZhCN`);
  if (!cn) continue;
  if (block(source, `${part}ZhTW`)) {
    addMissing(source, `${part}ZhTW`, cn.body, path);
    continue;
  }
  const body = [...entries(cn.body)].map(([key, lines]) => convertEntry(key, lines)).join('\n');
  const header = `export const ${part}ZhTW: Record<keyof typeof ${part}En, string> = {`;
  save(path, `${source.trimEnd()}\n\n// 繁體中文（台灣）\n${header}\n${body}\n};\n`, 'ZhTW block');
}

const cnPath = `${root}zh-CN.ts`;
const twPath = `${root}zh-TW.ts`;
const cnSource = readFileSync(cnPath, 'utf8');
const cnCatalog = mustBlock(cnSource, 'zhCN', cnPath);
if (!existsSync(twPath)) {
  const head = cnSource
    .slice(0, cnCatalog.from)
    .replace(/^\/\/ 简体中文.*\n/m, '')
    .replace(/ZhCN\b/g, 'ZhTW')
    .replace(
      /\nexport const zhCN/,
      '\n// 繁體中文（台灣）. Drafted from zh-CN.ts by scripts/zh-tw-catalog.mjs, then reviewed by hand.\nexport const zhTW',
    );
  const lines = cnCatalog.body.split('\n');
  const cn = entries(cnCatalog.body);
  // Entries are converted; spreads are renamed and comments copied.
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const key = /^ {2}'([^']+)':/.exec(line)?.[1] ?? '';
    const entry = cn.get(key);
    if (entry) {
      out.push(convertEntry(key, entry));
      i += entry.length - 1;
    } else out.push(line.replace(/^( {2}\.\.\.\w+)ZhCN,$/, '$1ZhTW,'));
  }
  save(twPath, `${head}${out.join('\n')}${cnSource.slice(cnCatalog.to)}`, 'new catalog');
} else {
  let twSource = readFileSync(twPath, 'utf8');
  // Parts whose ZhTW block is not spread into zh-TW.ts yet.
  for (const part of parts) {
    const exported = readFileSync(`${root}parts/${part}.ts`, 'utf8').includes(`${part}ZhTW`);
    if (!exported || twSource.includes(`${part}ZhTW`)) continue;
    const lastPartImport = /(import [^\n]*'\.\/parts\/[^\n]*\n)(?!import [^\n]*'\.\/parts\/)/;
    twSource = twSource
      .replace(lastPartImport, `$1import { ${part}ZhTW } from './parts/${part}';\n`)
      .replace(/(export const zhTW[^\n]*\n)/, `$1  ...${part}ZhTW,\n`);
    save(twPath, twSource, `spread ${part}ZhTW`);
  }
  addMissing(twSource, 'zhTW', cnCatalog.body, twPath);
}

if (!changed.size) console.log('zh-TW is up to date with zh-CN.');
else if (!printOnly)
  console.log(`\nnow review them, then: npx prettier --write ${[...changed].join(' ')}`);
