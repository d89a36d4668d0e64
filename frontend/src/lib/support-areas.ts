/** The areas of the 地域生活支援活動推進事業 (北九州市): the seven model districts, their wards and the city. */
export interface SupportArea {
  code: string;
  name: string;
  kind: 'SCHOOL_DISTRICT' | 'WARD' | 'CITY';
}

export const SUPPORT_DISTRICTS: SupportArea[] = [
  { code: '40102-takasu', name: '高須', kind: 'SCHOOL_DISTRICT' },
  { code: '40101-shoji', name: '庄司', kind: 'SCHOOL_DISTRICT' },
  { code: '40106-wakazono', name: '若園', kind: 'SCHOOL_DISTRICT' },
  { code: '40106-nuki', name: '貫', kind: 'SCHOOL_DISTRICT' },
  { code: '40101-tanoura', name: '田野浦', kind: 'SCHOOL_DISTRICT' },
  { code: '40106-moritsune', name: '守恒', kind: 'SCHOOL_DISTRICT' },
  { code: '40105-nishikokura', name: '西小倉', kind: 'SCHOOL_DISTRICT' },
];

export const SUPPORT_WARDS: SupportArea[] = [
  { code: '40101', name: '門司区', kind: 'WARD' },
  { code: '40102', name: '若松区', kind: 'WARD' },
  { code: '40105', name: '小倉北区', kind: 'WARD' },
  { code: '40106', name: '小倉南区', kind: 'WARD' },
];

export const SUPPORT_CITY: SupportArea = { code: '40100', name: '北九州市', kind: 'CITY' };

export const SUPPORT_AREAS: SupportArea[] = [...SUPPORT_DISTRICTS, ...SUPPORT_WARDS, SUPPORT_CITY];

/** The name of a known area, or the code itself. */
export function supportAreaName(code: string): string {
  return SUPPORT_AREAS.find((a) => a.code === code)?.name ?? code;
}

/** A district to choose in a form (a recipient's or a supporter's), as the page hands them in. */
export interface AreaOption {
  value: string;
  label: string;
}
