package jp.tsunagu.architecture.broken.shared;

import jp.tsunagu.architecture.broken.alpha.AlphaService;

/** Breaks "shared imports no feature". */
public class Helper {
    public String get() {
        return new AlphaService().get();
    }
}
