import type { MonthEndChecklist as Checklist } from '../../../../shared/domain/claims';
import { formatNumber } from '../../lib/format';

const PERIOD_LABELS: Record<Checklist['period'], string> = {
  futur: 'Le mois n’a pas commencé',
  en_cours: 'Le mois n’est pas terminé',
  dernier_jour: 'Dernier jour du mois',
  termine: 'Mois terminé',
};

interface Item {
  label: string;
  value: string;
  ok: boolean;
  hint: string;
}

/** What the manager reviews before signing the month: each item is green when nothing stands in the way. */
export function MonthEndChecklist({ checklist, earlyReason }: { checklist: Checklist; earlyReason: string | null }) {
  const items: Item[] = [
    {
      label: 'Période',
      value: PERIOD_LABELS[checklist.period],
      ok: checklist.periodRefusal === null,
      hint: checklist.periodRefusal ?? (earlyReason ? `Construite avant la fin du mois : ${earlyReason}` : 'Le mois peut être signé.'),
    },
    {
      label: 'Épisodes encore ouverts',
      value: formatNumber(checklist.openEpisodes),
      ok: checklist.openEpisodes === 0,
      hint: checklist.openEpisodes === 0 ? 'Tous clos.' : 'Clôturez-les à l’accueil puis reconstruisez, ou ils iront au mois suivant.',
    },
    {
      label: 'Clôtures tardives',
      value: formatNumber(checklist.lateClosures),
      ok: true,
      hint:
        checklist.lateClosures === 0
          ? 'Aucun épisode d’un mois déjà signé.'
          : 'Épisodes d’un mois déjà signé, clos depuis : ils sont facturés ici, marqués « clôture tardive ».',
    },
    {
      label: 'Contrôles non résolus',
      value: `${formatNumber(checklist.unresolvedChecks)} dont ${formatNumber(checklist.blocking)} bloquant(s)`,
      ok: checklist.blocking === 0,
      hint: checklist.blocking === 0 ? 'Rien ne bloque la signature.' : 'Corrigez ou excluez les lignes signalées.',
    },
  ];
  return (
    <section className="card" aria-labelledby="claim-checklist">
      <h2 id="claim-checklist">Avant de signer</h2>
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.label} className={item.ok ? 'state-ok' : 'state-bad'}>
            <span aria-hidden="true">{item.ok ? '✔' : '✘'}</span> <strong>{item.label}</strong> : {item.value}
            <small className="line-note">{item.hint}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
