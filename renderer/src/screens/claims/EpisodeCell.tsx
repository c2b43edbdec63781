import type { ReactNode } from 'react';

/** An episode in a claim's table: its number, the patient under it, and notes about it. */
export function EpisodeCell({ number, patient, children }: { number: string; patient: string; children?: ReactNode }) {
  return (
    <>
      <span className="mono nowrap">{number}</span>
      <br />
      {patient}
      {children}
    </>
  );
}
