// The only module that talks to `linebreak`: UAX #14 break opportunities.
import LineBreaker from 'linebreak';

export interface BreakOpportunity {
  /** UTF-16 offset where the next line may start. */
  position: number;
  /** A mandatory break (newline, paragraph separator). */
  required: boolean;
}

export function breakOpportunities(text: string): BreakOpportunity[] {
  const breaker = new LineBreaker(text);
  const out: BreakOpportunity[] = [];
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    out.push({ position: bk.position, required: bk.required && bk.position < text.length });
  }
  return out;
}
