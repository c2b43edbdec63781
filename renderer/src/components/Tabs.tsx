import { useState, type ComponentType } from 'react';

export interface Tab<P> {
  key: string;
  label: string;
  component: ComponentType<P>;
}

/** Sub-screens of a section, as a row of tabs; the current tab keeps its state while shown. */
export function Tabs<P extends object>({ tabs, props, label }: { tabs: readonly Tab<P>[]; props: P; label: string }) {
  const [current, setCurrent] = useState(tabs[0]?.key);
  const tab = tabs.find((t) => t.key === current) ?? tabs[0];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((t) => (
          <button
            key={t.key}
            role="tab"
            aria-selected={t.key === tab?.key}
            className={t.key === tab?.key ? 'tab active' : 'tab'}
            onClick={() => setCurrent(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab?.label}>
        {tab ? <tab.component {...props} /> : null}
      </div>
    </div>
  );
}
