package jp.tsunagu.architecture.broken.beta;

import jp.tsunagu.architecture.broken.alpha.AlphaService;

/** Closes the cycle alpha → beta → alpha. */
public class BetaService {
    public String get() {
        return new AlphaService().get();
    }
}
