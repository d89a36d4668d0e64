package jp.tsunagu.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese fiscal years (年度, April–March) as cities write them: 令和4年度, R4年度, 令和元年度, 平成30年度,
 * H30, 2022年度. The API speaks Gregorian integers (2022 = 令和4年度).
 */
public final class FiscalYears {

    private static final Pattern ERA = Pattern.compile("(令和|平成|昭和|R|H|S|Ｒ|Ｈ|Ｓ)\\s*(元|[0-9０-９]{1,2})\\s*(?:年度|年)?");
    private static final Pattern GREGORIAN = Pattern.compile("([0-9０-９]{4})\\s*(?:年度|年)?");

    private FiscalYears() {
    }

    /** The fiscal year (年度, April–March) a day falls in: 2021-03-31 → 2020, 2021-04-01 → 2021. */
    public static int of(java.time.LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** This fiscal year, as the calendar in Japan has it. */
    /** Japan's time zone: the day a city's staff and residents live in, whatever the server's clock says. */
    public static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

    /** Today in Japan (a request received at 08:00 JST is received that day, though the server's UTC date is the day before). */
    public static java.time.LocalDate today() {
        return java.time.LocalDate.now(JAPAN);
    }

    public static int current() {
        return of(today());
    }

    /** The Gregorian fiscal year of a written one, or -1 when it is not one. */
    public static int parse(String text) {
        String t = text.strip();
        Matcher era = ERA.matcher(t);
        if (era.matches()) {
            int n = era.group(2).equals("元") ? 1 : Integer.parseInt(JapaneseNumbers.halfWidth(era.group(2)));
            return switch (era.group(1)) {
                case "令和", "R", "Ｒ" -> 2018 + n;
                case "平成", "H", "Ｈ" -> 1988 + n;
                default -> 1925 + n;
            };
        }
        Matcher g = GREGORIAN.matcher(t);
        if (g.matches()) {
            return Integer.parseInt(JapaneseNumbers.halfWidth(g.group(1)));
        }
        return -1;
    }

    /** 2022 → 令和4年度, 2019 → 令和元年度, 2018 → 平成30年度. */
    public static String format(int year) {
        if (year >= 2019) {
            int n = year - 2018;
            return "令和" + (n == 1 ? "元" : Integer.toString(n)) + "年度";
        }
        int n = year - 1988;
        return "平成" + (n == 1 ? "元" : Integer.toString(n)) + "年度";
    }

    /** The pattern of a written fiscal year, for use inside larger patterns. */
    public static String regex() {
        return "(?:(?:令和|平成|昭和|R|H|S|Ｒ|Ｈ|Ｓ)\\s*(?:元|[0-9０-９]{1,2})|[0-9０-９]{4})\\s*年度?";
    }
}
