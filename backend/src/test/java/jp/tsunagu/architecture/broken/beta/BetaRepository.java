package jp.tsunagu.architecture.broken.beta;

/** The repository alpha should not touch. */
public class BetaRepository {
    public String find() {
        return "beta";
    }
}
