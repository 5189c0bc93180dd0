import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyplanDB } from '../db/db';
import { DbEvents } from './dbEvents.svelte';

const opened: Dexie[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  const all = opened.splice(0);
  for (const d of all) d.close();
  for (const name of new Set(all.map((d) => d.name))) await Dexie.delete(name);
});

function track<T extends Dexie>(d: T): T {
  opened.push(d);
  return d;
}

describe('another tab upgrades the database', () => {
  it('closes the old connection and asks for a reload instead of hanging', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = 'test-' + crypto.randomUUID();
    const old = track(new KeyplanDB(name));
    const events = new DbEvents();
    events.watch(old);
    await old.workspaces.count();
    const oldVersion = old.verno;

    // A newer release in another tab: a raw Dexie on the same name with a higher version.
    const newer = track(new Dexie(name));
    newer.version(oldVersion + 1).stores({ workspaces: '++id', extra: '++id' });
    // Would never resolve if the old connection stayed open.
    await newer.open();

    expect(events.state).toBe('upgraded');
    expect(old.isOpen()).toBe(false);
    // The old tab's queries fail at once (closed for good, no silent reopen with the old schema).
    await expect(old.workspaces.count()).rejects.toThrow(/closed/i);
    expect(newer.verno).toBe(oldVersion + 1);
    expect(newer.tables.map((t) => t.name)).toContain('extra');
  });

  it('subscribes only once per database', async () => {
    const d = track(new KeyplanDB('test-' + crypto.randomUUID()));
    const spy = vi.spyOn(d, 'on');
    const events = new DbEvents();
    events.watch(d);
    const calls = spy.mock.calls.length;
    events.watch(d);
    expect(spy.mock.calls.length).toBe(calls);
  });
});

describe('an older tab blocks this tab’s upgrade', () => {
  it('tells the user while blocked and clears once the old tab lets go', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = 'test-' + crypto.randomUUID();
    // An older release that ignores versionchange (keeps its connection open).
    const old = track(new Dexie(name));
    old.version(1).stores({ workspaces: '++id' });
    old.on('versionchange', () => false);
    await old.open();

    const current = track(new KeyplanDB(name));
    const events = new DbEvents();
    events.watch(current);
    const opening = current.open();
    await vi.waitFor(() => expect(events.state).toBe('blocked'));

    old.close();
    await opening;
    expect(current.isOpen()).toBe(true);
    expect(events.state).toBe('none');
  });
});
