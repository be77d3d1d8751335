/**
 * A wall-clock time typed for a zone, as a UTC instant: the offset the zone has at that moment
 * is found by formatting a first guess in the zone (DST-correct without a library).
 */
export const zonedToUtc = (local: string, timeZone: string): Date => {
  const guess = new Date(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (shown - guess.getTime()));
};
