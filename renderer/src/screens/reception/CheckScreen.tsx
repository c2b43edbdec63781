import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DeskCheck } from '../../../../shared/domain/reception';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { CheckOutcome, type Admitted } from './CheckOutcome';
import { DeskSearchField } from './DeskSearchField';
import { NameResults, RESULT_ROWS } from './NameResults';
import { isName, looksLikeRecepisse, recepisseTypo } from './recepisse-text';
import { useEscapeWhileShown } from './useEscapeWhileShown';
import { useNameSearch } from './useNameSearch';

/** Asked one more than shown: a full answer means there are more, and the agent is told to narrow it. */
const SHOWN = 20;

/** The desk's first screen: one field for a récépissé or a name, the answer, the household, the admission. */
export function CheckScreen({ onOpenEpisode }: { onOpenEpisode: (id: number) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  // The verdict shown stays while the next check runs: checking the same person again keeps the
  // admission form, what is typed in it and the focus where they are.
  const [verdict, setVerdict] = useState<DeskCheck | null>(null);
  const [admitted, setAdmitted] = useState<Admitted | null>(null);
  const typed = text.trim();
  const check = useCommand('reception.check');
  const search = useNameSearch(typed, SHOWN + 1);
  const person = verdict?.person;
  const household = useQuery('registry.household', { recepisse: person?.recepisse ?? '' }, { enabled: !!person, reloadKey: verdict });

  useEffect(() => input.current?.focus(), []);
  const typo = recepisseTypo(text);
  const { found } = search;
  const listed = found !== null && isName(typed);

  const reset = () => {
    setText('');
    search.clear();
    setVerdict(null);
    setAdmitted(null);
    check.reset();
    input.current?.focus();
  };
  useEscapeWhileShown(input, reset);

  const checkRecepisse = async (recepisse: string) => {
    setAdmitted(null);
    const answer = await check.run({ recepisse });
    setVerdict(answer ?? null);
    // Admettre takes the focus when there is something to admit; otherwise back to the search.
    if (!answer?.eligible || !answer.person) input.current?.focus();
    if (answer?.person) search.clear();
  };

  const onFieldKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && looksLikeRecepisse(text)) {
      e.preventDefault();
      void checkRecepisse(text);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      results.current?.querySelector<HTMLElement>(RESULT_ROWS)?.focus();
    }
  };

  return (
    <div className="reception">
      <DeskSearchField ref={input} value={text} invalid={Boolean(check.error ?? search.error)} onChange={setText} onKeyDown={onFieldKey} />
      <ErrorBanner error={check.error ?? search.error ?? household.error} />
      {typo ? (
        <p className="banner banner-warn" role="status">
          {typo}
        </p>
      ) : null}
      {listed && !verdict ? (
        <NameResults
          ref={results}
          matches={found.matches}
          shown={SHOWN}
          stale={found.text !== typed}
          onPick={(p) => void checkRecepisse(p.recepisse)}
          onLeaveTop={() => input.current?.focus()}
        />
      ) : null}
      {verdict ? (
        <CheckOutcome
          verdict={verdict}
          typed={text}
          admitted={admitted}
          household={household.data}
          onAdmitted={setAdmitted}
          onOpenEpisode={onOpenEpisode}
        />
      ) : null}
    </div>
  );
}
