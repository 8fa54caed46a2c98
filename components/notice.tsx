import type { ComponentChildren } from 'preact';

interface NoticeProps {
  title: string;
  children: ComponentChildren;
  tone?: 'info' | 'problem';
  action?: { label: string; onClick: () => void };
}

/** A plain-words message in place of content the popup cannot show. */
export function Notice({ title, children, tone = 'info', action }: NoticeProps) {
  return (
    <section class={`notice notice-${tone}`} role={tone === 'problem' ? 'alert' : 'status'}>
      <h2>{title}</h2>
      <p>{children}</p>
      {action && (
        <button type="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
