const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Formats a pack date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision it was
 * given: "2025", "Aug 2025", "11 Aug 2025". Never invents a day or month.
 */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? date;
}

/**
 * A fact's date or span: "11 Aug 2025", "2008–2020", "since 5 Aug 2025"; an
 * open-ended fact from data no longer updated is never "since": "from 24 Jul
 * 2019, as of Jul 2022".
 */
export function formatWhen(f: { date?: string; from?: string; to?: string; asOf?: string }): string {
  if (f.date) return formatDate(f.date);
  if (f.from && f.to) return `${formatDate(f.from)}–${formatDate(f.to)}`;
  if (f.asOf && !f.to) return `${f.from ? `from ${formatDate(f.from)}, ` : ''}as of ${formatDate(f.asOf.slice(0, 7))}`;
  if (f.from) return `since ${formatDate(f.from)}`;
  if (f.to) return `until ${formatDate(f.to)}`;
  return '';
}
