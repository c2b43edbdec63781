import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
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

/**
 * No wait after a key: the core answers in ~15 ms and only one search is out at a time (keys typed
 * meanwhile are asked together when it answers), so searching at each key costs no more than the
 * 60 ms pause used before, and the list comes a pause sooner.
 */
const SEARCH_DELAY_MS = 0;
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

/** Text searched as a name: two characters at least, neither a récépissé nor a mistyped one. */
const isName = (typed: string) => typed.length >= 2 && !looksLikeRecepisse(typed) && !recepisseTypo(typed);

/** The desk's first screen: one field for a récépissé or a name, the answer, the household, the admission. */
export function CheckScreen({ onOpenEpisode }: { onOpenEpisode: (id: number) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  /** The name the list must answer ('' when none is to be searched); an answer for another is dropped. */
  const wanted = useRef('');
  const searching = useRef(false);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ text: string; matches: PersonMatch[] } | null>(null);
  const [result, setResult] = useState<DeskCheck | null>(null);
  const [household, setHousehold] = useState<Household | null>(null);
  const [admitted, setAdmitted] = useState<{ id: number; number: string } | null>(null);
  const check = useCall(ramed.reception.check);
  const search = useCall(ramed.registry.search);
  const runSearch = search.run;
  const loadHousehold = useCall(ramed.registry.household);

  useEffect(() => input.current?.focus(), []);
  const typo = recepisseTypo(text);
  const typed = text.trim();
  const listed = found !== null && isName(typed);
  const stale = found !== null && found.text !== typed;
  const matches = found?.matches ?? [];

  /**
   * One search out at a time: keys typed while it runs only change `wanted`, and when it answers the
   * latest name is asked at once; an answer for a name no longer typed is dropped, never shown.
   */
  const searchWanted = useCallback(async () => {
    if (searching.current) return;
    searching.current = true;
    try {
      while (wanted.current) {
        const asked = wanted.current;
        const answer = await runSearch({ text: asked, limit: SHOWN + 1 });
        if (wanted.current !== asked) continue;
        if (answer) setFound({ text: asked, matches: answer });
        break;
      }
    } finally {
      searching.current = false;
    }
  }, [runSearch]);

  useEffect(() => {
    wanted.current = isName(text.trim()) ? text.trim() : '';
    if (!wanted.current) return;
    const timer = setTimeout(() => void searchWanted(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, searchWanted]);

  const reset = () => {
    setText('');
    setFound(null);
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
      setFound(null);
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
      {listed && !result ? (
        // While the answer for the name now typed is awaited, the previous list stays in place (no
        // flicker) but dimmed and out of reach: it can be neither focused nor picked.
        <div ref={results} onKeyDown={onResultsKey} className={stale ? 'stale-results' : undefined} inert={stale} aria-busy={stale}>
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
