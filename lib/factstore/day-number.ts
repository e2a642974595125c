const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);

/** A date ("2015", "2015-03", "2015-03-18") as days since 1900-01-01 plus one, from its first day; 0 if none. */
export function dayNumber(date: string | undefined): number {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return 0;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  const days = Math.floor((t - EPOCH_1900) / DAY_MS) + 1;
  return days < 1 ? 0 : Math.min(65_535, days);
}
