/**
 * An area to choose in a form of 生活支援 (a recipient's or a supporter's), as the page hands them in. The page
 * reads them from the API (/me and /areas): the SPA names no city, district or neighbourhood of its own.
 */
export interface AreaOption {
  value: string;
  label: string;
  /** The school district the area is in (its own code for a district): the 担い手グループ of that district fit it. */
  district?: string;
}
