// The backup file (issue 8): one file holding one or more workspaces.
//
//   KEYPLAN-BACKUP\n                         magic line: tells a backup from any other file
//   {"format":"keyplan-backup",…}\n          header: one line of JSON (BackupHeader)
//   <payload>                                the dump (db/backup) as JSON, gzip-compressed
//
// The header can be read without unpacking the payload (what is in the file, which versions made
// it); payloadBytes and the SHA-256 of the payload tell a cut-off or damaged file from a good one
// before anything is unpacked. gzip comes from fflate: synchronous and the same in the browser and
// in Node (the tests), and no blob: worker, which the app's CSP forbids.
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { version as APP_VERSION } from '../../package.json';
import { CURRENT_SCHEMA_VERSION, dumpSummary, isBackupDump, type BackupDump } from '../db/backup';
import { sha256Hex } from './sha256';

export const BACKUP_MAGIC = 'KEYPLAN-BACKUP\n';
export const BACKUP_FORMAT = 'keyplan-backup';
/** Bumped when the file layout changes in a way older readers cannot follow. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.keyplan';
/** A header longer than this is not one of ours (it lists workspace names and counts only). */
const MAX_HEADER_BYTES = 1 << 20;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Database schema version of the dump (db.ts). */
  schemaVersion: number;
  /** The Keyplan release that made the file. */
  appVersion: string;
  createdAt: string;
  workspaces: { name: string; accounts: number; orders: number; plans: number }[];
  /** Length of the compressed payload. */
  payloadBytes: number;
  /** SHA-256 of the compressed payload, hex. */
  sha256: string;
}

export type BackupReadFailure = 'not_a_backup' | 'truncated' | 'corrupt' | 'newer_version';

export type BackupReadResult =
  | { ok: true; header: BackupHeader; dump: BackupDump }
  | {
      ok: false;
      reason: BackupReadFailure;
      /** For newer_version: the release that made the file, when the header says. */
      appVersion?: string;
    };

const MAGIC_BYTES = strToU8(BACKUP_MAGIC);
const NEWLINE = 0x0a;

/** The whole backup file for a dump. */
export async function writeBackup(dump: BackupDump, appVersion = APP_VERSION): Promise<Uint8Array> {
  // mtime 0: the same dump always gives the same bytes.
  const payload = gzipSync(strToU8(JSON.stringify(dump)), { level: 6, mtime: 0 });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: dump.schemaVersion,
    appVersion,
    createdAt: dump.createdAt,
    workspaces: dumpSummary(dump),
    payloadBytes: payload.length,
    sha256: await sha256Hex(payload),
  };
  const head = strToU8(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`);
  const file = new Uint8Array(head.length + payload.length);
  file.set(head);
  file.set(payload, head.length);
  return file;
}

const isHeader = (x: unknown): x is BackupHeader => {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  return (
    h.format === BACKUP_FORMAT &&
    Number.isInteger(h.formatVersion) &&
    Number.isInteger(h.schemaVersion) &&
    typeof h.appVersion === 'string' &&
    typeof h.createdAt === 'string' &&
    Array.isArray(h.workspaces) &&
    Number.isInteger(h.payloadBytes) &&
    typeof h.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(h.sha256)
  );
};

/**
 * Reads a backup file, checking it all the way before anything is restored:
 * - not_a_backup: it does not start with the magic line (a CSV, an image, an empty file);
 * - truncated: it ends before the header or the payload does (a copy cut off);
 * - corrupt: full length but the header, checksum, compression or JSON is damaged;
 * - newer_version: made by a newer Keyplan (file format or database schema above this build's).
 */
export async function readBackup(
  bytes: Uint8Array,
  ours: { formatVersion: number; schemaVersion: number } = {
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
  },
): Promise<BackupReadResult> {
  const fail = (reason: BackupReadFailure, appVersion?: string): BackupReadResult =>
    appVersion === undefined ? { ok: false, reason } : { ok: false, reason, appVersion };

  if (bytes.length === 0) return fail('not_a_backup');
  const magicLength = Math.min(bytes.length, MAGIC_BYTES.length);
  for (let i = 0; i < magicLength; i++) {
    if (bytes[i] !== MAGIC_BYTES[i]) return fail('not_a_backup');
  }
  if (bytes.length < MAGIC_BYTES.length) return fail('truncated');

  const searchEnd = Math.min(bytes.length, MAGIC_BYTES.length + MAX_HEADER_BYTES);
  const headerEnd = bytes.subarray(MAGIC_BYTES.length, searchEnd).indexOf(NEWLINE);
  if (headerEnd < 0) return fail(searchEnd === bytes.length ? 'truncated' : 'corrupt');
  const payloadStart = MAGIC_BYTES.length + headerEnd + 1;

  let header: unknown;
  try {
    header = JSON.parse(strFromU8(bytes.subarray(MAGIC_BYTES.length, payloadStart - 1)));
  } catch {
    return fail('corrupt');
  }
  if (!isHeader(header)) return fail('corrupt');
  // Before anything else: a newer layout may not even have the payload where this build looks.
  if (header.formatVersion > ours.formatVersion || header.schemaVersion > ours.schemaVersion) {
    return fail('newer_version', header.appVersion);
  }

  const payload = bytes.subarray(payloadStart);
  if (payload.length < header.payloadBytes) return fail('truncated');
  if (payload.length > header.payloadBytes) return fail('corrupt');
  if ((await sha256Hex(payload)) !== header.sha256) return fail('corrupt');

  let dump: unknown;
  try {
    dump = JSON.parse(strFromU8(gunzipSync(payload)));
  } catch {
    return fail('corrupt');
  }
  if (!isBackupDump(dump)) return fail('corrupt');
  // The header is not under the checksum: it must tell what the payload holds.
  const { schemaVersion, createdAt, workspaces } = header;
  const told = JSON.stringify({ schemaVersion, createdAt, workspaces });
  const summary = { schemaVersion: dump.schemaVersion, createdAt: dump.createdAt };
  if (told !== JSON.stringify({ ...summary, workspaces: dumpSummary(dump) }))
    return fail('corrupt');
  return { ok: true, header, dump };
}

/** Characters no file system takes in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * `Keyplan backup 2026-12-02.keyplan`, or with the workspace's name when the file holds one
 * workspace: `Keyplan backup - Demo 2026-12-02.keyplan`. The date is the local day.
 */
export function backupFileName(createdAt: string, workspaceName?: string): string {
  const d = new Date(createdAt);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  const name = workspaceName?.replace(UNSAFE_IN_FILE_NAME, '_').trim().slice(0, 60).trim();
  return name
    ? `Keyplan backup - ${name} ${day}${BACKUP_EXTENSION}`
    : `Keyplan backup ${day}${BACKUP_EXTENSION}`;
}
