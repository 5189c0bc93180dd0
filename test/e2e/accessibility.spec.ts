// Issue 8, languages and access: axe-core finds no serious or critical WCAG 2.1 A/AA violation on
// any screen, in every UI language; every control is reachable with Tab and shows where focus is;
// the main journeys work with the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KeyplanApp } from './app';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SHOTS = 'test-results/screenshots';

// The languages the app offers, read from where the app lists them, so a new catalog is scanned
// as soon as it can be chosen.
const LOCALES = [
  ...readFileSync(
    fileURLToPath(new URL('../../src/i18n/i18n.svelte.ts', import.meta.url)),
    'utf8',
  ).matchAll(/\{ id: '([\w-]+)', label:/g),
].map((m) => m[1]!);
if (!LOCALES.includes('en') || !LOCALES.includes('zh-CN')) {
  throw new Error(`UI languages not found in i18n.svelte.ts (read: ${LOCALES.join(', ')})`);
}

interface Finding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function scan(page: Page, screen: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes
        .slice(0, 6)
        .map((n) => `${n.target.join(' ')} — ${[...n.any, ...n.all, ...n.none][0]?.message ?? ''}`),
    }));
}

const describe = (findings: Finding[]) =>
  findings
    .map(
      (f) =>
        `[${f.screen}] ${f.id} (${f.impact}): ${f.help}\n` +
        f.targets.map((target) => `    ${target.replace(/\s+/g, ' ')}`).join('\n'),
    )
    .join('\n');

/** Screens and open states, each reached from the demo workspace; `open` leaves it ready to scan. */
interface Screen {
  name: string;
  open: (app: KeyplanApp) => Promise<void>;
}

async function firstAccountId(app: KeyplanApp): Promise<string> {
  await app.open('#/accounts');
  await expect(app.gridRow(0)).toBeVisible({ timeout: 30_000 });
  return (await app.gridRow(0).first().getAttribute('row-id')) ?? '';
}

async function openProfile(app: KeyplanApp): Promise<void> {
  const id = await firstAccountId(app);
  await app.open(`#/accounts/${id}`);
  await expect(app.page.getByTestId('profile-heading')).toBeVisible();
  await expect(app.page.getByTestId('orders-table').locator('tbody tr').first()).toBeVisible();
}

/** Opens a plan (creating one from the template the first time) in the plan editor. */
async function openPlan(app: KeyplanApp): Promise<void> {
  await app.open('#/plans');
  const existing = app.page.getByTestId('portfolio-table').locator('a[href^="#/plans/"]');
  const missing = app.page.getByTestId('missing-plan-create').first();
  await expect(existing.or(missing).first()).toBeVisible({ timeout: 30_000 });
  if ((await existing.count()) > 0) await existing.first().click();
  else await missing.click();
  await expect(app.page.getByTestId('plan-status')).toBeVisible();
}

/** The import screen with no file chosen (an import in progress survives moving between screens). */
async function freshImport(app: KeyplanApp): Promise<void> {
  await app.open('#/import');
  await app.page.reload();
  await expect(app.page.getByTestId('import-file')).toBeAttached();
}

const SCREENS: Screen[] = [
  {
    name: 'import with a preview',
    open: async (app) => {
      await freshImport(app);
      await app.page.getByTestId('import-file').setInputFiles(fixture('orders_small.csv'));
      await expect(app.page.getByTestId('preview-table')).toBeVisible();
    },
  },
  {
    name: 'import checked',
    open: async (app) => {
      await freshImport(app);
      await app.page.getByTestId('import-file').setInputFiles(fixture('orders_small.csv'));
      await app.page.getByTestId('import-check').click();
      await expect(app.page.getByTestId('check-summary')).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'accounts',
    open: async (app) => {
      await firstAccountId(app);
    },
  },
  {
    name: 'accounts: columns menu',
    open: async (app) => {
      await firstAccountId(app);
      await app.page.getByTestId('columns-button').click();
      await expect(app.page.getByTestId('columns-menu')).toBeVisible();
    },
  },
  {
    name: 'accounts: delete confirmation',
    open: async (app) => {
      await firstAccountId(app);
      await app.gridRow(0).locator('input[type="checkbox"]').first().check();
      await app.page.getByTestId('delete').click();
      await expect(app.page.getByTestId('delete-confirm')).toBeVisible();
    },
  },
  {
    name: 'accounts: add form with an error',
    open: async (app) => {
      await firstAccountId(app);
      await app.page.getByTestId('add-account').click();
      await app.page.getByTestId('add-confirm').click();
      await expect(app.page.getByTestId('grid-error')).toBeVisible();
    },
  },
  { name: 'account profile', open: openProfile },
  {
    name: 'account profile: contact form with errors',
    open: async (app) => {
      await openProfile(app);
      await app.page.getByTestId('contact-add').click();
      await app.page.getByTestId('contact-influence').fill('9');
      await app.page.getByTestId('contact-form').locator('button[type="submit"]').click();
      await expect(app.page.getByTestId('contact-form').getByRole('alert').first()).toBeVisible();
    },
  },
  {
    name: 'analysis',
    open: async (app) => {
      await app.open('#/analysis');
      await expect(app.page.getByTestId('pareto-headline')).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'plans',
    open: async (app) => {
      await app.open('#/plans');
      await expect(app.page.getByTestId('missing-plans')).toBeVisible({ timeout: 30_000 });
    },
  },
  { name: 'plan editor', open: openPlan },
  {
    name: 'workspaces',
    open: async (app) => {
      await app.open('#/workspaces');
      await expect(app.page.getByTestId('workspace-row').first()).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (app) => {
      await app.open('#/settings');
      await expect(app.page.getByTestId('settings-name')).toBeVisible();
    },
  },
];

async function openDemo(page: Page): Promise<KeyplanApp> {
  await page.addInitScript(() => localStorage.setItem('keyplan.locale', 'en'));
  const app = new KeyplanApp(page);
  await app.open('?demo=1#/accounts');
  await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: 30_000 });
  return app;
}

for (const locale of LOCALES) {
  test(`axe: no serious or critical violations on any screen (${locale})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.addInitScript((l) => localStorage.setItem('keyplan.locale', l), locale);
    const app = new KeyplanApp(page);
    const findings: Finding[] = [];
    await app.open();
    await expect(page.locator('.welcome')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    findings.push(...(await scan(page, 'welcome')));

    await page.locator('.welcome button.choice').first().click();
    await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: 30_000 });
    for (const screen of SCREENS) {
      await screen.open(app);
      findings.push(...(await scan(page, screen.name)));
    }
    // Printed as lines (screen, rule, impact, summary, then each element and what fails).
    expect(describe(findings), 'serious or critical axe violations').toBe('');
  });
}

// ---- Keyboard ------------------------------------------------------------------------------

const CONTROLS =
  'a[href], button, input, select, textarea, summary, [tabindex="0"], [role="button"]';

interface Stop {
  /** data-kb of a control marked by markControls, or a description of anything else. */
  key: string;
  inGrid: boolean;
  ring: boolean;
  label: string;
}

/**
 * Marks every visible, enabled control outside the accounts grid with `data-kb` (a radio group
 * shares one mark: Tab reaches the group, arrows its buttons) and returns their labels by mark.
 * AG Grid is one composite widget with its own keys (arrows, Enter, Tab from cell to cell),
 * driven in the journeys below, so the walk only checks that focus gets into it.
 */
async function markControls(page: Page): Promise<Record<string, string>> {
  return page.evaluate((selector) => {
    const labels: Record<string, string> = {};
    const groups = new Map<string, string>();
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      delete el.dataset.kb;
      if (el.closest('.ag-root-wrapper, [inert]')) continue;
      if (el.matches('input[type="hidden"], [tabindex="-1"], :disabled')) continue;
      if (el.getAttribute('aria-disabled') === 'true') continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let id = String(n++);
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        id = groups.get(el.name) ?? id;
        groups.set(el.name, id);
      }
      el.dataset.kb = id;
      const name =
        el.getAttribute('aria-label') ??
        el.textContent?.trim() ??
        el.getAttribute('placeholder') ??
        '';
      const testId = el.dataset.testid ? `[${el.dataset.testid}]` : '';
      labels[id] = `${el.tagName.toLowerCase()}${testId} "${name.slice(0, 40)}"`;
    }
    return labels;
  }, CONTROLS);
}

async function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { key: 'body', inGrid: false, ring: true, label: '' };
    const style = getComputedStyle(el);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none';
    const label = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 30)} "${(
      el.getAttribute('aria-label') ??
      el.textContent ??
      ''
    )
      .trim()
      .slice(0, 40)}"`;
    return {
      key: el.dataset.kb ?? label,
      inGrid: el.closest('.ag-root-wrapper') !== null,
      ring,
      label,
    };
  });
}

/**
 * Presses Tab from the first control on the page until focus comes round to the start again (or leaves
 * the accounts grid, the last thing on its screen), and returns every stop on the way.
 */
async function tabAround(page: Page, cap = 900): Promise<{ stops: Stop[]; done: boolean }> {
  const start = page.locator('[data-kb]').first();
  await start.focus();
  const startKey = await start.getAttribute('data-kb');
  const stops: Stop[] = [];
  let previous = startKey;
  for (let i = 0; i < cap; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stop.inGrid) {
      stops.push({ ...stop, key: 'grid' });
      // Past the grid: on to the next control after it, or the walk is over when there is none.
      const more = await page.evaluate(() => {
        const grid = document.querySelector('.ag-root-wrapper')!;
        const next = [...document.querySelectorAll<HTMLElement>('[data-kb]')].find(
          (el) => grid.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        next?.focus();
        return next !== undefined;
      });
      // Nothing after it: the walk began at the first control, so it has seen them all.
      if (!more)
        return {
          stops: [...stops, { key: startKey ?? '', inGrid: false, ring: true, label: '' }],
          done: true,
        };
      continue;
    }
    // A date input takes several Tabs (day, month, year): one stop.
    if (stop.key === previous) continue;
    previous = stop.key;
    stops.push(stop);
    if (stop.key === startKey) return { stops, done: true };
  }
  return { stops, done: false };
}

const WELCOME: Screen = {
  name: 'welcome',
  open: async (app) => {
    await app.open();
    await expect(app.page.locator('.welcome')).toBeVisible();
  },
};

for (const screen of [WELCOME, ...SCREENS]) {
  test(`keyboard: Tab reaches every control on ${screen.name}, each with a visible focus`, async ({
    page,
  }) => {
    const app = screen === WELCOME ? new KeyplanApp(page) : await openDemo(page);
    await screen.open(app);
    const controls = await markControls(page);
    const { stops, done } = await tabAround(page);
    expect(done, `Tab came round within the cap; stops: ${stops.length}`).toBe(true);
    const reached = new Set(stops.map((s) => s.key));
    const missed = Object.entries(controls)
      .filter(([id]) => !reached.has(id))
      .map(([, label]) => label);
    expect(missed, 'controls Tab never reached').toEqual([]);
    test.info().annotations.push({ type: 'tab stops', description: String(stops.length) });
    const noRing = stops.filter((s) => !s.ring).map((s) => s.label);
    expect(noRing, 'focused without a visible focus indicator').toEqual([]);
    if (screen.name.startsWith('accounts')) {
      expect(
        stops.some((s) => s.inGrid),
        'focus gets into the grid',
      ).toBe(true);
    }
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus (fails after `max` presses). */
async function tabTo(
  page: Page,
  target: ReturnType<Page['locator']>,
  { back = false, max = 300 } = {},
): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const isFocused = (target: ReturnType<Page['locator']>) =>
  target.evaluate((el) => el === document.activeElement);

test('keyboard only: open the demo, go to Analysis from the nav', async ({ page }) => {
  await page.goto('/');
  const demo = page.getByRole('button', { name: /Load demo workspace/ });
  await tabTo(page, demo);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: 30_000 });
  // The new screen took focus to its content; the menu is back up the page.
  await expect(page.locator('main')).toBeFocused();
  const analysis = page.getByRole('navigation').getByRole('link', { name: 'Analysis' });
  await tabTo(page, analysis, { back: true });
  await page.screenshot({ path: `${SHOTS}/keyboard-nav-focus.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pareto-headline')).toBeVisible({ timeout: 30_000 });
  await expect(analysis).toHaveAttribute('aria-current', 'page');
  // The first Tab on a page shows the skip link, which goes straight to the content.
  await page.locator('a.brand').focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/keyboard-skip-link.png` });
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.locator('main').evaluate((m) => m.contains(document.activeElement))).toBe(true);
});

test('keyboard only: open an account profile from the grid', async ({ page }) => {
  const app = await openDemo(page);
  // Sorted by revenue once the analysis is in (rows must not move under the keyboard).
  await expect(app.gridRow(0).locator('[col-id="abc"]')).toHaveText('A', { timeout: 30_000 });
  // Into the grid (its first header), down to the first row, across to the profile link.
  await tabTo(page, page.locator('.ag-header-cell').first());
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 5; i++) {
    const col = await page.evaluate(() => document.activeElement?.getAttribute('col-id'));
    if (col === 'profile') break;
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.locator('.ag-row[row-index="0"] [col-id="profile"]').first()).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/keyboard-grid-focus.png` });
  const id = await page.evaluate(() =>
    document.activeElement?.closest('.ag-row')?.getAttribute('row-id'),
  );
  const name =
    (await page.locator(`.ag-row[row-id="${id}"] [col-id="name"]`).first().textContent())?.trim() ??
    '';
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/accounts/${id}$`));
  await expect(page.getByTestId('profile-heading')).toHaveText(name);
});

test('keyboard only: add a plan action, then save the workspace settings', async ({ page }) => {
  const app = await openDemo(page);
  await app.open('#/plans');
  const create = page.getByTestId('missing-plan-create').first();
  await expect(create).toBeVisible({ timeout: 30_000 });
  await tabTo(page, create);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-status')).toBeVisible();

  const rows = page.getByTestId('actions-table').locator('tbody tr');
  const before = await rows.count();
  const template = page.getByTestId('action-template');
  await tabTo(page, template);
  const first = await template.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(template).not.toHaveValue(first);
  const chosen = await template.inputValue();
  await tabTo(page, page.getByTestId('add-action'));
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(before + 1);
  const title = page.getByTestId(`action-title-${before}`);
  await tabTo(page, title);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Quarterly review with the buyer');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(title).toHaveValue('Quarterly review with the buyer');
  expect(chosen).not.toBe('');

  // A form saved with Enter: the workspace name in Settings.
  await app.open('#/settings');
  const name = page.getByTestId('settings-name');
  await tabTo(page, name);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Keyboard workspace');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workspace-name')).toHaveText('Keyboard workspace');
});

test('keyboard only: Escape closes menus and forms, and focus goes back where it was', async ({
  page,
}) => {
  const app = await openDemo(page);
  await expect(app.gridRow(0)).toBeVisible({ timeout: 30_000 });

  // The columns menu: a disclosure; Tab goes on into it, Escape closes it onto its button.
  const columns = page.getByTestId('columns-button');
  await tabTo(page, columns);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('columns-menu')).toBeVisible();
  await expect(columns).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  expect(
    await page
      .getByTestId('columns-menu')
      .evaluate((menu) => menu.contains(document.activeElement)),
  ).toBe(true);
  await page.screenshot({ path: `${SHOTS}/keyboard-columns-menu.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('columns-menu')).toBeHidden();
  await expect(columns).toBeFocused();

  // Add account: focus goes to the name; Escape closes the form onto its button.
  const add = page.getByTestId('add-account');
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('add-name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('add-form')).toBeHidden();
  await expect(add).toBeFocused();

  // Delete: the confirmation takes focus (on Cancel); Escape puts it back on Delete.
  await page.locator('.ag-header-cell').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  const del = page.getByTestId('delete');
  await expect(del).toBeVisible();
  await del.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('delete-cancel')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/keyboard-delete-confirm.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('delete-confirm')).toBeHidden();
  await expect(del).toBeFocused();
  await expect(page.getByTestId('accounts-count')).toHaveText('300 accounts');

  // A contact form: opens on its first field, a failed save lands on the field to fix, Escape
  // cancels back onto "Add contact".
  await openProfile(app);
  const addContact = page.getByTestId('contact-add');
  await tabTo(page, addContact);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('contact-name')).toBeFocused();
  await tabTo(page, page.getByTestId('contact-form').locator('button[type="submit"]'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('contact-name')).toBeFocused();
  await expect(page.getByTestId('contact-name')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('contact-form')).toBeHidden();
  expect(await isFocused(addContact)).toBe(true);
});
