import { normaliseForSearch } from '@/lib/kana';
import type { Area } from './api/get-school-districts';

/** "〇〇校区（よみがな）— 〇〇市": name, reading, and the city it belongs to (names repeat across cities). */
export function areaLabel(area: Pick<Area, 'name' | 'kana' | 'path'>): string {
  const city = area.path?.[0]?.name;
  const reading = area.kana ? `（${area.kana}）` : '';
  return `${area.name}${reading}${city ? `${reading ? '' : ' '}— ${city}` : ''}`;
}

/** True when the query is part of the area's name, its reading (either kana script) or its code. */
export function matchesArea(area: Pick<Area, 'name' | 'kana' | 'code'>, query: string): boolean {
  const q = normaliseForSearch(query);
  if (!q) return true;
  return (
    normaliseForSearch(area.name).includes(q) ||
    normaliseForSearch(area.kana ?? '').includes(q) ||
    area.code.toLowerCase() === q
  );
}
