import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ImportMode, ImportResult, Rejection, SignatureStatus } from '../../../shared/domain/registry-import';
import { REJECTIONS_RETURNED } from '../../../shared/domain/registry-import';
import { isoToday } from '../clock';
import type { CoreDeps } from '../context';
import { BulkStatements } from '../db/bulk';
import { checkedBatches, readBatches, type ReadBatch } from './checked-batches';
import type { Database } from '../db/schema/index';
import type { RegistryImportTable } from '../db/schema/registry';
import { DomainError } from '../errors';
import { getSetting } from '../settings/settings';
import { nextAbsents, screenBatch, strikeOff, writeRows, type BatchItem, type BatchOutcome } from './apply-batch';
import { applyStagedBatch } from './apply-staged';
import { builtinSqlite } from './stage-batch';
import { holderIsGone, thisHolder } from './import-holder';
import { privateCopy } from './private-copy';
import { describeReadError, openRegistryFile, readRecords, type FileEnd, type RegistryFile } from './registry-file';
import { checkHeader, checkRow, type FileHeader } from './registry-row';
import { parseDeclaration } from './file-declaration';
import { lastAppliedFile, orderDecision } from './import-order';
import { previewImport, type ImportPreview } from './import-preview';
import { checkSignature } from './signature';
import { strikeOffQuestion } from './strike-guard';
import type { ImportRequest } from './import-request';
import { frenchNumberFormat } from '../../../shared/lib/french-number';

export interface ImportHooks {
  progress(done: number, total: number | null, label: string): void;
  signal: AbortSignal;
}

type ImportRow = Selectable<RegistryImportTable>;
/** What one committed batch added to the import's counts, and the file line it ended on. */
type BatchCounts = Pick<BatchOutcome, 'inserted' | 'updated' | 'unchanged'> & { rejected: number; lastLine: number };

/** Rows per transaction: large enough to be fast, small enough that the desk's lookups are not held up. */
export const BATCH_ROWS = 5000;
/** Checked batches the reading worker may hold ready: enough to never starve the writes, few for memory. */
const BATCHES_AHEAD = 2;
const STRIKE_CHUNK = 2000;
/** A running import that has not written for this long has died (crash, power cut) and may be taken over. */
const STALE_AFTER_MS = 2 * 60_000;

const fr = frenchNumberFormat();
const n = (value: number) => fr.format(value);

const SIGNATURE_REFUSALS: Partial<Record<SignatureStatus, string>> = {
  missing:
    'Fichier refusé : il n’est pas signé (fichier .sig absent) alors qu’une clé publique de l’ANAM est configurée. Joignez la signature fournie avec le fichier.',
  invalid:
    'Fichier refusé : sa signature ne correspond pas à la clé publique de l’ANAM. Le fichier a pu être modifié : demandez un nouvel exemplaire à l’ANAM.',
};

const FULL_NEEDS_PROOF =
  'Import complet refusé : rien ne prouve que le fichier est entier (ni signature de l’ANAM vérifiée, ni ligne de fin « #FIN;N » donnant le nombre d’enregistrements). ' +
  'Un fichier coupé radierait à tort toutes les personnes absentes de la partie manquante. Importez-le en mode mise à jour, ou demandez à l’ANAM un fichier signé ou terminé par sa ligne de fin. Aucune donnée du registre n’a été modifiée.';

/**
 * Imports a registry file: checks it (signature, gzip, CSV, header; every row first in strict
 * mode), applies it in batched transactions that record where they stand (a restarted import of
 * the same file continues), strikes off the absents of a full import, and records the history.
 */
export async function importRegistry(deps: CoreDeps, request: ImportRequest, hooks: ImportHooks): Promise<ImportResult> {
  const signaturePath = request.signaturePath ?? `${request.path}.sig`;
  const copy = await privateCopy(deps.files.workDir, request.path, signaturePath).catch((error: unknown) => {
    throw describeReadError(error, false);
  });
  try {
    return await importCopy(deps, request, copy.path, copy.sha256, copy.signature, hooks);
  } finally {
    await copy.dispose();
  }
}

/** The import proper, of the private copy only (its hash and signature text taken once). */
async function importCopy(
  deps: CoreDeps,
  request: ImportRequest,
  path: string,
  sha256: string,
  signatureText: string | null,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const db = deps.handle.db;
  const now = () => deps.clock.now().toISOString();
  const file = await openRegistryFile(path);
  const base = { file_name: request.fileName, sha256, mode: request.mode, strict: request.strict ? 1 : 0, by_login: request.by } as const;

  // A misconfigured key is the facility's problem, not the file's: refused before any history row.
  const signature = await checkSignature(path, signatureText, await getSetting(db, 'anam.publicKey'));
  const refusal = SIGNATURE_REFUSALS[signature];
  if (refusal) {
    await recordRefusal(db, { ...base, signature, started_at: now() }, refusal);
    throw new DomainError('REFUSED', refusal);
  }

  const declared = file.declaration === null ? null : parseDeclaration(file.declaration);
  const declaration = declared?.ok ? declared.declaration : null;
  const series = { extract_date: declaration?.extractDate ?? null, sequence: declaration?.sequence ?? null };
  if (declared && !declared.ok) {
    await recordRefusal(db, { ...base, signature, ...series, started_at: now() }, declared.message);
    throw new DomainError('INVALID_INPUT', declared.message);
  }
  const order = orderDecision(declaration, await lastAppliedFile(db), sha256, request.acceptGap === true);
  if (order.kind !== 'apply') {
    await recordRefusal(db, { ...base, signature, ...series, started_at: now() }, order.message);
    if (order.kind === 'refuse') throw new DomainError('REFUSED', order.message);
    throw new DomainError('CONFLICT', order.message, { acceptGap: 'Confirmez l’application malgré les mises à jour manquantes' });
  }

  const { row: job, resumed } = await startOrResume(deps, { ...base, signature, ...series });
  const run = new ImportRun(deps, job, file, hooks);
  try {
    const { header, records } = await run.checkPass(
      request.strict && job.phase === 'checking',
      request.mode === 'full' && signature !== 'valid',
    );
    await run.addWarnings(order.warnings);
    if (request.dryRun) return { ...(await run.dryRun(header, request.mode)), resumed: false };
    // A resumed import was looked at when it started; a first import has no one to strike off.
    if (request.mode === 'full' && !resumed && !(await run.registryEmpty())) await run.guardStrikeOff(header, request.force === true);
    await run.applyPass(header, records);
    await run.indexPass();
    if (request.mode === 'full') await run.strikePass();
    await run.finish();
  } catch (error) {
    await run.stop(error);
    throw error;
  }
  return { ...(await run.result(signature)), resumed };
}

/** What identifies an import in the history: the file, how it is imported, by whom. */
interface ImportIdentity {
  file_name: string;
  sha256: string;
  mode: ImportMode;
  strict: 0 | 1;
  by_login: string;
  signature: SignatureStatus;
  extract_date?: string | null;
  sequence?: number | null;
}

async function recordRefusal(db: Kysely<Database>, values: ImportIdentity & { started_at: string }, message: string) {
  await db
    .insertInto('registry_import')
    .values({ ...values, status: 'refused', phase: 'finished', message, finished_at: values.started_at })
    .execute();
}

/**
 * One import at a time: a live one refuses the newcomer; a dead one (stale heartbeat) of the same
 * file in the same mode is continued, any other is closed as interrupted.
 */
async function startOrResume(deps: CoreDeps, values: ImportIdentity): Promise<{ row: ImportRow; resumed: boolean }> {
  const db = deps.handle.db;
  const now = deps.clock.now();
  const iso = now.toISOString();
  const running = await db.selectFrom('registry_import').selectAll().where('status', '=', 'running').executeTakeFirst();
  const lastSign = running ? Date.parse(running.heartbeat_at ?? running.started_at) : 0;
  if (running && now.getTime() - lastSign < STALE_AFTER_MS && !holderIsGone(running.holder)) {
    // Alive or just dead, nothing tells yet; the command line has no cancel, so say when it may be taken over.
    const takeOver = new Date(lastSign + STALE_AFTER_MS).toISOString().slice(11, 16);
    throw new DomainError(
      'CONFLICT',
      `Un import du registre est déjà en cours (« ${running.file_name} », lancé par ${running.by_login}) : attendez qu’il se termine. ` +
        `S’il a été interrompu (poste arrêté, commande coupée), relancez le même fichier à partir de ${takeOver} : l’import reprendra où il s’est arrêté.`,
    );
  }
  const latest = await db.selectFrom('registry_import').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  const sameFile =
    latest &&
    (latest.status === 'running' || latest.status === 'cancelled') &&
    latest.sha256 === values.sha256 &&
    latest.mode === values.mode &&
    latest.strict === values.strict;
  if (sameFile) {
    const taken = await db
      .updateTable('registry_import')
      .set({
        status: 'running',
        heartbeat_at: iso,
        holder: thisHolder(),
        message: null,
        by_login: values.by_login,
        signature: values.signature,
      })
      .where('id', '=', latest.id)
      .where('status', '=', latest.status)
      .where('heartbeat_at', latest.heartbeat_at === null ? 'is' : '=', latest.heartbeat_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new DomainError('CONFLICT', 'Un autre poste vient de reprendre cet import. Attendez sa fin.');
    return { row: { ...latest, status: 'running', heartbeat_at: iso, holder: thisHolder() }, resumed: true };
  }
  if (running) {
    await db
      .updateTable('registry_import')
      .set({
        status: 'interrupted',
        phase: 'finished',
        finished_at: iso,
        message: 'Interrompu (arrêt du poste), puis remplacé par un autre import.',
      })
      .where('id', '=', running.id)
      .execute();
  }
  try {
    const row = await db
      .insertInto('registry_import')
      .values({ ...values, status: 'running', phase: 'checking', started_at: iso, heartbeat_at: iso, holder: thisHolder() })
      .returningAll()
      .executeTakeFirstOrThrow();
    // What stopped imports met is no longer needed: none of them can be continued now.
    await db.deleteFrom('registry_import_seen').where('import_id', '<>', row.id).execute();
    return { row, resumed: false };
  } catch (error) {
    if (/unique|duplicate/i.test(String((error as Error)?.message))) {
      throw new DomainError('CONFLICT', 'Un autre poste vient de lancer un import du registre. Attendez sa fin.');
    }
    throw error;
  }
}

class ImportRun {
  readonly #db: Kysely<Database>;
  readonly #bulk = new BulkStatements();
  #counts: { inserted: number; updated: number; unchanged: number; struckOff: number; rejected: number };
  #linesDone: number;
  #strikeAfter: number;
  #total: number | null;
  #phase: ImportRow['phase'];
  #firstImport = false;
  /** The check pass found the file plain (registry-file.ts): the apply pass reads it the same way. */
  #plain = false;

  constructor(
    private readonly deps: CoreDeps,
    private readonly job: ImportRow,
    private readonly file: RegistryFile,
    private readonly hooks: ImportHooks,
  ) {
    this.#db = deps.handle.db;
    this.#counts = {
      inserted: job.inserted,
      updated: job.updated,
      unchanged: job.unchanged,
      struckOff: job.struck_off,
      rejected: job.rejected,
    };
    this.#linesDone = job.lines_done;
    this.#strikeAfter = job.strike_after_id;
    this.#total = job.lines_total;
    this.#phase = job.phase;
  }

  get #now(): string {
    return this.deps.clock.now().toISOString();
  }

  get #rowsDone(): number {
    const c = this.#counts;
    return c.inserted + c.updated + c.unchanged + c.rejected;
  }

  #cancelIfAsked(): void {
    if (this.hooks.signal.aborted) {
      throw new DomainError(
        'CANCELLED',
        `Import annulé après ${n(this.#rowsDone)} ligne(s) enregistrée(s). Relancez le même fichier pour reprendre où il s’est arrêté.`,
      );
    }
  }

  /** Steps keep one label each, so the window can measure their pace and tell the time left. */
  #report(step: 'Import des lignes' | 'Index de recherche' | 'Radiation des absents'): void {
    if (step === 'Import des lignes') this.hooks.progress(this.#rowsDone, this.#total, step);
    else if (step === 'Index de recherche') this.hooks.progress(0, null, step);
    else this.hooks.progress(this.#counts.struckOff, null, step);
  }

  /**
   * Reads the whole file once: encoding, CSV syntax, gzip integrity, header, row count, trailer;
   * in strict mode every row too. `needsTrailer`: a full import of a file whose signature was not
   * verified must prove it is whole by its trailer line, or a cut file would strike off the rest.
   */
  async checkPass(strictRows: boolean, needsTrailer: boolean): Promise<{ header: FileHeader; records: number }> {
    let header: FileHeader | null = null;
    let records = 0;
    let batch: BatchItem[] = [];
    const today = isoToday(this.deps.clock);
    this.hooks.progress(0, null, 'Vérification du fichier');
    const end: FileEnd = { trailer: null, plain: false };
    for await (const record of readRecords(this.file, { lines: strictRows, end })) {
      if (!header) {
        const checked = checkHeader(record.fields, this.file.delimiterName);
        if (!checked.ok) throw new DomainError('INVALID_INPUT', checked.message);
        header = checked.header;
        continue;
      }
      records++;
      if (strictRows) {
        batch.push({ line: record.line, check: checkRow(record.fields, header, today) });
        if (batch.length >= BATCH_ROWS) {
          await this.#screenStrict(batch);
          batch = [];
        }
      }
      if (records % 50_000 === 0) {
        this.#cancelIfAsked();
        this.hooks.progress(records, null, 'Vérification du fichier');
        // Still alive: another workstation must not take this import for dead.
        await this.#db.updateTable('registry_import').set({ heartbeat_at: this.#now }).where('id', '=', this.job.id).execute();
      }
    }
    if (!header) throw new DomainError('INVALID_INPUT', 'Fichier vide : la première ligne doit nommer les colonnes.');
    if (needsTrailer && end.trailer === null) throw new DomainError('INVALID_INPUT', FULL_NEEDS_PROOF);
    this.#plain = end.plain;
    if (strictRows && batch.length > 0) await this.#screenStrict(batch);
    this.#total = records;
    await this.#db
      .updateTable('registry_import')
      .set({ lines_total: records, warnings: JSON.stringify(header.warnings), heartbeat_at: this.#now })
      .where('id', '=', this.job.id)
      .execute();
    return { header, records };
  }

  /** Strict mode: the first bad or duplicate row refuses the whole file before anything is written. */
  async #screenStrict(batch: BatchItem[]): Promise<void> {
    const rejections = await this.#db.transaction().execute(async (trx) => {
      const { rejections } = await screenBatch(trx, this.deps.handle.features, this.#bulk, this.job.id, batch);
      return rejections;
    });
    const first = rejections.sort((a, b) => a.line - b.line)[0];
    if (first) {
      await this.#db
        .insertInto('registry_import_rejection')
        .values({ import_id: this.job.id, line: first.line, reason: first.reason })
        .execute();
      this.#counts.rejected = 1;
      throw new DomainError(
        'INVALID_INPUT',
        `Fichier refusé (mode strict), ligne ${first.line} : ${first.reason} Aucune donnée du registre n’a été modifiée.`,
      );
    }
  }

  async addWarnings(warnings: readonly string[]): Promise<void> {
    if (warnings.length === 0) return;
    const row = await this.#db.selectFrom('registry_import').select('warnings').where('id', '=', this.job.id).executeTakeFirstOrThrow();
    const all = [...warnings, ...(JSON.parse(row.warnings) as string[]).filter((w) => !warnings.includes(w))];
    await this.#db
      .updateTable('registry_import')
      .set({ warnings: JSON.stringify(all) })
      .where('id', '=', this.job.id)
      .execute();
  }

  async registryEmpty(): Promise<boolean> {
    return (await this.#db.selectFrom('person').select('id').limit(1).executeTakeFirst()) === undefined;
  }

  #preview(header: FileHeader, full: boolean): Promise<ImportPreview> {
    this.hooks.progress(0, this.#total, 'Essai à blanc');
    const { features } = this.deps.handle;
    return previewImport(this.#db, features, this.#bulk, this.job.id, this.file, header, full, isoToday(this.deps.clock));
  }

  /** Full mode: past the share of the registry a full import may strike off, the administrator must confirm. */
  async guardStrikeOff(header: FileHeader, force: boolean): Promise<void> {
    const preview = await this.#preview(header, true);
    const question = strikeOffQuestion(
      preview.struckOff,
      preview.notStruckOff,
      await getSetting(this.#db, 'registry.maxStrikeOffPercent'),
      force,
    );
    if (question) throw new DomainError('CONFLICT', question, { force: 'Confirmez la radiation des absents' });
    if (force && preview.struckOff > 0) {
      await this.addWarnings([`Radiation de ${n(preview.struckOff)} absent(s) confirmée par l’administrateur.`]);
    }
  }

  /** Records what the file would change, as a finished dry run in the history, and answers it. */
  async dryRun(header: FileHeader, mode: ImportMode): Promise<Omit<ImportResult, 'resumed'>> {
    const preview = await this.#preview(header, mode === 'full');
    const at = this.#now;
    await this.#db
      .updateTable('registry_import')
      .set({
        status: 'dry_run',
        phase: 'finished',
        message: 'Essai à blanc : rien n’a été modifié.',
        inserted: preview.inserted,
        updated: preview.updated,
        unchanged: preview.unchanged,
        struck_off: preview.struckOff,
        rejected: preview.rejected,
        finished_at: at,
        heartbeat_at: at,
      })
      .where('id', '=', this.job.id)
      .execute();
    const row = await this.#db.selectFrom('registry_import').selectAll().where('id', '=', this.job.id).executeTakeFirstOrThrow();
    return {
      importId: this.job.id,
      inserted: preview.inserted,
      updated: preview.updated,
      unchanged: preview.unchanged,
      struckOff: preview.struckOff,
      rejected: [],
      rejectedCount: preview.rejected,
      warnings: JSON.parse(row.warnings) as string[],
      signature: row.signature as SignatureStatus,
      dryRun: true,
      extractDate: row.extract_date,
      sequence: row.sequence === null ? null : Number(row.sequence),
    };
  }

  /** Applies the rows after the last committed line, one transaction per batch. */
  async applyPass(header: FileHeader, records: number): Promise<void> {
    if (this.#phase === 'indexing' || this.#phase === 'striking' || this.#phase === 'finished') return;
    this.#phase = 'applying';
    await this.#db.updateTable('registry_import').set({ phase: 'applying' }).where('id', '=', this.job.id).execute();
    this.#total = records;
    this.#report('Import des lignes');
    this.#firstImport = await this.#registryHoldsOnlyThisImport();
    // The whole registry is to be written: its indexes are built once at the end (indexPass).
    if (this.#firstImport) await this.deps.handle.features.personIndexes.setAside(this.#db);
    // A worker thread reads and checks the next batches while this one writes: parsing and the
    // database then overlap on two cores. Batches still commit one after the other, in file order.
    // A file of one batch has nothing to overlap: read here, without starting a thread.
    const stageDir =
      this.#firstImport && this.deps.handle.features.stagedFirstImport && builtinSqlite()
        ? await mkdtemp(join(this.deps.files.workDir, 'lignes-'))
        : null;
    const task = {
      file: this.file,
      plain: this.#plain,
      header,
      today: isoToday(this.deps.clock),
      afterLine: this.#linesDone,
      batchRows: BATCH_ROWS,
      stageDir,
    };
    const batches = records - this.#rowsDone > BATCH_ROWS ? checkedBatches({ ...task, ahead: BATCHES_AHEAD }) : readBatches(task);
    let writing: Promise<unknown> | null = null;
    // A cancel is heard between batches; once the last one is written the import goes on to its end.
    const settle = async (last = false) => {
      if (!writing) return;
      const failure = await writing;
      writing = null;
      if (failure) throw failure;
      this.#report('Import des lignes');
      if (!last) this.#cancelIfAsked();
    };
    try {
      for await (const batch of batches) {
        await settle();
        writing = this.#commitBatch(batch).then(
          () => null,
          (error: unknown) => error ?? new Error('échec de l’écriture'),
        );
      }
      await settle(true);
    } finally {
      // Whatever stopped the reading, the batch being written ends before the import is closed.
      await writing;
      if (stageDir) await rm(stageDir, { recursive: true, force: true });
    }
    this.#report('Import des lignes');
  }

  /** True on a first import (the national case), also when it continues after a stop. */
  async #registryHoldsOnlyThisImport(): Promise<boolean> {
    const other = await this.#db
      .selectFrom('person')
      .select('id')
      .where((eb) => eb.or([eb('import_id', 'is', null), eb('import_id', '<>', this.job.id)]))
      .limit(1)
      .executeTakeFirst();
    return other === undefined;
  }

  async #commitBatch(batch: ReadBatch): Promise<void> {
    const at = this.#now;
    const outcome =
      batch.kind === 'staged' ? await this.#commitStaged(batch.file, batch.lastLine, at) : await this.#commitRows(batch.items, at);
    this.#counts.inserted += outcome.inserted;
    this.#counts.updated += outcome.updated;
    this.#counts.unchanged += outcome.unchanged;
    this.#counts.rejected += outcome.rejected;
    this.#linesDone = outcome.lastLine;
  }

  async #commitRows(batch: BatchItem[], at: string): Promise<BatchCounts> {
    const { features } = this.deps.handle;
    const lastLine = batch[batch.length - 1]!.line;
    return this.#db.transaction().execute(async (trx) => {
      const { valid, rejections } = await screenBatch(trx, features, this.#bulk, this.job.id, batch);
      const written = await writeRows(trx, features, this.#bulk, this.job.id, at, valid, this.#firstImport);
      for (let i = 0; i < rejections.length; i += 1000) {
        await trx
          .insertInto('registry_import_rejection')
          .values(rejections.slice(i, i + 1000).map((r) => ({ import_id: this.job.id, line: r.line, reason: r.reason })))
          .execute();
      }
      const counts = { ...written, rejected: rejections.length, lastLine };
      await this.#recordProgress(trx, counts, at);
      return counts;
    });
  }

  /** A batch the reading thread staged to `file`: attached (outside any transaction, as SQLite requires) and copied. */
  async #commitStaged(file: string, lastLine: number, at: string): Promise<BatchCounts> {
    await sql`attach database ${file} as staged`.execute(this.#db);
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const counts = { ...(await applyStagedBatch(trx, this.job.id, at)), lastLine };
        await this.#recordProgress(trx, counts, at);
        return counts;
      });
    } finally {
      await sql`detach database staged`.execute(this.#db);
      await rm(file, { force: true });
    }
  }

  async #recordProgress(trx: Kysely<Database>, counts: BatchCounts, at: string): Promise<void> {
    await trx
      .updateTable('registry_import')
      .set((eb) => ({
        inserted: eb('inserted', '+', counts.inserted),
        updated: eb('updated', '+', counts.updated),
        unchanged: eb('unchanged', '+', counts.unchanged),
        rejected: eb('rejected', '+', counts.rejected),
        lines_done: counts.lastLine,
        heartbeat_at: at,
      }))
      .where('id', '=', this.job.id)
      .execute();
  }

  /**
   * Builds the person indexes a first import set aside (see PersonIndexes). Stopped, it starts
   * again at this phase; a cancel is heard between its steps.
   */
  async indexPass(): Promise<void> {
    if (this.#phase === 'striking' || this.#phase === 'finished') return;
    const indexes = this.deps.handle.features.personIndexes;
    if (!(await indexes.setAsideNow(this.#db))) return;
    this.#report('Index de recherche');
    if (this.#phase !== 'indexing') {
      this.#phase = 'indexing';
      await this.#db.updateTable('registry_import').set({ phase: 'indexing' }).where('id', '=', this.job.id).execute();
    }
    await indexes.build(this.#db, async () => {
      // Still alive between steps that may take a minute each on the national registry.
      await this.#db.updateTable('registry_import').set({ heartbeat_at: this.#now }).where('id', '=', this.job.id).execute();
      this.#cancelIfAsked();
    });
  }

  /** Full mode: everyone not met in the file and not yet struck off becomes `radie` as of now. */
  async strikePass(): Promise<void> {
    const { features } = this.deps.handle;
    if (this.#phase !== 'striking') {
      this.#phase = 'striking';
      await this.#db.updateTable('registry_import').set({ phase: 'striking' }).where('id', '=', this.job.id).execute();
    }
    // Everyone in the registry came from this file: no one is absent (a scan of the whole table saved).
    if (this.#firstImport) return;
    for (;;) {
      const at = this.#now;
      const done = await this.#db.transaction().execute(async (trx) => {
        const absents = await nextAbsents(trx, this.job.id, this.#strikeAfter, STRIKE_CHUNK);
        if (absents.length === 0) return true;
        await strikeOff(trx, features, this.#bulk, this.job.id, at, absents);
        const after = Number(absents[absents.length - 1]!.id);
        await trx
          .updateTable('registry_import')
          .set((eb) => ({ struck_off: eb('struck_off', '+', absents.length), strike_after_id: after, heartbeat_at: at }))
          .where('id', '=', this.job.id)
          .execute();
        this.#counts.struckOff += absents.length;
        this.#strikeAfter = after;
        return false;
      });
      this.#report('Radiation des absents');
      if (done) return;
      this.#cancelIfAsked();
    }
  }

  async finish(): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('registry_import')
        .set({ status: 'done', phase: 'finished', finished_at: this.#now, heartbeat_at: this.#now })
        .where('id', '=', this.job.id)
        .execute();
      await trx.deleteFrom('registry_import_seen').where('import_id', '=', this.job.id).execute();
    });
  }

  /**
   * Records why the import stopped. A refused file leaves the registry as it was; a cancelled
   * import keeps what it met so the same file continues later; after a failure the same file is
   * imported again from the start, which is safe (rows already applied come out unchanged). A
   * crash leaves the import `running` with an old heartbeat: the same file then continues it.
   */
  async stop(error: unknown): Promise<void> {
    const at = this.#now;
    if (error instanceof DomainError && error.code === 'CANCELLED') {
      const message = error.message;
      await this.#db
        .updateTable('registry_import')
        .set({ status: 'cancelled', message, heartbeat_at: at })
        .where('id', '=', this.job.id)
        .execute();
      return;
    }
    if (error instanceof DomainError && this.#phase === 'checking') {
      const message = error.message;
      await this.#db.transaction().execute(async (trx) => {
        await trx
          .updateTable('registry_import')
          .set({ status: 'refused', phase: 'finished', message, finished_at: at, rejected: this.#counts.rejected })
          .where('id', '=', this.job.id)
          .execute();
        await trx.deleteFrom('registry_import_seen').where('import_id', '=', this.job.id).execute();
      });
      return;
    }
    // The technical detail goes to the log; the history says what to do, in French.
    this.deps.log.error(`import du registre n° ${this.job.id} interrompu`, error);
    await this.#db
      .updateTable('registry_import')
      .set({
        status: 'failed',
        message: 'Erreur inattendue pendant l’import. Relancez le même fichier : les lignes déjà enregistrées ressortiront inchangées.',
        finished_at: at,
      })
      .where('id', '=', this.job.id)
      .execute()
      .catch(() => undefined);
  }

  async result(signature: SignatureStatus): Promise<Omit<ImportResult, 'resumed'>> {
    const row = await this.#db.selectFrom('registry_import').selectAll().where('id', '=', this.job.id).executeTakeFirstOrThrow();
    const rejected: Rejection[] = await this.#db
      .selectFrom('registry_import_rejection')
      .select(['line', 'reason'])
      .where('import_id', '=', this.job.id)
      .orderBy('line')
      .limit(REJECTIONS_RETURNED)
      .execute();
    return {
      importId: this.job.id,
      inserted: row.inserted,
      updated: row.updated,
      unchanged: row.unchanged,
      struckOff: row.struck_off,
      rejected: rejected.map((r) => ({ line: Number(r.line), reason: r.reason })),
      rejectedCount: row.rejected,
      warnings: JSON.parse(row.warnings) as string[],
      signature,
      dryRun: false,
      extractDate: row.extract_date,
      sequence: row.sequence === null ? null : Number(row.sequence),
    };
  }
}
