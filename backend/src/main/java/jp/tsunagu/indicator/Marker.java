package jp.tsunagu.indicator;

/** A value that is not a number. None of these is zero; a blank (no value) is "not reported yet". */
public enum Marker {
    /** "***": 該当なし. */
    NOT_APPLICABLE("***"),
    /** "現状維持": the target equals the baseline. */
    MAINTAIN_BASELINE("現状維持"),
    /** "前年度維持": the target equals last year's actual. */
    MAINTAIN_PREVIOUS("前年度維持");

    private final String label;

    Marker(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
