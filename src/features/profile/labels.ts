import { describeError } from '../../state/errors';
// Message keys for the stored codes of contacts, notes and visits: typed, so a missing one fails
// the type check instead of showing a raw key.
import type { AccountNoteRow, Attitude, BuyingRole, VisitRow } from '../../db/schema';
import type { Line } from '../../domain/stakeholders';
import type { MessageKey } from '../../i18n/i18n.svelte';

export const LINE_LABEL: Record<Line, MessageKey> = {
  business: 'profile.line.business',
  technical: 'profile.line.technical',
  management: 'profile.line.management',
};

export const GAP_LABEL: Record<Line, MessageKey> = {
  business: 'profile.gap.noLine.business',
  technical: 'profile.gap.noLine.technical',
  management: 'profile.gap.noLine.management',
};

export const BUYING_ROLES: readonly BuyingRole[] = [
  'decision_maker',
  'influencer',
  'user',
  'gatekeeper',
  'champion',
  'executive_sponsor',
];
export const ROLE_LABEL: Record<BuyingRole, MessageKey> = {
  decision_maker: 'profile.role.decision_maker',
  influencer: 'profile.role.influencer',
  user: 'profile.role.user',
  gatekeeper: 'profile.role.gatekeeper',
  champion: 'profile.role.champion',
  executive_sponsor: 'profile.role.executive_sponsor',
};

export const ATTITUDES: readonly Attitude[] = ['supporter', 'neutral', 'opponent'];
export const ATTITUDE_LABEL: Record<Attitude, MessageKey> = {
  supporter: 'profile.attitude.supporter',
  neutral: 'profile.attitude.neutral',
  opponent: 'profile.attitude.opponent',
};

export const NOTE_KINDS: readonly AccountNoteRow['kind'][] = ['need', 'complaint', 'suggestion'];
export const NOTE_KIND_LABEL: Record<AccountNoteRow['kind'], MessageKey> = {
  need: 'profile.notes.kind.need',
  complaint: 'profile.notes.kind.complaint',
  suggestion: 'profile.notes.kind.suggestion',
};
export const NOTE_STATUS_LABEL: Record<AccountNoteRow['status'], MessageKey> = {
  open: 'profile.notes.status.open',
  resolved: 'profile.notes.status.resolved',
};

export const VISIT_LEVELS: readonly VisitRow['level'][] = ['rep', 'manager', 'executive'];
export const VISIT_LEVEL_LABEL: Record<VisitRow['level'], MessageKey> = {
  rep: 'profile.visits.level.rep',
  manager: 'profile.visits.level.manager',
  executive: 'profile.visits.level.executive',
};

/** Errors for the screen, in the user's language where the repositories give a reason. */
export const errorText = describeError;
