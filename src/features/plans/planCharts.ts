// Chart and table models of the plan screens, apart from the .svelte views so they can be tested:
// the stakeholder map (influence × attitude) and the month-by-month action timeline.
import type { ChartData, ChartOptions } from 'chart.js';

export type AttitudeValue = 'supporter' | 'neutral' | 'opponent' | '';

export interface StakeholderPoint {
  name: string;
  influence: number | null;
  attitude: AttitudeValue;
  isNode: boolean;
}

export interface StakeholderLabels {
  influence: string;
  attitude: string;
  /** Axis names of the three attitudes, opponent first (left). */
  attitudes: Record<'opponent' | 'neutral' | 'supporter', string>;
  node: string;
}

const ATTITUDE_X: Record<'opponent' | 'neutral' | 'supporter', number> = {
  opponent: 1,
  neutral: 2,
  supporter: 3,
};
const ATTITUDE_COLOR: Record<'opponent' | 'neutral' | 'supporter', string> = {
  opponent: '#c0392b',
  neutral: '#7f8c8d',
  supporter: '#1e8449',
};

/**
 * Each contact with an influence and an attitude as a labelled point: attitude across (opponent
 * → supporter), influence up (1–5). Contacts of the same cell are spread a little so none hides
 * another; node persons are drawn larger. Contacts missing either value are left out (and
 * counted, so the view can say how many).
 */
export function stakeholderMap(
  contacts: readonly StakeholderPoint[],
  labels: StakeholderLabels,
): { data: ChartData<'scatter'>; options: ChartOptions<'scatter'>; unplaced: number } {
  const placed = contacts.filter(
    (
      c,
    ): c is StakeholderPoint & {
      influence: number;
      attitude: 'opponent' | 'neutral' | 'supporter';
    } => c.influence !== null && c.attitude !== '',
  );
  const seen = new Map<string, number>();
  const points = placed.map((c) => {
    const cell = `${c.attitude}|${c.influence}`;
    const n = seen.get(cell) ?? 0;
    seen.set(cell, n + 1);
    // Spread up to 5 per cell around its centre.
    const dx = ((n % 5) - 2) * 0.09;
    const dy = (Math.floor(n / 5) % 3) * 0.12;
    return { x: ATTITUDE_X[c.attitude] + dx, y: c.influence + dy, contact: c };
  });
  return {
    unplaced: contacts.length - placed.length,
    data: {
      datasets: [
        {
          label: labels.influence,
          data: points.map((p) => ({ x: p.x, y: p.y })),
          pointRadius: points.map((p) => (p.contact.isNode ? 10 : 6)),
          pointBackgroundColor: points.map((p) => ATTITUDE_COLOR[p.contact.attitude]),
          pointBorderColor: points.map((p) => (p.contact.isNode ? '#f39c12' : '#ffffff')),
          pointBorderWidth: points.map((p) => (p.contact.isNode ? 3 : 1)),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const c = points[ctx.dataIndex]?.contact;
              if (!c) return '';
              return `${c.name}${c.isNode ? ` (${labels.node})` : ''}: ${labels.attitudes[c.attitude]}, ${c.influence}`;
            },
          },
        },
      },
      scales: {
        x: {
          min: 0.5,
          max: 3.5,
          title: { display: true, text: labels.attitude },
          // The axis runs 0.5–3.5, so Chart.js would put ticks at 0.5, 1.5, …, where no attitude
          // has a name: pinned to the three attitudes.
          afterBuildTicks: (axis) => {
            axis.ticks = [1, 2, 3].map((value) => ({ value }));
          },
          ticks: {
            stepSize: 1,
            callback: (value) =>
              (
                [
                  '',
                  labels.attitudes.opponent,
                  labels.attitudes.neutral,
                  labels.attitudes.supporter,
                ] as const
              )[Number(value)] ?? '',
          },
        },
        y: {
          min: 0.5,
          max: 5.7,
          title: { display: true, text: labels.influence },
          ticks: { stepSize: 1 },
        },
      },
    },
  };
}

export interface TimelineAction {
  planId: number;
  due: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
}

export interface TimelineRow {
  planId: number;
  /** Per month of the year (index 0 = the fiscal year's first month): actions due then. */
  months: { due: number; done: number; overdue: number }[];
  /** Actions without a due date or due outside the year. */
  unscheduled: number;
}

/**
 * Actions of every plan laid out month by month over one fiscal year. An action is overdue when
 * its due date is before `today` and it is neither done nor cancelled; cancelled actions are not
 * counted at all.
 */
export function actionTimeline(
  planIds: readonly number[],
  actions: readonly TimelineAction[],
  fiscalYear: number,
  fiscalStartMonth: number,
  today: string,
): TimelineRow[] {
  const rows = new Map<number, TimelineRow>(
    planIds.map((id) => [
      id,
      {
        planId: id,
        months: Array.from({ length: 12 }, () => ({ due: 0, done: 0, overdue: 0 })),
        unscheduled: 0,
      },
    ]),
  );
  for (const a of actions) {
    const row = rows.get(a.planId);
    if (!row || a.status === 'cancelled') continue;
    const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(a.due);
    const index = m ? (Number(m[1]) - fiscalYear) * 12 + Number(m[2]) - fiscalStartMonth : -1;
    if (index < 0 || index > 11) {
      row.unscheduled += 1;
      continue;
    }
    const cell = row.months[index]!;
    cell.due += 1;
    if (a.status === 'done') cell.done += 1;
    else if (a.due < today) cell.overdue += 1;
  }
  return planIds.map((id) => rows.get(id)!);
}
