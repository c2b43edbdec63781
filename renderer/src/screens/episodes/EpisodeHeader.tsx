import { EPISODE_TYPE_LABELS, IDENTITY_DOCUMENT_LABELS, type EpisodeView } from '../../../../shared/domain/episodes';
import { formatBirth, formatDate, formatDateTime, formatFcfa } from '../../lib/format';
import { StatusBadge } from './StatusBadge';
import { formatRecepisse, personName } from '../../../../shared/domain/registry';

const QUALITY_LABELS: Record<string, string> = {
  titulaire: 'Titulaire',
  conjoint: 'Conjoint(e)',
  enfant: 'Enfant',
  admis_de_droit: 'Admis de droit',
};

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function identity(episode: EpisodeView): string {
  const document = IDENTITY_DOCUMENT_LABELS[episode.identityDocument];
  const number = episode.identityNumber ? ` n° ${episode.identityNumber}` : '';
  const match = episode.identityMatches === null ? '' : episode.identityMatches ? ', concordante' : ', NON concordante';
  return `${document}${number}${match}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** What the total is made of: acts and medicines, each with its amount when both are present. */
export function totalsNote(episode: EpisodeView): string {
  const t = episode.totals;
  const acts = plural(t.activeLines, 'acte', 'actes');
  const medicines = plural(t.activeMedicines, 'médicament', 'médicaments');
  const parts =
    t.activeMedicines > 0 ? `${acts} (${formatFcfa(t.acts)}) · ${medicines} (${formatFcfa(t.medicines)})` : `${acts} · ${medicines}`;
  return t.programme > 0 ? `${parts} · ${formatFcfa(t.programme)} hors RAMED (césarienne)` : parts;
}

/** Who the patient is and how the episode was opened, readable at a glance. */
export function EpisodeHeader({ episode }: { episode: EpisodeView }) {
  const p = episode.patient;
  const referral = episode.referralFrom
    ? `Référé par ${episode.referralFrom}${episode.referralRef ? ` (réf. ${episode.referralRef})` : ''}`
    : null;
  return (
    <section className="card episode-header" aria-label="Patient et épisode">
      <div>
        <h2 className="patient-name" tabIndex={-1}>
          {personName(p.familyName, p.givenNames)}
        </h2>
        <dl className="facts">
          <dt>Récépissé</dt>
          <dd className="mono">{formatRecepisse(p.recepisse)}</dd>
          <dt>Sexe, âge</dt>
          <dd>
            {p.sex === 'F' ? 'Féminin' : 'Masculin'}, {p.birthYearOnly ? 'environ ' : ''}
            {ageOn(p.birthDate, episode.openedAt.slice(0, 10))} ans (né{p.sex === 'F' ? 'e' : ''} {p.birthYearOnly ? '' : 'le '}
            {formatBirth(p.birthDate, p.birthYearOnly)})
          </dd>
          <dt>Qualité</dt>
          <dd>
            {p.quality === null ? 'Absent du registre (demande d’immatriculation)' : (QUALITY_LABELS[p.quality] ?? p.quality)}
            {p.holderRecepisse ? ` (titulaire ${formatRecepisse(p.holderRecepisse)})` : ''}
          </dd>
        </dl>
      </div>
      <div>
        <h2>
          <span className="mono">{episode.number}</span> <StatusBadge status={episode.status} />
        </h2>
        <dl className="facts">
          <dt>Type</dt>
          <dd>
            {EPISODE_TYPE_LABELS[episode.type]}
            {episode.emergency && episode.type !== 'urgence' ? ' (urgence)' : ''}
            {referral ? ` · ${referral}` : ''}
          </dd>
          {episode.unregistered ? (
            <>
              <dt>Hors registre</dt>
              <dd className="warning-text" role="note" aria-label="Admission en urgence hors registre">
                Admis en urgence hors registre (demande n° {episode.unregistered.registrationRequestId}) : à régulariser au plus tard le{' '}
                {formatDate(episode.unregistered.deadline)}
                {episode.unregistered.reason ? ` · motif : ${episode.unregistered.reason}` : ''}
              </dd>
            </>
          ) : null}
          <dt>Ouvert le</dt>
          <dd>
            {formatDateTime(episode.openedAt)} par {episode.openedBy}
          </dd>
          <dt>Identité</dt>
          <dd>{identity(episode)}</dd>
          {episode.status === 'clos' ? (
            <>
              <dt>Clos</dt>
              <dd>
                fin des soins le {formatDate(episode.endedOn)}, clos le {formatDateTime(episode.closedAt)} par {episode.closedBy}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="episode-total" aria-label="Total RAMED">
        <span className="muted">Total RAMED</span>
        <strong>{formatFcfa(episode.totals.ramed)}</strong>
        <span className="muted small">{totalsNote(episode)}</span>
      </div>
    </section>
  );
}
