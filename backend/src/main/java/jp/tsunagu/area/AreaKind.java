package jp.tsunagu.area;

/** Levels of the area tree; not every city uses every level. */
public enum AreaKind {
    /** 市 */
    CITY,
    /** 区 */
    WARD,
    /** 日常生活圏域 */
    LIVING_AREA,
    /** 校(地)区 */
    SCHOOL_DISTRICT,
    /** 町内自治会・隣近所 */
    NEIGHBOURHOOD
}
