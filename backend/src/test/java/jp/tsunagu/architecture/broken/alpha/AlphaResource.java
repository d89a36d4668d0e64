package jp.tsunagu.architecture.broken.alpha;

/** Breaks "resources call services, not repositories". */
public class AlphaResource {
    public String get() {
        return new AlphaRepository().find();
    }
}
