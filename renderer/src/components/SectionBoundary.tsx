import { Component, Suspense, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

interface Props {
  children: ReactNode;
  /** Added to the waiting and failure messages' classes (`centered` for a whole screen). */
  className?: string;
}

/**
 * Where a section, or a screen loaded on demand (App.tsx), is mounted: « Chargement… » while its
 * code arrives, and a plain French message, not a blank window, if it cannot arrive (the
 * application was updated or stopped meanwhile) or fails to draw.
 */
export class SectionBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  private classes(own: string): string {
    return this.props.className ? `${own} ${this.props.className}` : own;
  }

  override render() {
    if (this.state.failed)
      return (
        <div className={this.classes('banner banner-error')} role="alert">
          Cette section n’a pas pu être affichée.{' '}
          <button className="link" onClick={() => window.location.reload()}>
            Recharger l’application
          </button>
        </div>
      );
    return (
      <Suspense
        fallback={
          <p className={this.classes('muted')} role="status">
            Chargement…
          </p>
        }
      >
        {this.props.children}
      </Suspense>
    );
  }
}
