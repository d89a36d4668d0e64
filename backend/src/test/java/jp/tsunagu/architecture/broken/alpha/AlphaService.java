package jp.tsunagu.architecture.broken.alpha;

import jp.tsunagu.architecture.broken.beta.BetaRepository;

/** Breaks "no feature uses another feature's repository" (and, with BetaService, "no cycles"). */
public class AlphaService {
    public String get() {
        return new BetaRepository().find();
    }
}
