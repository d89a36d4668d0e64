package jp.tsunagu.access;

import java.util.Set;

/**
 * Who is asking and from where, and which areas they may see: null for everything (ADMIN), else
 * the ids of a coordinator's districts and everything below them.
 */
public record Access(String actor, String ip, Set<Long> areaIds) {

    public boolean sees(Long areaId) {
        return areaIds == null || areaIds.contains(areaId);
    }
}
