import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEveryTable } from '../../test/factories/everyTable';
import { backupRepo, CURRENT_SCHEMA_VERSION, type BackupDump } from '../db/backup';
import { KeyplanDB } from '../db/db';
import { workspacesRepo } from '../db/workspaces';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  backupFileName,
  readBackup,
  writeBackup,
  type BackupHeader,
  type BackupReadFailure,
} from './backupFile';
import { sha256Hex } from './sha256';

const db = new KeyplanDB('test-' + crypto.randomUUID());
let dump: BackupDump;
let file: Uint8Array;
/** Where the payload starts in `file`. */
let payloadStart: number;

beforeAll(async () => {
  const workspaces = workspacesRepo(db);
  const a = await workspaces.create({
    name: '演示 Demo',
    currency: 'CNY',
    locale: 'zh-CN',
    fiscalYearStartMonth: 1,
  });
  const b = await workspaces.create({
    name: 'B',
    currency: 'EUR',
    locale: 'de-DE',
    fiscalYearStartMonth: 4,
  });
  await seedEveryTable(db, a, 'a');
  // Enough orders that the payload is several kilobytes: cuts land well inside it.
  const accountId = (await db.accounts.toCollection().first())?.id as number;
  await db.orders.bulkAdd(
    Array.from({ length: 500 }, (_, i) => ({
      workspaceId: a,
      importId: 0,
      accountId,
      orderNo: `SO-${i}`,
      date: '2025-01-01',
      amountMinor: i * 100,
      quantity: null,
      product: `产品 ${i % 7}`,
      costMinor: null,
      extra: {},
    })),
  );
  await seedEveryTable(db, b, 'b');
  dump = await backupRepo(db).dump([a, b]);
  file = await writeBackup(dump, '1.2.3');
  payloadStart = file.indexOf(0x0a, BACKUP_MAGIC.length) + 1;
});
afterAll(() => db.delete());

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const headerOf = (bytes: Uint8Array): BackupHeader =>
  JSON.parse(new TextDecoder().decode(bytes.subarray(BACKUP_MAGIC.length, payloadStart - 1)));

/** A file with this payload, its length and checksum right, and header fields overridden. */
async function craft(payload: Uint8Array, header: Partial<BackupHeader> = {}): Promise<Uint8Array> {
  const h = {
    ...headerOf(file),
    payloadBytes: payload.length,
    sha256: await sha256Hex(payload),
    ...header,
  };
  return concat(text(`${BACKUP_MAGIC}${JSON.stringify(h)}\n`), payload);
}
const flip = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe('backup file', () => {
  it('reads back what it wrote: header with counts, the whole dump', async () => {
    const result = await readBackup(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dump).toEqual(dump);
    expect(result.header).toMatchObject({
      format: 'keyplan-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      appVersion: '1.2.3',
      createdAt: dump.createdAt,
      workspaces: [
        { name: '演示 Demo', accounts: 1, orders: 501, plans: 1 },
        { name: 'B', accounts: 1, orders: 1, plans: 1 },
      ],
      payloadBytes: file.length - payloadStart,
    });
    // Compressed: far smaller than the JSON it holds.
    expect(file.length).toBeLessThan(JSON.stringify(dump).length / 4);
  });

  it('writes the same bytes for the same dump', async () => {
    expect(await writeBackup(dump, '1.2.3')).toEqual(file);
  });

  it('starts with the magic line, then one line of JSON header', () => {
    expect(new TextDecoder().decode(file.subarray(0, BACKUP_MAGIC.length))).toBe(BACKUP_MAGIC);
    expect(headerOf(file).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  const cases: [string, () => Promise<Uint8Array> | Uint8Array, BackupReadFailure][] = [
    ['an empty file', () => new Uint8Array(0), 'not_a_backup'],
    [
      'a CSV renamed .keyplan',
      () => text('订单号,客户名称,金额\nSO-1,ACME,12.50\n'),
      'not_a_backup',
    ],
    [
      'a PNG image',
      () => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
      'not_a_backup',
    ],
    ['a gzip file', () => gzipSync(text('hello')), 'not_a_backup'],
    [
      'a near-miss magic line',
      () => concat(text('KEYPLAN-BACKUQ\n'), file.subarray(15)),
      'not_a_backup',
    ],
    ['cut inside the magic line', () => file.subarray(0, 5), 'truncated'],
    ['cut right after the magic line', () => file.subarray(0, BACKUP_MAGIC.length), 'truncated'],
    ['cut inside the header', () => file.subarray(0, BACKUP_MAGIC.length + 40), 'truncated'],
    ['cut right after the header', () => file.subarray(0, payloadStart), 'truncated'],
    ['cut inside the payload', () => file.subarray(0, payloadStart + 100), 'truncated'],
    ['cut half way', () => file.subarray(0, Math.floor(file.length / 2)), 'truncated'],
    ['one byte short', () => file.subarray(0, file.length - 1), 'truncated'],
    ['a byte flipped in the payload', () => flip(file, payloadStart + 200), 'corrupt'],
    ['the last byte flipped', () => flip(file, file.length - 1), 'corrupt'],
    ['a byte flipped in the header JSON', () => flip(file, BACKUP_MAGIC.length), 'corrupt'],
    ['a byte appended', () => concat(file, Uint8Array.of(0)), 'corrupt'],
    [
      'a header that is not ours',
      () => concat(text(`${BACKUP_MAGIC}{"a":1}\n`), file.subarray(payloadStart)),
      'corrupt',
    ],
    [
      'a header with no end',
      () => concat(text(BACKUP_MAGIC), new Uint8Array(1.5 * 2 ** 20).fill(0x20)),
      'corrupt',
    ],
    ['a payload that is not gzip', () => craft(text('{"schemaVersion":4}')), 'corrupt'],
    ['gzip of text that is not JSON', () => craft(gzipSync(text('not json'))), 'corrupt'],
    ['gzip of JSON that is not a dump', () => craft(gzipSync(text('{"rows":[]}'))), 'corrupt'],
    [
      'a header naming other workspaces',
      () => craft(file.subarray(payloadStart), { workspaces: [] }),
      'corrupt',
    ],
    [
      'a header claiming format version 99',
      () => craft(file.subarray(payloadStart), { formatVersion: 99 }),
      'newer_version',
    ],
    [
      'a header claiming schema version 99',
      () => craft(file.subarray(payloadStart), { schemaVersion: 99 }),
      'newer_version',
    ],
    [
      'a newer file cut short',
      async () =>
        (await craft(file.subarray(payloadStart), { formatVersion: 2 })).subarray(
          0,
          payloadStart + 10,
        ),
      'newer_version',
    ],
  ];

  it.each(cases)('%s → %s', async (_, make, reason) => {
    expect(await readBackup(await make())).toEqual(
      reason === 'newer_version'
        ? { ok: false, reason, appVersion: '1.2.3' }
        : { ok: false, reason },
    );
  });

  it('truncated at any point is never read as a good file', async () => {
    for (let cut = 0; cut < file.length; cut += 97) {
      const result = await readBackup(file.subarray(0, cut));
      expect(result.ok, `cut at ${cut}`).toBe(false);
    }
  });

  it('a file made by this build is newer than an older build', async () => {
    expect(
      await readBackup(file, { formatVersion: 1, schemaVersion: CURRENT_SCHEMA_VERSION - 1 }),
    ).toEqual({ ok: false, reason: 'newer_version', appVersion: '1.2.3' });
  });

  it('reads an older schema version (restore upgrades it)', async () => {
    const old = { ...dump, schemaVersion: 3 };
    const bytes = await writeBackup(old, '0.0.9');
    const result = await readBackup(bytes);
    expect(result.ok && result.dump.schemaVersion).toBe(3);
  });
});

describe('backupFileName', () => {
  it.each([
    ['2026-12-02T10:00:00', undefined, 'Keyplan backup 2026-12-02.keyplan'],
    ['2026-01-05T10:00:00', 'Demo', 'Keyplan backup - Demo 2026-01-05.keyplan'],
    ['2026-01-05T10:00:00', 'a/b:c*?"<>|d', 'Keyplan backup - a_b_c_d 2026-01-05.keyplan'],
    ['2026-01-05T10:00:00', '  ', 'Keyplan backup 2026-01-05.keyplan'],
    ['2026-01-05T10:00:00', '大客户 2026', 'Keyplan backup - 大客户 2026 2026-01-05.keyplan'],
  ])('%s, %s → %s', (at, name, expected) => {
    expect(backupFileName(at, name)).toBe(expected);
  });
});
