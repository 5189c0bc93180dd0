// Messages of backup and restore (issue 8): the Settings card, the restore confirmation, the
// reminder banner and the repositories' refusals. Spread into the catalogs in ../en.ts,
// ../zh-CN.ts (and ../zh-TW.ts); the catalog test checks them.
export const backupEn = {
  'backup.title': 'Backups',
  'backup.text':
    'Everything is stored in this browser only. Save a backup file now and then, keep it somewhere safe (another disk, a network or cloud drive), and restore it here or on another computer.',
  'backup.lastBackup': 'Last backup of this workspace: {date} ({ago}).',
  'backup.never': 'This workspace has never been backed up.',
  'backup.thisWorkspace': 'Back up this workspace',
  'backup.allWorkspaces': 'Back up all workspaces ({count})',
  'backup.working': 'Making the backup…',
  'backup.saved': 'Backup saved as “{file}”.',
  'backup.failed': 'The backup could not be made: {message}',
  'backup.restore': 'Restore from a backup…',
  'backup.restoreHint':
    'Bring back workspaces saved with “Back up”, from this or another computer.',
  'backup.reading': 'Checking “{file}”…',
  'backup.fileSummary': '“{file}” was made on {date} by Keyplan {version}. It holds:',
  'backup.colWorkspace': 'Workspace',
  'backup.colAccounts': 'Accounts',
  'backup.colOrders': 'Orders',
  'backup.colPlans': 'Plans',
  'backup.colChoice': 'What to do',
  'backup.exists': 'A workspace with this name exists already.',
  'backup.choiceReplace': 'Replace it',
  'backup.choiceKeepBoth': 'Keep both (restored as “{name}”)',
  'backup.choiceRestore': 'Restore',
  'backup.choiceSkip': 'Leave out',
  'backup.restoredName': '{name} (restored)',
  'backup.restoredNameN': '{name} (restored {n})',
  'backup.chooseEach': 'Choose what to do with each workspace that exists already.',
  'backup.replaceWarning':
    'Replacing deletes the workspace “{name}” here, with everything in it, and puts the backup in its place.',
  'backup.nothingChosen': 'Nothing is chosen to restore.',
  'backup.confirm': 'Restore',
  'backup.restoring': 'Restoring…',
  'backup.restoreFailed': 'Nothing was restored: {message}',
  'backup.error.not_a_backup':
    '“{file}” is not a Keyplan backup. Choose a file made with “Back up” (its name ends in .keyplan). Nothing was changed.',
  'backup.error.truncated':
    '“{file}” is incomplete: it ends before the backup does, perhaps cut off while copying or downloading. Nothing was changed. Try another copy of the backup.',
  'backup.error.corrupt':
    '“{file}” is damaged: its contents do not match what was saved. Nothing was changed. Try another copy of the backup.',
  'backup.error.newer_version':
    '“{file}” was made by a newer Keyplan ({version}). Update Keyplan first, then restore it. Nothing was changed.',
  'backup.error.unreadable': '“{file}” could not be read: {message}',
  'backup.reminder':
    '“{name}” was last backed up {ago}. Its data lives in this browser only: save a backup file somewhere safe.',
  'backup.reminderNever':
    '“{name}” has never been backed up. Its data lives in this browser only: save a backup file somewhere safe.',
  'backup.reminderBackUp': 'Back up now',
  'backup.reminderLater': 'Remind me later',
  'welcome.restore': 'Restore from a backup',
  'welcome.restoreHint': 'Bring back workspaces saved with Keyplan, from this or another computer.',
  'dataError.workspace_missing': 'The workspace no longer exists.',
  'dataError.backup_import_running':
    'An import into “{name}” is still running. Back up once it has finished.',
  'dataError.backup_newer':
    'This backup was made by a newer Keyplan. Update Keyplan first, then restore it.',
  'dataError.backup_version':
    'This backup holds data of version {version}, which this Keyplan does not know.',
} as const;

export const backupZhCN: Record<keyof typeof backupEn, string> = {
  'backup.title': '备份',
  'backup.text':
    '所有数据只保存在此浏览器中。请不时保存一份备份文件，放在安全的地方（另一块磁盘、网络盘或云盘），需要时可在这里或另一台电脑上恢复。',
  'backup.lastBackup': '此工作区上次备份：{date}（{ago}）。',
  'backup.never': '此工作区从未备份。',
  'backup.thisWorkspace': '备份此工作区',
  'backup.allWorkspaces': '备份全部工作区（{count} 个）',
  'backup.working': '正在生成备份…',
  'backup.saved': '备份已保存为“{file}”。',
  'backup.failed': '无法生成备份：{message}',
  'backup.restore': '从备份恢复…',
  'backup.restoreHint': '恢复用“备份”保存的工作区，可来自本机或另一台电脑。',
  'backup.reading': '正在检查“{file}”…',
  'backup.fileSummary': '“{file}”由 Keyplan {version} 于 {date} 生成，包含：',
  'backup.colWorkspace': '工作区',
  'backup.colAccounts': '客户',
  'backup.colOrders': '订单',
  'backup.colPlans': '计划',
  'backup.colChoice': '处理方式',
  'backup.exists': '已有同名工作区。',
  'backup.choiceReplace': '替换现有工作区',
  'backup.choiceKeepBoth': '两者都保留（恢复为“{name}”）',
  'backup.choiceRestore': '恢复',
  'backup.choiceSkip': '不恢复',
  'backup.restoredName': '{name}（恢复）',
  'backup.restoredNameN': '{name}（恢复 {n}）',
  'backup.chooseEach': '请为每个已存在的同名工作区选择处理方式。',
  'backup.replaceWarning': '替换会删除这里的工作区“{name}”及其全部内容，并以备份取代。',
  'backup.nothingChosen': '没有选择要恢复的工作区。',
  'backup.confirm': '恢复',
  'backup.restoring': '正在恢复…',
  'backup.restoreFailed': '未恢复任何内容：{message}',
  'backup.error.not_a_backup':
    '“{file}”不是 Keyplan 备份。请选择用“备份”生成的文件（文件名以 .keyplan 结尾）。未做任何更改。',
  'backup.error.truncated':
    '“{file}”不完整：文件在备份结束前就断了，可能是复制或下载时被截断。未做任何更改。请换一份备份副本。',
  'backup.error.corrupt': '“{file}”已损坏：内容与保存时不一致。未做任何更改。请换一份备份副本。',
  'backup.error.newer_version':
    '“{file}”由较新版本的 Keyplan（{version}）生成。请先更新 Keyplan，再恢复此备份。未做任何更改。',
  'backup.error.unreadable': '无法读取“{file}”：{message}',
  'backup.reminder':
    '“{name}”上次备份是在{ago}。数据只保存在此浏览器中：请将备份文件保存到安全的地方。',
  'backup.reminderNever':
    '“{name}”从未备份。数据只保存在此浏览器中：请将备份文件保存到安全的地方。',
  'backup.reminderBackUp': '立即备份',
  'backup.reminderLater': '稍后提醒',
  'welcome.restore': '从备份恢复',
  'welcome.restoreHint': '恢复用 Keyplan 保存的工作区，可来自本机或另一台电脑。',
  'dataError.workspace_missing': '该工作区已不存在。',
  'dataError.backup_import_running': '“{name}”的导入仍在进行中。请在导入完成后再备份。',
  'dataError.backup_newer': '此备份由较新版本的 Keyplan 生成。请先更新 Keyplan，再恢复此备份。',
  'dataError.backup_version': '此备份中的数据版本为 {version}，此版本的 Keyplan 无法识别。',
};

export const backupZhTW: Record<keyof typeof backupEn, string> = {
  'backup.title': '備份',
  'backup.text':
    '所有資料只儲存在此瀏覽器中。請不時儲存一份備份檔案，放在安全的地方（另一顆磁碟、網路磁碟或雲端硬碟），需要時可在這裡或另一台電腦上還原。',
  'backup.lastBackup': '此工作區上次備份：{date}（{ago}）。',
  'backup.never': '此工作區從未備份。',
  'backup.thisWorkspace': '備份此工作區',
  'backup.allWorkspaces': '備份全部工作區（{count} 個）',
  'backup.working': '正在產生備份…',
  'backup.saved': '備份已儲存為「{file}」。',
  'backup.failed': '無法產生備份：{message}',
  'backup.restore': '從備份還原…',
  'backup.restoreHint': '還原以「備份」儲存的工作區，可來自本機或另一台電腦。',
  'backup.reading': '正在檢查「{file}」…',
  'backup.fileSummary': '「{file}」由 Keyplan {version} 於 {date} 產生，內容包括：',
  'backup.colWorkspace': '工作區',
  'backup.colAccounts': '客戶',
  'backup.colOrders': '訂單',
  'backup.colPlans': '計畫',
  'backup.colChoice': '處理方式',
  'backup.exists': '已有同名工作區。',
  'backup.choiceReplace': '取代現有工作區',
  'backup.choiceKeepBoth': '兩者都保留（還原為「{name}」）',
  'backup.choiceRestore': '還原',
  'backup.choiceSkip': '不還原',
  'backup.restoredName': '{name}（還原）',
  'backup.restoredNameN': '{name}（還原 {n}）',
  'backup.chooseEach': '請為每個已存在的同名工作區選擇處理方式。',
  'backup.replaceWarning': '取代會刪除這裡的工作區「{name}」及其全部內容，並以備份取代。',
  'backup.nothingChosen': '沒有選擇要還原的工作區。',
  'backup.confirm': '還原',
  'backup.restoring': '正在還原…',
  'backup.restoreFailed': '未還原任何內容：{message}',
  'backup.error.not_a_backup':
    '「{file}」不是 Keyplan 備份。請選擇以「備份」產生的檔案（檔名以 .keyplan 結尾）。未做任何變更。',
  'backup.error.truncated':
    '「{file}」不完整：檔案在備份結束前就中斷了，可能是複製或下載時被截斷。未做任何變更。請換一份備份副本。',
  'backup.error.corrupt': '「{file}」已損毀：內容與儲存時不一致。未做任何變更。請換一份備份副本。',
  'backup.error.newer_version':
    '「{file}」由較新版本的 Keyplan（{version}）產生。請先更新 Keyplan，再還原此備份。未做任何變更。',
  'backup.error.unreadable': '無法讀取「{file}」：{message}',
  'backup.reminder':
    '「{name}」上次備份是在{ago}。資料只儲存在此瀏覽器中：請將備份檔案儲存到安全的地方。',
  'backup.reminderNever':
    '「{name}」從未備份。資料只儲存在此瀏覽器中：請將備份檔案儲存到安全的地方。',
  'backup.reminderBackUp': '立即備份',
  'backup.reminderLater': '稍後提醒',
  'welcome.restore': '從備份還原',
  'welcome.restoreHint': '還原以 Keyplan 儲存的工作區，可來自本機或另一台電腦。',
  'dataError.workspace_missing': '該工作區已不存在。',
  'dataError.backup_import_running': '「{name}」的匯入仍在進行中。請在匯入完成後再備份。',
  'dataError.backup_newer': '此備份由較新版本的 Keyplan 產生。請先更新 Keyplan，再還原此備份。',
  'dataError.backup_version': '此備份中的資料版本為 {version}，此版本的 Keyplan 無法辨識。',
};
