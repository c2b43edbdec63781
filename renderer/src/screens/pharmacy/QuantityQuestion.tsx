interface QuantityQuestionProps {
  message: string;
  running: boolean;
  onCorrect(): void;
  onConfirm(): void;
}

/** An unusual quantity, or serving what is left, asked again before anything is given. */
export function QuantityQuestion({ message, running, onCorrect, onConfirm }: QuantityQuestionProps) {
  return (
    <div className="banner banner-warn" role="alert" aria-label="Quantité à confirmer">
      <p>{message}</p>
      <div className="actions">
        <button type="button" autoFocus onClick={onCorrect}>
          Corriger la quantité
        </button>
        <button type="button" className="primary" disabled={running} onClick={onConfirm}>
          Confirmer et dispenser
        </button>
      </div>
    </div>
  );
}
