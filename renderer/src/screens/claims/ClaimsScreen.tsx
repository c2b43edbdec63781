import { useState } from 'react';
import { ClaimDetail } from './ClaimDetail';
import { ClaimList } from './ClaimList';

/**
 * The manager's monthly claims: the list by month and one claim at a time. The list stays mounted
 * (hidden) while a claim is open, so its filter and page survive the round trip.
 */
export function ClaimsScreen() {
  const [month, setMonth] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  return (
    <>
      <div hidden={month !== null}>
        <ClaimList onOpen={setMonth} reloadKey={reloads} />
      </div>
      {month !== null ? (
        <ClaimDetail
          month={month}
          onBack={() => {
            setMonth(null);
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}
