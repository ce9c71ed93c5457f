/** Which events a query's `event` names. */
import type { RecordSource } from '../records.js';

/** The keys of the events a query names: the one of that key, else every one whose label holds it. */
export async function eventKeys(records: RecordSource, event: string): Promise<string[]> {
  const events = await records.events();
  const want = event.toLowerCase();
  const exact = events.find((e) => e.key === event || e.key === want);
  return exact ? [exact.key] : events.filter((e) => e.label.toLowerCase().includes(want)).map((e) => e.key);
}
