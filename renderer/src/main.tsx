// First, before React: starts the first call to the core (see first-phase.ts).
import { firstPhase } from './first-phase';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// Until the core answers, the page shows index.html's own « Chargement… »: React draws once, the
// screen the answer calls for, with no loading state of its own to draw and replace first.
void firstPhase.then((first) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App first={first} />
    </StrictMode>,
  ),
);
