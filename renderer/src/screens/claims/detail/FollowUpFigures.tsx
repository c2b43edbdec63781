import type { ClaimFollowUpView } from '../../../../../shared/domain/claim-responses';
import { formatDate, formatFcfa } from '../../../lib/format';

type FollowUp = NonNullable<ClaimFollowUpView['claim']['followUp']>;

/** A signed version in figures: claimed, accepted, rejected, unanswered, paid, still owed, when sent and how long ago. */
export function FollowUpFigures({ followUp: f }: { followUp: FollowUp }) {
  return (
    <dl className="claim-figures follow-figures">
      <div>
        <dt>Réclamé</dt>
        <dd>{formatFcfa(f.claimed)}</dd>
      </div>
      <div>
        <dt>Accepté</dt>
        <dd className="state-ok">{formatFcfa(f.accepted)}</dd>
      </div>
      <div>
        <dt>Rejeté</dt>
        <dd className={f.rejected > 0 ? 'state-bad' : undefined}>{formatFcfa(f.rejected)}</dd>
      </div>
      <div>
        <dt>Sans réponse</dt>
        <dd>{formatFcfa(f.claimed - f.answered)}</dd>
      </div>
      <div>
        <dt>Payé</dt>
        <dd>{formatFcfa(f.paid)}</dd>
      </div>
      <div>
        <dt>Reste à payer</dt>
        <dd>{formatFcfa(f.outstanding)}</dd>
      </div>
      <div>
        <dt>Envoyée le</dt>
        <dd>{f.sentAt ? formatDate(f.sentAt) : 'pas encore'}</dd>
      </div>
      {f.daysSinceSent !== null ? (
        <div>
          <dt>Délai</dt>
          <dd className={f.overdue ? 'state-bad' : undefined}>
            {f.daysSinceSent} j{f.overdue ? ', en retard' : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
