import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUYING_STAGES } from '../domain/planDoc';
import { i18n } from '../i18n/i18n.svelte';
import { defaultPlanSource } from './planDefaults';

afterEach(() => i18n.setLocale('en'));

describe('defaultPlanSource', () => {
  it.each([
    ['en', [...DEFAULT_BUYING_STAGES]],
    ['zh-CN', ['需求确认', '规格制定', '供应商选择', '商务谈判', '下单与交付', '评估回顾']],
    ['zh-TW', ['需求確認', '規格制定', '供應商選擇', '商務談判', '下單與交貨', '評估檢討']],
  ] as const)('names the buying stages in %s', (locale, names) => {
    i18n.setLocale(locale);
    expect(defaultPlanSource()).toEqual({ kind: 'default', stageNames: names });
  });
});
