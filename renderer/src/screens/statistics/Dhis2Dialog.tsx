import { useEffect, useRef } from 'react';
import type { Dhis2Preview, Dhis2Send } from '../../../../shared/domain/dhis2';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { OutcomeBanner } from '../../components/OutcomeBanner';
import { downloadFile } from '../../lib/files';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';

type Value = Dhis2Preview['values'][number];

const VALUE_COLUMNS: DataColumn<Value>[] = [
  { key: 'label', header: 'Indicateur', value: (v) => v.label },
  {
    key: 'dataElement',
    header: 'Élément de données',
    value: (v) => v.dataElement,
    render: (v) => <span className="mono">{v.dataElement}</span>,
  },
  {
    key: 'coc',
    header: 'Combinaison',
    value: (v) => v.categoryOptionCombo ?? 'par défaut',
    render: (v) => (v.categoryOptionCombo ? <span className="mono">{v.categoryOptionCombo}</span> : 'par défaut'),
  },
  { key: 'value', header: 'Valeur', value: (v) => v.value, kind: 'number', width: '7rem' },
];

const STATUS_LABELS: Record<Dhis2Send['status'], string> = {
  SUCCESS: 'Importé',
  WARNING: 'Importé avec conflits',
  ERROR: 'Refusé',
};

const SEND_COLUMNS: DataColumn<Dhis2Send>[] = [
  { key: 'at', header: 'Quand', value: (s) => s.sentAt, render: (s) => formatDateTime(s.sentAt), width: '9.5rem' },
  { key: 'by', header: 'Par', value: (s) => s.by, width: '7rem' },
  { key: 'mode', header: 'Mode', value: (s) => (s.dryRun ? 'Essai' : 'Envoi'), width: '5rem' },
  { key: 'status', header: 'Résultat', value: (s) => `${STATUS_LABELS[s.status]} (HTTP ${s.httpStatus})`, width: '12rem' },
  {
    key: 'counts',
    header: 'Importées / mises à jour / ignorées',
    value: (s) => `${s.imported} / ${s.updated} / ${s.ignored}`,
    width: '9rem',
  },
  {
    key: 'conflicts',
    header: 'Conflits',
    value: (s) => s.conflicts.map((c) => `${c.object} : ${c.value}`).join(' ; ') || null,
    render: (s) => <span className="wrap">{s.conflicts.map((c) => `${c.object} : ${c.value}`).join(' ; ') || '—'}</span>,
  },
];

function outcome(sent: Dhis2Send): { tone: 'ok' | 'warn'; text: string } {
  const counts = `${formatNumber(sent.imported)} importée(s), ${formatNumber(sent.updated)} mise(s) à jour, ${formatNumber(sent.ignored)} ignorée(s)`;
  const trial = sent.dryRun ? 'Essai : le DHIS2 a vérifié sans rien enregistrer. ' : '';
  if (sent.status === 'SUCCESS') return { tone: 'ok', text: `${trial}Le DHIS2 a tout accepté : ${counts}.` };
  if (sent.status === 'WARNING')
    return {
      tone: 'warn',
      text: `${trial}Le DHIS2 a accepté une partie : ${counts}. ${sent.conflicts.length} conflit(s) à faire corriger par le district (voir les envois ci-dessous).`,
    };
  return { tone: 'warn', text: `${trial}Le DHIS2 a tout refusé : ${sent.conflicts[0]?.value ?? 'voir l’historique'}.` };
}

const NO_SENDS: Dhis2Send[] = [];

/**
 * The month's figures for the district's DHIS2: what will be sent and where, the JSON file, a
 * trial (DHIS2 checks without saving), the send, and every send of the month with DHIS2's answer.
 */
export function Dhis2Dialog({ month, onClose }: { month: string; onClose(): void }) {
  const preview = useQuery('statistics.snisPreview', { month });
  const history = useQuery('statistics.snisSends', { month });
  const send = useCommand('statistics.snisSend');
  const data = preview.data;
  const sends = history.data ?? NO_SENDS;
  const sendButton = useRef<HTMLButtonElement>(null);
  // The figures come after the dialog opened (focused on its close button): the send takes the focus then.
  useEffect(() => {
    if (data) sendButton.current?.focus();
  }, [data]);

  async function post(dryRun: boolean) {
    await send.run({ month, dryRun });
    history.reload();
  }

  const result = send.result ? outcome(send.result) : null;
  return (
    <Dialog title={`Envoi au DHIS2 (SNIS) — ${data?.label ?? month}`} onClose={onClose} className="dhis2-dialog">
      <ErrorBanner error={preview.error} />
      {data ? (
        <>
          <div className="form-actions">
            <button
              ref={sendButton}
              type="button"
              className="primary"
              onClick={() => void post(false)}
              disabled={send.running || data.values.length === 0}
            >
              Envoyer au DHIS2
            </button>
            <button type="button" onClick={() => void post(true)} disabled={send.running || data.values.length === 0}>
              Essai sans enregistrer
            </button>
            <button type="button" onClick={() => downloadFile(data.file)}>
              Télécharger le fichier JSON
            </button>
          </div>
          {send.running ? <p className="muted">Envoi en cours…</p> : null}
          <ErrorBanner error={send.error} />
          {result ? <OutcomeBanner tone={result.tone}>{result.text}</OutcomeBanner> : null}
          <p>
            Période <span className="mono">{data.period}</span>, unité d’organisation <span className="mono">{data.orgUnit}</span>
            {data.dataSet ? (
              <>
                , ensemble de données <span className="mono">{data.dataSet}</span>
              </>
            ) : null}{' '}
            : {formatNumber(data.values.length)} valeur(s) envoyée(s). {formatNumber(data.zeros)} chiffre(s) à zéro ne sont pas envoyés
            {data.unmapped.length > 0
              ? ` ; ${formatNumber(data.unmapped.length)} hors correspondance (${data.unmapped.map((u) => u.label).join(', ')}).`
              : '.'}
          </p>
          <h3>Envois de ce mois</h3>
          <DataTable
            label="Envois au DHIS2"
            rows={sends}
            columns={SEND_COLUMNS}
            rowKey={(s) => String(s.id)}
            pageSize={5}
            empty="Aucun envoi pour ce mois."
          />
          <h3>Valeurs envoyées</h3>
          <DataTable
            label="Valeurs envoyées"
            rows={data.values}
            columns={VALUE_COLUMNS}
            rowKey={(v) => v.key}
            pageSize={10}
            csvName={`dhis2-${data.period}.csv`}
          />
        </>
      ) : preview.loading ? (
        <p className="muted">Préparation des chiffres…</p>
      ) : null}
    </Dialog>
  );
}
