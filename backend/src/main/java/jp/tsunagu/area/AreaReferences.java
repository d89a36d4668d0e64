package jp.tsunagu.area;

import java.util.Optional;

/**
 * Implemented by each feature whose records point at areas, so that an area still in use is never
 * deleted and the refusal says where it is used.
 */
public interface AreaReferences {

    /** A short Japanese description of what still uses the area (e.g. "相談窓口 3 件"), if anything. */
    Optional<String> describeUsesOf(Area area);
}
