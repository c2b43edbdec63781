import { stringify } from 'csv-stringify/sync';
import { frenchDate } from '../../../shared/lib/dates';
import { EPISODE_STATUS_LABELS, EPISODE_TYPE_LABELS } from '../../../shared/domain/episodes';
import type { GeneratedFile } from '../../../shared/contract/files';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import { allEpisodes, type EpisodeFilter } from './list';

/** The episodes a filter selects as a CSV a French spreadsheet opens as is (`;`, BOM, dates JJ/MM/AAAA). */
export async function exportEpisodes(ctx: ServiceContext, filter: EpisodeFilter): Promise<GeneratedFile> {
  const rows = await allEpisodes(ctx.db, filter);
  const records = [
    [
      'N° d’épisode',
      'Ouvert le',
      'Heure',
      'Fin des soins',
      'Patient',
      'Récépissé',
      'Type',
      'Urgence',
      'Statut',
      'Actes',
      'Médicaments',
      'Total RAMED (FCFA)',
    ],
    ...rows.map((r) => [
      r.number,
      frenchDate(r.openedAt),
      r.openedAt.slice(11, 16),
      r.endedOn ? frenchDate(r.endedOn) : '',
      r.patientName,
      r.recepisse,
      EPISODE_TYPE_LABELS[r.type],
      r.emergency ? 'oui' : 'non',
      EPISODE_STATUS_LABELS[r.status],
      r.activeLines,
      r.activeMedicines,
      r.ramedTotal,
    ]),
  ];
  const text = '\uFEFF' + stringify(records, { delimiter: ';' });
  return {
    fileName: `episodes-${isoToday(ctx.clock)}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
