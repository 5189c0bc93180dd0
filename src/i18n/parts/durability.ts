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
  'storage.full':
    'Storage for Keyplan in this browser is full, so this change was not saved — your data is as it was. Free up disk space, or delete a workspace or an import you no longer need (back up what you want to keep first), then try again.',
  'import.error.storage_full':
    '{file} was not imported: storage for Keyplan in this browser is full. None of it was kept — your data is as it was before. Free up disk space, or delete a workspace or an import you no longer need (back up what you want to keep first), then try again.',
  'import.error.rollback_pending':
    'Saving {file} stopped because storage for Keyplan in this browser is full, and what was written so far could not be taken back yet. Free up disk space, or delete a workspace you no longer need, then reload Keyplan: it finishes taking the import back when it starts.',
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
  'storage.full':
    '此浏览器中 Keyplan 的存储空间已满：此次修改未保存，数据保持原样。请释放磁盘空间，或删除不再需要的工作区或导入（请先备份要保留的数据），然后重试。',
  'import.error.storage_full':
    '未导入 {file}：此浏览器中 Keyplan 的存储空间已满。文件中的数据均未保留，数据与导入前相同。请释放磁盘空间，或删除不再需要的工作区或导入（请先备份要保留的数据），然后重试。',
  'import.error.rollback_pending':
    '此浏览器中 Keyplan 的存储空间已满，保存 {file} 已中止，已写入的部分暂时无法撤回。请释放磁盘空间或删除不再需要的工作区，然后重新加载 Keyplan：启动时会完成撤回此次导入。',
};

// 繁體中文（台灣）
export const durabilityZhTW: Record<keyof typeof durabilityEn, string> = {
  'storage.persistent': '儲存為持久儲存：瀏覽器會一直保留這些資料，直到您刪除它們。',
  'storage.notPersistent': '儲存不是持久儲存：磁碟空間不足時，瀏覽器可能刪除這些資料。',
  'storage.persistUnknown': '此瀏覽器無法告知資料是否會被長期保留。',
  'storage.askPersist': '申請保留資料',
  'storage.persistRefused':
    '瀏覽器未授予持久儲存。將 Keyplan 加入書籤、安裝為應用程式或在網站設定中允許，可能會有幫助。',
  'storage.usage': '已使用 {usage}，共 {quota}',
  'storage.usageUnknown': '此瀏覽器不報告已使用的空間。',
  'storage.unsupported': '此瀏覽器不提供儲存管理器，因此無法顯示持久儲存狀態和已用空間。',
  'storage.failed': '無法讀取儲存狀態：{message}',
  'storage.refresh': '重新整理',
  'dbEvents.upgraded': 'Keyplan 已在另一個分頁中更新——請重新載入此分頁以繼續。',
  'dbEvents.blocked':
    '新版 Keyplan 正在等待舊的 Keyplan 分頁：請關閉或重新載入另一個 Keyplan 分頁。',
  'dbEvents.reload': '重新載入',
  'storage.full':
    '此瀏覽器中 Keyplan 的儲存空間已滿：此次修改未儲存，資料保持原樣。請釋放磁碟空間，或刪除不再需要的工作區或匯入（請先備份要保留的資料），然後重試。',
  'import.error.storage_full':
    '未匯入 {file}：此瀏覽器中 Keyplan 的儲存空間已滿。檔案中的資料均未保留，資料與匯入前相同。請釋放磁碟空間，或刪除不再需要的工作區或匯入（請先備份要保留的資料），然後重試。',
  'import.error.rollback_pending':
    '此瀏覽器中 Keyplan 的儲存空間已滿，儲存 {file} 已中止，已寫入的部分暫時無法撤回。請釋放磁碟空間或刪除不再需要的工作區，然後重新載入 Keyplan：啟動時會完成撤回此次匯入。',
};
