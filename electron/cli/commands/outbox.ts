import { resolve } from 'node:path';
import { OUTBOX_STATUS_LABELS } from '../../../shared/domain/outbox';
import { UsageError, type CliCommand } from '../command';

export const outboxStatusCommand: CliCommand = {
  name: 'outbox status',
  summary: 'état de la file d’envoi à l’ANAM (en attente, reçues, abandonnées, dernière erreur)',
  usage: 'outbox status [--json]',
  async run(ctx) {
    const status = await ctx.call('outbox.status', {});
    const lines = status.messages
      .filter((m) => m.status !== 'livre')
      .map(
        (m) =>
          `  n° ${m.id} ${m.claim} – ${OUTBOX_STATUS_LABELS[m.status]}, ${m.attempts} tentative(s)` +
          `${m.retries > 0 ? `, renvoyée ${m.retries} fois` : ''}${m.lastError ? ` : ${m.lastError}` : ''}`,
      );
    const text = [
      `${status.pending} en attente d’envoi (dont ${status.exported} exportée(s) sur clé USB), ${status.delivered} reçue(s) par l’ANAM, ` +
        `${status.failed} abandonnée(s), ${status.superseded} remplacée(s) par une version plus récente.`,
      `Dernier envoi réussi : ${status.lastSuccessAt ?? 'aucun'}.`,
      ...lines,
    ].join('\n');
    const json = {
      pending: status.pending,
      delivered: status.delivered,
      failed: status.failed,
      exported: status.exported,
      superseded: status.superseded,
      messages: status.messages.map(({ id, claim, key, status, attempts, retries, lastError }) => ({
        id,
        claim,
        key,
        status,
        attempts,
        retries,
        lastError,
      })),
    };
    return { json, text };
  },
};

export const outboxSendCommand: CliCommand = {
  name: 'outbox send',
  summary: 'envoie maintenant les réclamations en attente (--until-empty : jusqu’à ce que la file soit vide)',
  usage: 'outbox send [--until-empty]',
  options: { 'until-empty': { type: 'boolean' } },
  async run(ctx, { values }) {
    const report = await ctx.call('outbox.send', { untilEmpty: values['until-empty'] === true });
    if (!report.configured) {
      return {
        json: report,
        text: 'Adresse de l’ANAM non réglée : ramed settings set anam.endpoint https://… (et anam.token).',
        exitCode: 1,
      };
    }
    return {
      json: report,
      text: `${report.attempted} tentative(s) : ${report.delivered} reçue(s) par l’ANAM, ${report.failed} échec(s) ; ${report.pending} en attente.`,
      exitCode: report.pending > 0 ? 1 : 0,
    };
  },
};

export const outboxExportCommand: CliCommand = {
  name: 'outbox export',
  summary: 'écrit les réclamations pas encore envoyées dans un dossier (clé USB), un fichier JSON par réclamation et un manifeste',
  usage: 'outbox export DOSSIER',
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const report = await ctx.call('outbox.export', { folder: resolve(positionals[0]!) });
    return {
      json: report,
      text: [
        `${report.files} réclamation(s) écrite(s) dans ${report.folder}`,
        `Manifeste : manifest.json (SHA-256 ${report.manifestSha256})`,
        'Elles restent en attente jusqu’à la réponse de l’ANAM (ramed claims import-response FICHIER).',
      ].join('\n'),
    };
  },
};

export const outboxRetryCommand: CliCommand = {
  name: 'outbox retry',
  summary:
    'remet dans la file une réclamation abandonnée (n° donné par outbox status), ou toutes avec --all, pour une nouvelle série de tentatives',
  usage: 'outbox retry ID|--all --reason "MOTIF"',
  positionals: { min: 0, max: 1 },
  options: { reason: { type: 'string' }, all: { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const reason = typeof values.reason === 'string' ? values.reason : '';
    const id = positionals[0];
    if (values.all === true) {
      if (id !== undefined) throw new UsageError('Donnez un numéro de réclamation ou --all, pas les deux.');
      const report = await ctx.call('outbox.retryAll', { reason });
      if (report.requeued === 0) {
        return {
          json: report,
          text: 'Aucune réclamation abandonnée à renvoyer (celles remplacées par une version plus récente ne partent jamais).',
          exitCode: 1,
        };
      }
      return {
        json: report,
        text: `${report.requeued} réclamation(s) abandonnée(s) remise(s) en file d’envoi (tentatives déjà faites conservées) : ramed outbox send pour les envoyer maintenant.`,
      };
    }
    if (id === undefined)
      throw new UsageError('Numéro de réclamation attendu (voir ramed outbox status), ou --all pour toutes les abandonnées.');
    if (!/^\d+$/.test(id)) throw new UsageError(`Numéro de réclamation attendu (voir ramed outbox status), pas « ${id} ».`);
    const view = await ctx.call('outbox.retry', { messageId: Number(id), reason });
    return {
      json: view,
      text: `${view.claim} remise en file d’envoi (${view.attempts} tentative(s) déjà faites, conservées) : ramed outbox send pour l’envoyer maintenant.`,
    };
  },
};
