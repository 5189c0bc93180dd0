import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../db/errors';
import { en } from '../i18n/en';
import { i18n } from '../i18n/i18n.svelte';
import { zhCN } from '../i18n/zh-CN';
import { describeError } from './errors';

const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('describeError', () => {
  beforeEach(() => i18n.setLocale('en'));

  it.each<[string, unknown]>([
    ['the DOMException', quotaDom()],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError(quotaDom())],
    ['Dexie.AbortError with the quota error inside', new Dexie.AbortError(quotaDom())],
    ['a BulkError with a quota failure', new Dexie.BulkError('bulkPut failed', { 0: quotaDom() })],
  ])('a full storage quota (%s) says what happened and what to do', (_label, error) => {
    expect(describeError(error)).toBe(en['storage.full']);
  });

  it('…in the UI language', () => {
    i18n.setLocale('zh-CN');
    expect(describeError(new Dexie.AbortError(quotaDom()))).toBe(zhCN['storage.full']);
  });

  it.each<[string, unknown, string]>([
    ['an AbortError of another cause', new Dexie.AbortError(), 'Transaction aborted'],
    ['a plain Error', new Error('write failed'), 'write failed'],
    ['a string', 'odd', 'odd'],
  ])('anything else (%s) is shown as it is', (_label, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });

  it('a repository refusal keeps its own message', () => {
    expect(describeError(new DataError('account_missing', { id: 3 }))).toBe(
      en['dataError.account_missing'].replace('{id}', '3'),
    );
  });
});
