import { Component, Suspense, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * Where a section is mounted: « Chargement… » while its code arrives, and a plain French message,
 * not a blank window, if it cannot arrive (the application was updated or stopped meanwhile) or
 * fails to draw.
 */
export class SectionBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    if (this.state.failed)
      return (
        <div className="banner banner-error" role="alert">
          Cette section n’a pas pu être affichée.{' '}
          <button className="link" onClick={() => window.location.reload()}>
            Recharger l’application
          </button>
        </div>
      );
    return (
      <Suspense
        fallback={
          <p className="muted" role="status">
            Chargement…
          </p>
        }
      >
        {this.props.children}
      </Suspense>
    );
  }
}
