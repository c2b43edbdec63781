import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DeskCheck } from '../../../../shared/domain/reception';
import type { Household, PersonMatch } from '../../../../shared/domain/registry-lookup';
import { formatRecepisse, personName, QUALITY_LABELS } from '../../../../shared/domain/registry';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { formatBirth } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { AdmitForm } from './AdmitForm';
import { SlipButton } from './SlipButton';
import { UnregisteredPanel } from './UnregisteredPanel';
import { HouseholdTable, Verdict } from './Verdict';

/** A pause between keystrokes this long means the agent stopped typing (the core answers in ~15 ms). */
const SEARCH_DELAY_MS = 60;
/** A récépissé as typed or scanned: digits, with the spaces, dots and dashes people put in them. */
const looksLikeRecepisse = (text: string) => /^[\d\s.-]+$/.test(text.trim());

/** Asked one more than shown: a full answer means there are more, and the agent is told to narrow it. */
const SHOWN = 20;

/** What tells two homonyms apart: their own récépissé, sex, age, NINA, commune. */
const COLUMNS: DataColumn<PersonMatch>[] = [
  { key: 'name', header: 'Nom', value: (p) => personName(p.familyName, p.givenNames) },
  {
    key: 'recepisse',
    header: 'Récépissé',
    value: (p) => formatRecepisse(p.recepisse),
    render: (p) => <span className="mono nowrap">{formatRecepisse(p.recepisse)}</span>,
    width: '10.5rem',
  },
  { key: 'sex', header: 'Sexe', value: (p) => p.sex, width: '3.5rem' },
  {
    key: 'birth',
    header: 'Âge (naissance)',
    value: (p) => `${p.eligibility.age ?? '?'} ans (${formatBirth(p.birthDate, p.birthYearOnly)})`,
    width: '12rem',
  },
  { key: 'nina', header: 'NINA', value: (p) => p.nina ?? '', render: (p) => <span className="mono">{p.nina ?? '—'}</span>, width: '11rem' },
  { key: 'commune', header: 'Commune', value: (p) => p.commune ?? '' },
  { key: 'quality', header: 'Qualité', value: (p) => QUALITY_LABELS[p.quality], width: '7rem' },
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

/** « 11O1… » or « 1101 0000 00l17 »: digits with a letter O, o, l or I among them is a mistyped récépissé, not a name. */
function recepisseTypo(text: string): string | null {
  const compact = text.replace(/[\s.-]/g, '');
  if (compact.length < 8 || !/^[\dOoIl]+$/.test(compact) || /^\d+$/.test(compact)) return null;
  const digits = compact.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
  return `« ${text.trim()} » contient des lettres à la place de chiffres (O pour 0, l ou I pour 1) : vouliez-vous dire ${formatRecepisse(digits)} ? Corrigez puis Entrée.`;
}

/** The desk's first screen: one field for a récépissé or a name, the answer, the household, the admission. */
export function CheckScreen({ onOpenEpisode }: { onOpenEpisode: (id: number) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const searches = useRef(0);
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const [result, setResult] = useState<DeskCheck | null>(null);
  const [household, setHousehold] = useState<Household | null>(null);
  const [admitted, setAdmitted] = useState<{ id: number; number: string } | null>(null);
  const check = useCall(ramed.reception.check);
  const search = useCall(ramed.registry.search);
  const runSearch = search.run;
  const loadHousehold = useCall(ramed.registry.household);

  useEffect(() => input.current?.focus(), []);
  const typo = recepisseTypo(text);

  useEffect(() => {
    const typed = text.trim();
    if (typed.length < 2 || looksLikeRecepisse(typed) || recepisseTypo(typed)) return;
    const asked = ++searches.current;
    const timer = setTimeout(
      // Only the answer to the latest text is shown: an earlier, slower one never overwrites it.
      () => void runSearch({ text: typed, limit: SHOWN + 1 }).then((found) => found && asked === searches.current && setMatches(found)),
      SEARCH_DELAY_MS,
    );
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
    // Admettre takes the focus when there is something to admit; otherwise back to the search.
    if (!answer?.eligible || !answer.person) input.current?.focus();
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
      {typo ? (
        <p className="banner banner-warn" role="status">
          {typo}
        </p>
      ) : null}
      {matches && !result ? (
        <div ref={results} onKeyDown={onResultsKey}>
          {matches.length > SHOWN ? (
            <p className="banner banner-warn" role="status">
              Plus de {SHOWN} personnes portent ce nom : affinez (prénoms complets) ou scannez le récépissé. Les {SHOWN} premières sont
              affichées.
            </p>
          ) : null}
          <DataTable
            label="Personnes trouvées"
            rows={matches.slice(0, SHOWN)}
            columns={COLUMNS}
            rowKey={(p) => p.recepisse}
            pageSize={SHOWN}
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
                <SlipButton episodeId={admitted.id} autoFocus printNow />
                <button type="button" onClick={() => onOpenEpisode(admitted.id)}>
                  Ouvrir l’épisode
                </button>
              </div>
            </div>
          ) : result.eligible && result.person ? (
            <AdmitForm
              key={result.person.recepisse}
              recepisse={result.person.recepisse}
              registryNina={result.person.nina}
              seenToday={result.seenToday}
              onAdmitted={(id, number) => setAdmitted({ id, number })}
              onOpenEpisode={onOpenEpisode}
            />
          ) : !result.eligible ? (
            <UnregisteredPanel
              key={`${result.person?.recepisse ?? text}-${result.date}`}
              result={result}
              recepisse={result.person?.recepisse ?? text}
              onAdmitted={(id, number) => setAdmitted({ id, number })}
            />
          ) : null}
          {household ? <HouseholdTable household={household} current={result.person?.recepisse ?? ''} /> : null}
        </>
      ) : null}
    </div>
  );
}
