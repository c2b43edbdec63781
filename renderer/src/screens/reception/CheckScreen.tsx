import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckResult, Household, PersonMatch } from '../../../../shared/api/registry';
import { QUALITY_LABELS, formatRecepisse } from '../../../../shared/domain/registry';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { formatDate } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { AdmitForm } from './AdmitForm';
import { SlipButton } from './SlipButton';
import { HouseholdTable, Verdict } from './Verdict';

const SEARCH_DELAY_MS = 250;
/** A récépissé as typed or scanned: digits, with the spaces, dots and dashes people put in them. */
const looksLikeRecepisse = (text: string) => /^[\d\s.-]+$/.test(text.trim());

const COLUMNS: DataColumn<PersonMatch>[] = [
  { key: 'name', header: 'Nom', value: (p) => `${p.familyName.toUpperCase()} ${p.givenNames}` },
  {
    key: 'birth',
    header: 'Naissance',
    value: (p) => (p.birthYearOnly ? `vers ${p.birthDate.slice(0, 4)}` : formatDate(p.birthDate)),
    width: '8rem',
  },
  { key: 'commune', header: 'Commune', value: (p) => p.commune ?? '' },
  { key: 'quality', header: 'Qualité', value: (p) => QUALITY_LABELS[p.quality], width: '8rem' },
  { key: 'holder', header: 'Titulaire', value: (p) => (p.holderRecepisse ? formatRecepisse(p.holderRecepisse) : ''), width: '10rem' },
  {
    key: 'eligible',
    header: 'Aujourd’hui',
    value: (p) => (p.eligibility.eligible ? 'Éligible' : 'Non éligible'),
    render: (p) => (
      <span className={p.eligibility.eligible ? 'text-ok' : 'text-no'}>{p.eligibility.eligible ? 'Éligible' : 'Non éligible'}</span>
    ),
    width: '8rem',
  },
];

/** The desk's first screen: one field for a récépissé or a name, the answer, the household, the admission. */
export function CheckScreen({ onOpenEpisode }: { onOpenEpisode: (id: number) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [household, setHousehold] = useState<Household | null>(null);
  const [admitted, setAdmitted] = useState<{ id: number; number: string } | null>(null);
  const check = useCall(ramed.reception.check);
  const search = useCall(ramed.registry.search);
  const runSearch = search.run;
  const loadHousehold = useCall(ramed.registry.household);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const typed = text.trim();
    if (typed.length < 2 || looksLikeRecepisse(typed)) return;
    const timer = setTimeout(() => void runSearch({ text: typed }).then((found) => found && setMatches(found)), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, runSearch]);

  const reset = () => {
    setText('');
    setMatches(null);
    setResult(null);
    setHousehold(null);
    setAdmitted(null);
    check.setError(null);
    search.setError(null);
    input.current?.focus();
  };

  // Escape from anywhere on the screen, even when the focus fell to the page (a row or form just left).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && input.current?.offsetParent) reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const checkRecepisse = async (recepisse: string) => {
    setAdmitted(null);
    setHousehold(null);
    const answer = await check.run({ recepisse });
    setResult(answer ?? null);
    if (answer?.person) {
      setMatches(null);
      const found = await loadHousehold.run({ recepisse: answer.person.recepisse });
      setHousehold(found ?? null);
    }
  };

  const onFieldKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && looksLikeRecepisse(text)) {
      e.preventDefault();
      void checkRecepisse(text);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      results.current?.querySelector<HTMLElement>('tbody tr[tabindex]')?.focus();
    }
  };

  /** Arrow keys move between result rows; Enter (DataTable) picks one. */
  const onResultsKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...(results.current?.querySelectorAll<HTMLElement>('tbody tr[tabindex]') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && at === 0) input.current?.focus();
    else rows[Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <div className="reception">
      <div className="field reception-search">
        <label htmlFor="reception-search">Récépissé (tapé ou scanné, puis Entrée) ou nom</label>
        <input
          id="reception-search"
          ref={input}
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(check.error ?? search.error)}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onFieldKey}
        />
        <small className="muted">Échap : nouvelle recherche. Flèches et Entrée pour choisir dans la liste.</small>
      </div>
      <ErrorBanner error={check.error ?? search.error ?? loadHousehold.error} />
      {matches && !result ? (
        <div ref={results} onKeyDown={onResultsKey}>
          <DataTable
            label="Personnes trouvées"
            rows={matches}
            columns={COLUMNS}
            rowKey={(p) => p.recepisse}
            pageSize={8}
            onRowActivate={(p) => void checkRecepisse(p.recepisse)}
            empty="Aucune personne de ce nom dans le registre."
          />
        </div>
      ) : null}
      {result ? (
        <>
          <Verdict result={result} />
          {admitted ? (
            <div role="status" className="admitted">
              <p>
                Admis : épisode <strong className="mono">{admitted.number}</strong>.
              </p>
              <div className="actions">
                <SlipButton episodeId={admitted.id} autoFocus />
                <button type="button" onClick={() => onOpenEpisode(admitted.id)}>
                  Ouvrir l’épisode
                </button>
              </div>
            </div>
          ) : result.eligible && result.person ? (
            <AdmitForm
              recepisse={result.person.recepisse}
              registryNina={result.person.nina}
              onAdmitted={(id, number) => setAdmitted({ id, number })}
            />
          ) : null}
          {household ? <HouseholdTable household={household} current={result.person?.recepisse ?? ''} /> : null}
        </>
      ) : null}
    </div>
  );
}
