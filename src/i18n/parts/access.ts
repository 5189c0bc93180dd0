// Messages of keyboard and screen-reader access (issue 8). Spread into the catalogs in ../en.ts,
// ../zh-CN.ts and ../zh-TW.ts; the catalog test checks them.
export const accessEn = {
  'access.skipToContent': 'Skip to content',
} as const;

export const accessZhCN: Record<keyof typeof accessEn, string> = {
  'access.skipToContent': '跳到主要内容',
};

export const accessZhTW: Record<keyof typeof accessEn, string> = {
  'access.skipToContent': '跳到主要內容',
};
