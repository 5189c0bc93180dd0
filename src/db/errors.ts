// Errors the repositories refuse a change with, by code, so the screens can say why in the
// user's language (the message stays English for logs and tests).
export type DataErrorCode =
  | 'merge_self'
  | 'merge_missing'
  | 'merge_plan_conflict'
  | 'key_taken'
  | 'account_missing'
  | 'contact_missing'
  | 'reports_to_self'
  | 'reports_to_other'
  | 'reports_to_cycle'
  | 'plan_missing'
  | 'plan_closed'
  | 'plan_transition'
  | 'plan_exists'
  | 'action_missing'
  | 'template_missing'
  | 'workspace_missing'
  | 'backup_import_running'
  | 'import_running'
  | 'backup_newer'
  | 'backup_version';

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    readonly params: Record<string, string | number> = {},
    message: string = code,
  ) {
    super(message);
    // Not 'DataError': Dexie takes errors by that name for IndexedDB's own and rewraps them.
    this.name = 'KeyplanDataError';
  }
}
