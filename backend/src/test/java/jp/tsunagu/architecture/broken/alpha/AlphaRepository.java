package jp.tsunagu.architecture.broken.alpha;

/** Breaks nothing by itself; the others misuse it (see ArchitectureTest#eachRuleFailsOnCodeThatBreaksIt). */
public class AlphaRepository {
    public String find() {
        return "alpha";
    }
}
