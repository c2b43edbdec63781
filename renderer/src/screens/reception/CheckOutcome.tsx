import type { DeskCheck } from '../../../../shared/domain/reception';
import type { Household } from '../../../../shared/domain/registry-lookup';
import { AdmitForm } from './AdmitForm';
import { AdmittedBanner } from './AdmittedBanner';
import { UnregisteredPanel } from './UnregisteredPanel';
import { HouseholdTable, Verdict } from './Verdict';

/** An episode opened at the desk: its id and its number. */
export interface Admitted {
  id: number;
  number: string;
}

interface Props {
  verdict: DeskCheck;
  /** The search field's text: the récépissé presented by a person the registry does not hold. */
  typed: string;
  admitted: Admitted | null;
  household: Household | null;
  onAdmitted(admitted: Admitted): void;
  onOpenEpisode(id: number): void;
}

/** The verdict of a check, what follows from it (the admission, or the request for registration), and the household. */
export function CheckOutcome({ verdict, typed, admitted, household, onAdmitted, onOpenEpisode }: Props) {
  const admit = (id: number, number: string) => onAdmitted({ id, number });
  return (
    <>
      <Verdict result={verdict} />
      {admitted ? (
        <AdmittedBanner episodeId={admitted.id} number={admitted.number} onOpenEpisode={onOpenEpisode} />
      ) : verdict.eligible && verdict.person ? (
        <AdmitForm
          key={verdict.person.recepisse}
          recepisse={verdict.person.recepisse}
          registryNina={verdict.person.nina}
          seenToday={verdict.seenToday}
          onAdmitted={admit}
          onOpenEpisode={onOpenEpisode}
        />
      ) : !verdict.eligible ? (
        <UnregisteredPanel
          key={`${verdict.person?.recepisse ?? typed}-${verdict.date}`}
          result={verdict}
          recepisse={verdict.person?.recepisse ?? typed}
          onAdmitted={admit}
        />
      ) : null}
      {household ? <HouseholdTable household={household} current={verdict.person?.recepisse ?? ''} /> : null}
    </>
  );
}
