package jp.tsunagu.directory;

/** The kind of consultation a window takes. */
public enum WindowCategory {
    /** 高齢者 */
    ELDERLY,
    /** 障害者 */
    DISABILITY,
    /** 子ども */
    CHILD,
    /** 生活困窮者 */
    LIVING_HARDSHIP
}
