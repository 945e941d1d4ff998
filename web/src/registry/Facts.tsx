// The parts an application's card is made of (the queue's and the repeated ones'): a titled
// group of facts, and one fact, its name over its value.
import type { ReactNode } from 'react';

/** A titled group of a card's facts: contact, identifiers, figures. */
export function FactsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="subtitle">{title}</h3>
      {children}
    </section>
  );
}

/** One fact: its name and its value (identifiers in a fixed-width face). */
export function Fact({
  label,
  mono,
  testId,
  children,
}: {
  label: string;
  mono?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
