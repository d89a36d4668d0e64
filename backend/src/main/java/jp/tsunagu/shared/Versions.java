package jp.tsunagu.shared;

/** The optimistic-locking check every update makes: it names the version it was read at, and it must still be current. */
public final class Versions {

    private Versions() {
    }

    /** 400 on {@code version} when the update names none; 409 stale-version when the record has changed since. */
    public static void check(Long requested, long current, String what) {
        if (requested == null) {
            throw ProblemException.invalid("version", "変更には読み込んだときの版（version）が必要です");
        }
        if (requested != current) {
            throw ProblemException.staleVersion(what);
        }
    }
}
