// Messages of the installable app (issue 8): a new version waiting for the user's go-ahead.
// Spread into the catalogs in ../en.ts and ../zh-CN.ts; the catalog test checks them.
export const offlineEn = {
  'appUpdate.ready': 'A new version of Keyplan is ready.',
  'appUpdate.activeElsewhere':
    'A new version of Keyplan was started in another tab — reload this tab to use it.',
  'appUpdate.waitingForImport':
    'A new version of Keyplan is ready: reloading once the import is done…',
  'appUpdate.reload': 'Reload',
  'appUpdate.later': 'Later',
} as const;

export const offlineZhCN: Record<keyof typeof offlineEn, string> = {
  'appUpdate.ready': 'Keyplan 新版本已就绪。',
  'appUpdate.activeElsewhere': '已在另一个标签页中启用 Keyplan 新版本——请重新加载此标签页以使用。',
  'appUpdate.waitingForImport': 'Keyplan 新版本已就绪：导入完成后将重新加载……',
  'appUpdate.reload': '重新加载',
  'appUpdate.later': '稍后',
};

export const offlineZhTW: Record<keyof typeof offlineEn, string> = {
  'appUpdate.ready': 'Keyplan 新版本已就緒。',
  'appUpdate.activeElsewhere': '已在另一個分頁中啟用 Keyplan 新版本——請重新載入此分頁以使用。',
  'appUpdate.waitingForImport': 'Keyplan 新版本已就緒：匯入完成後將重新載入……',
  'appUpdate.reload': '重新載入',
  'appUpdate.later': '稍後',
};
