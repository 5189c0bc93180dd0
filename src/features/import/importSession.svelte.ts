// The import wizard's state and steps, apart from its view: choose → preview (encoding, layout,
// kind, mapping, formats) → check (a full read that writes nothing) → write (cancellable) → done.
import { repos } from '../../db';
import type { ImportRow, MappingRow } from '../../db/schema';
import { headerSignature, missingRequired, type ImportKind } from '../../io/fields';
import { importClient, type Job, type ProgressInfo } from '../../io/importClient';
import type { ImportPlan } from '../../io/importPlan';
import type {
  ErrorResponse,
  ImportErrorParams,
  ImportFileError,
  RunSummary,
} from '../../io/importProtocol';
import { createRowConverter, type Converted } from '../../io/rowConvert';
import { inferFormats, type SniffOverrides, type SniffResult } from '../../io/sniff';
import { fmt } from '../../state/format';

export type ImportStep =
  'source' | 'reading' | 'preview' | 'checking' | 'checked' | 'writing' | 'done';

export interface ImportFailure {
  reason: ImportFileError | 'missing_fields';
  fileName: string;
  detail: string;
  params?: ImportErrorParams;
}

const PREVIEW_ROWS = 12;

export class ImportSession {
  step = $state<ImportStep>('source');
  file = $state.raw<File | null>(null);
  sniff = $state.raw<SniffResult | null>(null);
  plan = $state<ImportPlan | null>(null);
  /** A remembered mapping was applied for this header layout. */
  remembered = $state.raw<MappingRow | null>(null);
  check = $state.raw<RunSummary | null>(null);
  /** The same bytes were imported before. */
  sameFile = $state.raw<ImportRow | null>(null);
  result = $state.raw<{ summary: RunSummary; importRow: ImportRow } | null>(null);
  progress = $state.raw<ProgressInfo | null>(null);
  failure = $state.raw<ImportFailure | null>(null);
  /** Cancel was asked; the worker stops after the batch in hand and removes what it wrote. */
  cancelling = $state(false);
  private job: Job<unknown> | null = null;

  constructor(private readonly workspaceId: () => number | null) {}

  /** The first data rows as the plan reads them now: parsed values or the reason they fail. */
  readonly preview = $derived.by((): { line: number; record: string[]; converted: Converted }[] => {
    const plan = this.plan;
    const sniff = this.sniff;
    if (!plan || !sniff) return [];
    const convert = createRowConverter($state.snapshot(plan) as ImportPlan);
    return sniff.sample
      .slice(plan.firstDataRow, plan.firstDataRow + PREVIEW_ROWS)
      .map((record, i) => ({
        line: sniff.sampleLines[plan.firstDataRow + i] ?? 0,
        record,
        converted: convert(record, sniff.sampleLines[plan.firstDataRow + i] ?? 0),
      }));
  });

  /** Rows the writing pass will store: valid ones, less duplicates when they are skipped. */
  readonly rowsToImport = $derived(
    this.check
      ? this.check.rowsValid - (this.plan?.skipDuplicates ? this.check.duplicateRows : 0)
      : 0,
  );

  readonly missing = $derived(this.plan ? missingRequired(this.plan.kind, this.plan.mapping) : []);

  reset(): void {
    this.job?.cancel();
    this.job = null;
    this.step = 'source';
    this.file = null;
    this.sniff = null;
    this.plan = null;
    this.remembered = null;
    this.check = null;
    this.sameFile = null;
    this.result = null;
    this.progress = null;
    this.failure = null;
  }

  private fail(response: ErrorResponse | ImportFailure, back: ImportStep): void {
    this.failure = {
      reason: response.reason,
      fileName: this.file?.name ?? '',
      detail: response.detail,
      params: response.params,
    };
    this.step = back;
    this.progress = null;
    this.job = null;
    this.cancelling = false;
  }

  async choose(file: File): Promise<void> {
    this.reset();
    this.file = file;
    await this.read({});
  }

  /** Re-reads the start of the file with the user's choice of encoding, delimiter, header or kind. */
  async read(overrides: SniffOverrides): Promise<void> {
    const file = this.file;
    if (!file) return;
    this.failure = null;
    this.step = 'reading';
    const answer = await importClient().sniff(file, overrides, fmt.currencyDigits());
    if (answer.type === 'error') return this.fail(answer, 'source');
    let plan = answer.result.plan;
    this.remembered = null;
    const workspaceId = this.workspaceId();
    // Same headers as a file mapped before: offer the mapping the user confirmed then.
    if (workspaceId !== null && plan.headerRow !== null && overrides.kind === undefined) {
      const saved = await repos.imports.rememberedMapping(
        workspaceId,
        headerSignature(plan.headers),
      );
      if (saved) {
        this.remembered = saved;
        plan = {
          ...plan,
          kind: saved.kind,
          mapping: { ...saved.mapping },
          formats: { ...plan.formats, ...saved.settings.formats },
          cancelPrefix: saved.settings.cancelPrefix,
          keepCustom: saved.settings.keepCustom,
        };
      }
    }
    this.sniff = answer.result;
    this.plan = plan;
    this.step = 'preview';
  }

  setKind(kind: ImportKind): void {
    void this.read({
      encoding: this.plan?.encoding,
      delimiter: this.plan?.delimiter,
      headerRow: this.plan?.headerRow,
      kind,
    });
  }

  /** After a column is mapped to another field, infer that column's number/date format afresh. */
  remap(field: string, column: number | null): void {
    const plan = this.plan;
    const sniff = this.sniff;
    if (!plan || !sniff) return;
    for (const [f, c] of Object.entries(plan.mapping))
      if (c === column && column !== null) plan.mapping[f] = null;
    plan.mapping[field] = column;
    const rows = sniff.sample.slice(plan.firstDataRow);
    const { formats } = inferFormats(plan.kind, { [field]: column }, rows);
    if (formats[field]) plan.formats[field] = formats[field];
  }

  private snapshotPlan(): ImportPlan {
    return $state.snapshot(this.plan) as ImportPlan;
  }

  /** The check pass: every row read and converted, nothing written. */
  async runCheck(): Promise<void> {
    const file = this.file;
    const workspaceId = this.workspaceId();
    if (!file || !this.plan || workspaceId === null) return;
    if (this.missing.length > 0) {
      return this.fail(
        {
          reason: 'missing_fields',
          fileName: file.name,
          detail: this.missing.map((m) => m.join('/')).join(', '),
        },
        'preview',
      );
    }
    const answer = await this.track('checking', (onProgress) =>
      importClient().analyze(file, this.snapshotPlan(), workspaceId, onProgress),
    );
    if (!answer) return;
    if (answer.type === 'error') return this.fail(answer, 'preview');
    this.check = answer.summary;
    this.sameFile = (await repos.imports.findByHash(workspaceId, answer.summary.hash)) ?? null;
    this.step = 'checked';
  }

  /** The writing pass. Cancel, a crash or a storage error leave the database as it was. */
  async runImport(): Promise<void> {
    const file = this.file;
    const workspaceId = this.workspaceId();
    if (!file || !this.plan || workspaceId === null) return;
    const plan = this.snapshotPlan();
    const answer = await this.track('writing', (onProgress) =>
      importClient().commit(file, file.name, plan, workspaceId, onProgress),
    );
    if (!answer) return;
    if (answer.type === 'error') return this.fail(answer, 'checked');
    this.result = { summary: answer.summary, importRow: answer.importRow };
    if (plan.headerRow !== null) {
      await repos.imports.rememberMapping(workspaceId, headerSignature(plan.headers), plan);
    }
    this.step = 'done';
  }

  /**
   * Runs a worker job in the given step with live progress. Resolves to its answer, or to null
   * when the session moved on meanwhile (reset, another file) and the answer no longer matters.
   */
  private async track<T>(
    step: ImportStep,
    start: (onProgress: (p: ProgressInfo) => void) => Job<T>,
  ): Promise<T | ErrorResponse | null> {
    this.failure = null;
    this.step = step;
    this.progress = null;
    const job = start((p) => (this.progress = p));
    this.job = job;
    const answer = await job.done;
    if (this.job !== job) return null;
    this.job = null;
    this.cancelling = false;
    return answer;
  }

  cancel(): void {
    if (!this.job) return;
    this.cancelling = true;
    this.job.cancel();
  }
}
