import type { AreaKind } from './api/get-school-districts';

/** 地域の種類, as the staff call them. */
export const AREA_KIND_LABELS: Record<AreaKind, string> = {
  CITY: '市',
  WARD: '区',
  LIVING_AREA: '日常生活圏域',
  SCHOOL_DISTRICT: '校区',
  NEIGHBOURHOOD: '町内自治会',
};

/** The kinds from the top of the tree down. */
export const AREA_KINDS: readonly AreaKind[] = ['CITY', 'WARD', 'LIVING_AREA', 'SCHOOL_DISTRICT', 'NEIGHBOURHOOD'];
