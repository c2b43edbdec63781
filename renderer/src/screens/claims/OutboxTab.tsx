import { useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { ImportResponseDialog } from './ImportResponseDialog';
import { OutboxExportForm } from './outbox/OutboxExportForm';
import { OutboxMessages } from './outbox/OutboxMessages';
import { OutboxSendCard } from './outbox/OutboxSendCard';

/**
 * The upload queue: what waits, what the ANAM received, the errors; send now over the network,
 * or write the waiting claims to a USB key for someone to carry, and import the answer it brings.
 */
export function OutboxTab() {
  const status = useQuery('outbox.status', {}, { refreshOn: ['outbox.changed'] });
  const [importing, setImporting] = useState(false);
  return (
    <div className="stack">
      <OutboxSendCard status={status.data} onImport={() => setImporting(true)} />
      <OutboxExportForm />
      <OutboxMessages status={status.data} error={status.error} />
      {importing ? <ImportResponseDialog onClose={() => setImporting(false)} onImported={status.reload} /> : null}
    </div>
  );
}
