// What the plan editor hands its section components: the local plan document, a way to change it
// (applied at once, saved after a pause), read-only mode and the change-since-approval markers.
import type { PlanDoc } from '../../../domain/planDoc';

export type DocEdit = (doc: PlanDoc) => void;

export interface EditorApi {
  readonly doc: PlanDoc;
  readonly readOnly: boolean;
  /** Applies `edit` to the local document now and queues it for the next save. */
  change(edit: DocEdit): void;
  /** Changed since the approval snapshot (false when never approved). */
  isChanged(section: string, field?: string, rowId?: string | number): boolean;
}
