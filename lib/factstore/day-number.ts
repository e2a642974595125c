const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);
const PERIOD = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/;

/** A UTC day as days since 1900-01-01 plus one (0 before 1900, at most 65,535: a 16-bit table field). */
function fromUtc(t: number): number {
  const days = Math.floor((t - EPOCH_1900) / DAY_MS) + 1;
  return days < 1 ? 0 : Math.min(65_535, days);
}

/** A date ("2015", "2015-03", "2015-03-18") as the day number of its first day; 0 if none. */
export function dayNumber(date: string | undefined): number {
  const m = date ? PERIOD.exec(date) : null;
  return m ? fromUtc(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1))) : 0;
}

/** The day number of a date's last day: "2015" is up to 31 December, "2015-02" up to 28 February. */
export function lastDayNumber(date: string | undefined): number {
  const m = date ? PERIOD.exec(date) : null;
  if (!m) return 0;
  if (m[3]) return dayNumber(date);
  // Day 0 of the next month is the last of this one (month 12 of a year: December).
  return fromUtc(Date.UTC(Number(m[1]), Number(m[2] ?? 12), 0));
}
