import { useState } from 'react';
import type { BackupCheck, BackupEntry, BackupState } from '../../../../shared/domain/backup';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ramed } from '../../lib/bridge';
import { formatMegabytes } from '../../lib/bytes';

const STATE_LABELS: Record<BackupState, string> = {
  verified: 'Vérifiée',
  'no-manifest': 'Sans manifeste : ne peut pas être restaurée',
  'size-changed': 'Taille changée depuis la sauvegarde : abîmée',
  'other-facility': 'D’un autre établissement',
};

interface Props {
  backups: readonly BackupEntry[];
  disabled: boolean;
  onRestore(backup: BackupEntry): void;
}

/** The backups of the folder, each with its state, a full check on demand, and restore. */
export function BackupList({ backups, disabled, onRestore }: Props) {
  const [checks, setChecks] = useState<Record<string, BackupCheck | 'pending'>>({});

  async function verify(name: string) {
    setChecks((c) => ({ ...c, [name]: 'pending' }));
    const result = await ramed.backup.verify({ name });
    setChecks((c) => ({ ...c, [name]: result.ok ? result.value : { ok: false, reason: result.error.message } }));
  }

  const stateText = (b: BackupEntry): string => {
    const check = checks[b.name];
    if (check === 'pending') return 'Vérification…';
    if (check) return check.ok ? 'Intacte (empreinte et intégrité vérifiées)' : check.reason;
    return STATE_LABELS[b.state];
  };
  const stateOk = (b: BackupEntry): boolean => {
    const check = checks[b.name];
    return check && check !== 'pending' ? check.ok : b.state === 'verified';
  };

  const columns: DataColumn<BackupEntry>[] = [
    {
      key: 'date',
      header: 'Date',
      value: (b) => b.manifest?.createdAt ?? '',
      kind: 'datetime',
      width: '9.5rem',
    },
    { key: 'name', header: 'Fichier', value: (b) => b.name, render: (b) => <span className="mono small">{b.name}</span> },
    { key: 'size', header: 'Taille', kind: 'number', value: (b) => b.size, render: (b) => formatMegabytes(b.size), width: '6.5rem' },
    { key: 'version', header: 'Version', value: (b) => b.manifest?.appVersion ?? '', width: '5.5rem' },
    {
      key: 'state',
      header: 'État',
      value: stateText,
      render: (b) => <span className={stateOk(b) ? 'state-ok' : 'state-bad'}>{stateText(b)}</span>,
    },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      value: () => null,
      width: '15rem',
      render: (b) => (
        <span className="row-actions">
          <button
            type="button"
            onClick={() => void verify(b.name)}
            disabled={checks[b.name] === 'pending'}
            aria-label={`Vérifier ${b.name}`}
          >
            Vérifier
          </button>
          <button
            type="button"
            onClick={() => onRestore(b)}
            disabled={disabled || b.state !== 'verified'}
            aria-label={`Restaurer ${b.name}`}
          >
            Restaurer…
          </button>
        </span>
      ),
    },
  ];

  return (
    <DataTable
      label="Sauvegardes"
      rows={backups}
      columns={columns}
      rowKey={(b) => b.name}
      pageSize={10}
      csvName="sauvegardes.csv"
      empty="Aucune sauvegarde dans ce dossier."
    />
  );
}
