// Stakeholder map of one key account (seeds 002): a node person (节点人物) who carries the
// relationship, and named contacts on each of the three lines — business, technical, management.
// Pure: works on any contact-like rows.

export const CONTACT_LINES = ['business', 'technical', 'management'] as const;
export type Line = (typeof CONTACT_LINES)[number];

export interface StakeholderLike {
  id?: number;
  line: Line | '';
  isNode: boolean;
  reportsToId?: number | null;
}

export type CoverageGap = { kind: 'no_node' } | { kind: 'no_line'; line: Line };

/** What the account's contacts leave uncovered: no node person, and each line with nobody on it. */
export function coverageGaps(contacts: readonly StakeholderLike[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  if (!contacts.some((c) => c.isNode)) gaps.push({ kind: 'no_node' });
  for (const line of CONTACT_LINES) {
    if (!contacts.some((c) => c.line === line)) gaps.push({ kind: 'no_line', line });
  }
  return gaps;
}

export interface OrgNode<T> {
  contact: T;
  children: OrgNode<T>[];
  /**
   * The contact names a manager, but the chart cannot show it under them: the manager is not
   * among the contacts, or the chain goes round in a circle (broken here).
   */
  detached: boolean;
}

/**
 * The org chart from reports-to links, as a forest in input order. A contact whose manager is
 * missing, is itself, or closes a circle becomes a root (in a circle: the member listed first),
 * so every contact appears exactly once and the result is always a finite tree.
 */
export function orgChart<T extends StakeholderLike>(contacts: readonly T[]): OrgNode<T>[] {
  const index = new Map<number, number>();
  contacts.forEach((c, i) => {
    if (c.id !== undefined && !index.has(c.id)) index.set(c.id, i);
  });
  // parent[i]: index of the manager, or -1 for a root.
  const parent = contacts.map((c, i) => {
    const target = c.reportsToId ?? null;
    if (target === null) return -1;
    const p = index.get(target);
    return p === undefined || p === i ? -1 : p;
  });
  const detached = contacts.map((c, i) => (c.reportsToId ?? null) !== null && parent[i] === -1);

  // Break circles: walk up from every contact; a walk that meets itself has found a circle.
  const state = new Uint8Array(contacts.length); // 0 new, 1 on the current walk, 2 done
  for (let start = 0; start < contacts.length; start++) {
    const path: number[] = [];
    let i = start;
    while (i !== -1 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = parent[i]!;
    }
    if (i !== -1 && state[i] === 1) {
      const circle = path.slice(path.indexOf(i));
      const root = Math.min(...circle);
      parent[root] = -1;
      detached[root] = true;
    }
    for (const p of path) state[p] = 2;
  }

  const nodes: OrgNode<T>[] = contacts.map((contact, i) => ({
    contact,
    children: [],
    detached: detached[i]!,
  }));
  const roots: OrgNode<T>[] = [];
  nodes.forEach((node, i) => {
    const p = parent[i]!;
    if (p === -1) roots.push(node);
    else nodes[p]!.children.push(node);
  });
  return roots;
}

/** Ids of a contact and everyone below it: choices a reports-to field must not offer. */
export function selfAndReports(contacts: readonly StakeholderLike[], id: number): Set<number> {
  const below = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of contacts) {
      const manager = c.reportsToId ?? null;
      if (c.id !== undefined && manager !== null && below.has(manager) && !below.has(c.id)) {
        below.add(c.id);
        grew = true;
      }
    }
  }
  return below;
}
