import { describe, expect, it } from 'vitest';
import { coreName, findNearDuplicates, type NearDuplicateGroup } from './identity';

describe('coreName', () => {
  it.each([
    ['上海华东精密机械有限公司', '上海华东精密机械'],
    ['上海华东精密机械 有限公司', '上海华东精密机械'],
    ['上海华东精密机械股份有限公司', '上海华东精密机械'],
    ['上海华东精密机械有限责任公司', '上海华东精密机械'],
    ['上海华东精密机械公司', '上海华东精密机械'],
    ['上海华东精密机械(有限公司)', '上海华东精密机械'],
    ['上海华东精密机械（有限公司）', '上海华东精密机械'],
    ['華東精密機械股份有限公司', '華東精密機械'],
    ['華東精密機械有限責任公司', '華東精密機械'],
    // 集团 stays: a group is its own account
    ['上海华东精密机械集团有限公司', '上海华东精密机械集团'],
    // branches and head offices stay whole
    ['上海华东精密机械有限公司苏州分公司', '上海华东精密机械有限公司苏州分公司'],
    ['华东精密总公司', '华东精密总公司'],
    // the city stays: it tells branches apart
    ['深圳市海川电子科技有限公司', '深圳市海川电子科技'],
    ['Northwind Trading Co., Ltd.', 'northwind trading'],
    ['NORTHWIND TRADING CO LTD', 'northwind trading'],
    ['Northwind Trading Limited', 'northwind trading'],
    ['Northwind Trading Company Limited', 'northwind trading'],
    ['Acme Industrial, Inc.', 'acme industrial'],
    ['Globex Corp.', 'globex'],
    ['Globex Corporation', 'globex'],
    ['Initech LLC', 'initech'],
    ['Siemens AG', 'siemens'],
    ['Bosch GmbH', 'bosch'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Nestlé S.A.', 'nestlé'],
    ['Foo Pte. Ltd.', 'foo'],
    ['Smith & Co.', 'smith'],
    ['Northwind (Ltd)', 'northwind'],
    ['华东精密 Co., Ltd.', '华东精密'],
    ['トヨタ自動車株式会社', 'トヨタ自動車'],
    ['株式会社トヨタ', 'トヨタ'],
    ['㈱トヨタ', 'トヨタ'],
    ['トヨタ(株)', 'トヨタ'],
    // legal-looking words inside a name stay
    ['Costco Wholesale', 'costco wholesale'],
    ['Coinbase', 'coinbase'],
    ['Limited Brands Store', 'limited brands store'],
    // nothing but a legal form: kept rather than emptied
    ['Company', 'company'],
    ['有限公司', '有限公司'],
    ['', ''],
  ])('%j → %j', (name, core) => {
    expect(coreName(name)).toBe(core);
  });
});

const accounts = (names: readonly string[]) => names.map((name, i) => ({ id: i + 1, name }));

describe('findNearDuplicates', () => {
  it.each<[string, string[], NearDuplicateGroup[]]>([
    [
      'legal forms only differ',
      ['上海华东精密机械有限公司', '上海华东精密机械股份有限公司', '成都天府医药有限公司'],
      [{ ids: [1, 2], reason: 'same_core_name' }],
    ],
    [
      'Co., Ltd. spellings',
      ['Northwind Trading Co., Ltd.', 'Blue Harbor Logistics', 'NORTHWIND TRADING LIMITED'],
      [{ ids: [1, 3], reason: 'same_core_name' }],
    ],
    [
      'a typo (one edit, ≥ 6 characters)',
      ['上海华东精密机械有限公司', '上海华东精密机诫有限公司'],
      [{ ids: [1, 2], reason: 'similar_name' }],
    ],
    [
      'a dropped letter in a long English name',
      ['Blue Harbor Logistics', 'Blue Harbr Logistics Ltd'],
      [{ ids: [1, 2], reason: 'similar_name' }],
    ],
    [
      'spaces only',
      ['Northwind Trading', 'North wind Trading Co'],
      [{ ids: [1, 2], reason: 'similar_name' }],
    ],
    [
      'a core group and a typo join into one similar group',
      ['华东精密机械有限公司', '华东精密机械股份有限公司', '华东精密机戒公司'],
      [{ ids: [1, 2, 3], reason: 'similar_name' }],
    ],
    ['short names need more than one edit of difference', ['华东贸易', '华西贸易'], []],
    ['different cities stay apart', ['上海海川电子有限公司', '深圳海川电子有限公司'], []],
    ['numbered plants differ', ['Northwind Plant 1 Ltd', 'Northwind Plant 2 Ltd'], []],
    ['Chinese ordinals differ', ['华东精密第一分公司', '华东精密第二分公司'], []],
    [
      'a branch is not its company',
      ['上海华东精密机械有限公司', '上海华东精密机械有限公司苏州分公司'],
      [],
    ],
    ['unrelated names', ['Acme', 'Globex', 'Initech', '成都天府医药'], []],
    ['blank names are ignored', ['', '  ', 'Acme'], []],
  ])('%s', (_name, names, expected) => {
    expect(findNearDuplicates(accounts(names))).toEqual(expected);
  });

  it('keeps the ids it was given and orders groups by their smallest id', () => {
    const groups = findNearDuplicates([
      { id: 40, name: 'Globex Corp.' },
      { id: 7, name: 'Acme Inc.' },
      { id: 12, name: 'Globex Corporation' },
      { id: 3, name: 'ACME Ltd' },
    ]);
    expect(groups).toEqual([
      { ids: [3, 7], reason: 'same_core_name' },
      { ids: [12, 40], reason: 'same_core_name' },
    ]);
  });

  it.each<[number, NearDuplicateGroup[]]>([
    [0.9, []],
    [0.5, [{ ids: [1, 2], reason: 'similar_name' }]],
  ])('threshold %s decides bigram similarity', (threshold, expected) => {
    // Two characters replaced: Dice 4/7 ≈ 0.57 and two edits apart.
    const names = ['华东精密机械贸易', '华东精密仪器贸易'];
    expect(findNearDuplicates(accounts(names), { threshold })).toEqual(expected);
  });

  it('one edit joins names whatever the threshold', () => {
    const names = ['Harbor Freight Tools', 'Harbor Freight Tool Co'];
    expect(findNearDuplicates(accounts(names), { threshold: 0.99 })).toEqual([
      { ids: [1, 2], reason: 'similar_name' },
    ]);
  });

  it('a word swap in a long name is similar by bigrams', () => {
    const names = ['Trading Northwind Pacific Ltd', 'Northwind Pacific Trading Ltd'];
    expect(findNearDuplicates(accounts(names))).toEqual([{ ids: [1, 2], reason: 'similar_name' }]);
  });

  it('50,000 generated names finish in under 1,500 ms and find the planted duplicates', () => {
    // mulberry32: a small seeded generator, so the list is the same on every run.
    let seed = 20240501;
    const random = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;
    // A broad character pool, like real customer lists (a tiny pool makes every bigram common).
    const cities = [
      '上海',
      '北京',
      '深圳市',
      '广州',
      '杭州',
      '苏州',
      '成都',
      '武汉',
      '南京',
      '天津',
    ];
    const chars = [
      ...'华东海川天府金桥宏达恒信永安瑞丰鼎盛晨光远航博中科方鑫源嘉禾泰联创汇通腾飞锦程卓越润泽',
      ...'启明世正九州万美佳和顺昌隆兴旺德福利康健乐星月辰宇宙龙凤麟鹏祥新合众诚志图伟业夏神长城',
    ];
    const trades = ['精密机械', '电子科技', '医药', '物流', '贸易', '化工', '食品', '建材', '光电'];
    const suffixes = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', ''];
    const latin = [
      'Northwind',
      'Harbor',
      'Acme',
      'Globex',
      'Initech',
      'Umbrella',
      'Stark',
      'Wonka',
    ];
    const colours = ['Blue', 'Red', 'Golden', 'Silver', 'Pacific', 'Global', 'United', 'Prime'];
    const trades2 = ['Trading', 'Logistics', 'Industrial', 'Foods', 'Systems', 'Labs', 'Supply'];
    const forms = ['Co., Ltd.', 'Inc.', 'Ltd', 'LLC', 'GmbH', ''];
    const list: { id: number; name: string }[] = [];
    for (let id = 1; list.length < 49_996; id++) {
      const name =
        id % 4 === 0
          ? `${pick(colours)} ${pick(latin)} ${pick(trades2)} ${random(1000)} ${pick(forms)}`
          : `${pick(cities)}${pick(chars)}${pick(chars)}${pick(chars)}${pick(trades)}` +
            `${random(100)}${pick(suffixes)}`;
      list.push({ id, name });
    }
    list.push(
      { id: 900_001, name: '青岛瀚海远洋渔业有限公司' },
      { id: 900_002, name: '青岛瀚海远洋渔业股份有限公司' },
      { id: 900_003, name: 'Zephyrine Aerospace Components Ltd' },
      { id: 900_004, name: 'Zephyrine Aerospace Componets Limited' },
    );

    const started = performance.now();
    const groups = findNearDuplicates(list);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1500);
    expect(groups).toContainEqual({ ids: [900_001, 900_002], reason: 'same_core_name' });
    expect(groups).toContainEqual({ ids: [900_003, 900_004], reason: 'similar_name' });
    const seen = new Set<number>();
    for (const group of groups) {
      for (const id of group.ids) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
  });
});
