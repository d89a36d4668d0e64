import type { components } from '@/lib/api/schema';

type Area = components['schemas']['AreaResponse'];
type AreaRef = components['schemas']['AreaRef'];

const kurume: AreaRef = { code: '40203', name: '久留米市', kind: 'CITY' };
const fukuoka: AreaRef = { code: '40130', name: '福岡市', kind: 'CITY' };

let version = 0;
export function schoolDistrict(code: string, name: string, kana: string, city = kurume): Area {
  return { code, name, kana, kind: 'SCHOOL_DISTRICT', parentCode: city.code, path: [city], retired: false, version: version++ };
}

export const districts: Area[] = [
  schoolDistrict('40203-SD-HIYOSHI', '日吉校区', 'ひよし'),
  schoolDistrict('40203-SD-KOZU', '上津校区', 'こうづ'),
  schoolDistrict('40203-SD-KUSHIWARA', '櫛原校区', 'くしわら'),
  schoolDistrict('40203-SD-MIIKE', '三池校区', 'みいけ'),
  schoolDistrict('40130-SD-HIYOSHI', '日吉台校区', 'ひよしだい', fukuoka),
];
