import type { ComponentChildren } from 'preact';

interface NoticeProps {
  title: string;
  children: ComponentChildren;
  tone?: 'info' | 'problem';
  action?: { label: string; onClick: () => void };
  /** 1 where the notice is all the page shows (the PDF viewer's problems, the popup's own notices); 2, the default, inside a page. */
  level?: 1 | 2;
}

/** A plain-words message in place of content the popup cannot show. */
export function Notice({ title, children, tone = 'info', action, level = 2 }: NoticeProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section class={`notice notice-${tone}`} role={tone === 'problem' ? 'alert' : 'status'}>
      <Heading>{title}</Heading>
      <p>{children}</p>
      {action && (
        <button type="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
