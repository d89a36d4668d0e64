package jp.tsunagu.supportstats;

import jp.tsunagu.area.Area;

import java.time.LocalDate;

/** Fired inside the transaction of a write that changes the yearly figures of an area (and those above it). */
public record SupportFiguresChanged(Area area, LocalDate day) {
}
