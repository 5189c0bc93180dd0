// Messages of durability (issue 8): persistent storage, usage and quota, another tab upgrading the
// database. Spread into the catalogs in ../en.ts and ../zh-CN.ts; the catalog test checks them.
export const durabilityEn = {
  'storage.persistent': 'Storage is persistent: the browser keeps this data until you delete it.',
  'storage.notPersistent':
    'Storage is not persistent: the browser may delete this data when the disk runs low.',
  'storage.persistUnknown': 'This browser cannot tell whether the data is kept for good.',
  'storage.askPersist': 'Ask to keep data',
  'storage.persistRefused':
    'The browser did not grant persistent storage. Bookmarking or installing Keyplan, or allowing it in the site settings, can help.',
  'storage.usage': '{usage} of {quota} used',
  'storage.usageUnknown': 'This browser does not report how much space is used.',
  'storage.unsupported':
    'This browser does not offer the storage manager, so persistence and space used cannot be shown.',
  'storage.failed': 'Could not read the storage state: {message}',
  'storage.refresh': 'Refresh',
  'dbEvents.upgraded': 'Keyplan was updated in another tab — reload this tab to go on.',
  'dbEvents.blocked':
    'A newer Keyplan is waiting for an older Keyplan tab: close or reload the other Keyplan tab.',
  'dbEvents.reload': 'Reload',
} as const;

export const durabilityZhCN: Record<keyof typeof durabilityEn, string> = {
  'storage.persistent': '存储为持久存储：浏览器会一直保留这些数据，直到您删除它们。',
  'storage.notPersistent': '存储不是持久存储：磁盘空间不足时，浏览器可能删除这些数据。',
  'storage.persistUnknown': '此浏览器无法告知数据是否会被长期保留。',
  'storage.askPersist': '申请保留数据',
  'storage.persistRefused':
    '浏览器未授予持久存储。将 Keyplan 加入书签、安装为应用或在网站设置中允许，可能会有帮助。',
  'storage.usage': '已使用 {usage}，共 {quota}',
  'storage.usageUnknown': '此浏览器不报告已使用的空间。',
  'storage.unsupported': '此浏览器不提供存储管理器，因此无法显示持久存储状态和已用空间。',
  'storage.failed': '无法读取存储状态：{message}',
  'storage.refresh': '刷新',
  'dbEvents.upgraded': 'Keyplan 已在另一个标签页中更新——请重新加载此标签页以继续。',
  'dbEvents.blocked':
    '新版 Keyplan 正在等待旧的 Keyplan 标签页：请关闭或重新加载另一个 Keyplan 标签页。',
  'dbEvents.reload': '重新加载',
};
